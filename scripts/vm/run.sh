#!/usr/bin/env bash
# Runs a shell command inside a throw-away VM with Debian's stock kernel (which has the vrf, dummy,
# vxlan, bridge and veth modules this machine's kernel may lack) and exits with its exit code.
#
#   scripts/vm/run.sh [options] <command...>
#
# The arguments are joined with spaces and run by bash (like ssh), as root, in the current
# directory. The guest sees the host's root filesystem read-only under a tmpfs overlay: it may write
# anywhere, but writes are lost at the end, except in the directories named with --share.
#
#   --share DIR         make DIR (created if missing) writable in the guest at the same path,
#                       backed by the host directory (repeatable): test reports, results
#   --log FILE          write the guest console to FILE instead of standard output
#   --timeout SECS      stop the VM after SECS (default 1800); exit code 124
#   --boot-timeout SECS fail when the guest is not up after SECS (default 120)
#   --mem MIB           guest memory (default 3072)      --cpus N   vCPUs (default 2)
#   --init systemd      boot systemd as PID 1 (the host's /lib/systemd/systemd) into basic.target,
#                       and run the command as a service of it (default: busybox runs it as PID 1);
#                       the boot then takes longer (give --boot-timeout 300 under TCG)
#
# Exit codes: the command's; 124 on timeout; 125 when the VM itself failed (the reason is printed).
# Environment: OPENPE_VM_CACHE (default /var/cache/openpe-vm), OPENPE_VM_REFRESH=1 (fetch the
# current kernel package even if one is cached), OPENPE_VM_MODULES (extra modules to load).
# KVM is not used: on these machines it hangs; TCG boots in a few seconds.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/image.sh"

shares=() log_file= timeout=1800 boot_timeout=120 mem=3072 cpus=2 init=
usage() { sed -n '2,/^set /p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2; exit 125; }
while [ $# -gt 0 ]; do
    case $1 in
        --share) shares+=("$(mkdir -p "$2" && cd "$2" && pwd)") || { vm_log "cannot create $2"; exit 125; }; shift 2 ;;
        --log) log_file=$2; shift 2 ;;
        --timeout) timeout=$2; shift 2 ;;
        --boot-timeout) boot_timeout=$2; shift 2 ;;
        --mem) mem=$2; shift 2 ;;
        --cpus) cpus=$2; shift 2 ;;
        --init) [ "$2" = systemd ] || { vm_log "--init: only systemd is supported, got '$2'"; exit 125; }
                init=$2; shift 2 ;;
        -h|--help) usage ;;
        --) shift; break ;;
        -*) vm_log "unknown option $1"; usage ;;
        *) break ;;
    esac
done
[ $# -gt 0 ] || usage
[ "$(id -u)" -eq 0 ] || { vm_log "run as root: the host root is shared with the guest as it is (9p passthrough)"; exit 125; }

vm_prepare || exit 125

ctl=$(mktemp -d /tmp/openpe-vm.XXXXXX)
qemu_pid= tail_pid=
cleanup() {
    [ -n "$qemu_pid" ] && kill "$qemu_pid" 2>/dev/null
    [ -n "$tail_pid" ] && { sleep 0.3; kill "$tail_pid" 2>/dev/null; }
    rm -rf "$ctl"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

{
    printf 'cd %q 2>/dev/null || cd /\n' "$PWD"
    printf '%s\n' "$*"
} > "$ctl/cmd.sh"
echo "$VM_KERNEL_DIR/modules" > "$ctl/modules"
[ -n "$init" ] && echo "$init" > "$ctl/init"
# numdummies=0: no stray dummy0 in every namespace's view of the initial netns
printf '%s\n' vrf 'dummy numdummies=0' vxlan bridge veth ${OPENPE_VM_MODULES:-} > "$ctl/load"
share_args=()
: > "$ctl/shares"
for i in "${!shares[@]}"; do
    share_args+=(-fsdev "local,id=share$i,path=${shares[$i]},security_model=passthrough"
                 -device "virtio-9p-pci,fsdev=share$i,mount_tag=share$i")
    echo "share$i ${shares[$i]}" >> "$ctl/shares"
done

console="$ctl/console.raw"
: > "$console"
start=$(date +%s%N)
# Multi-threaded TCG crashed the guest's Java twice while it JIT-compiled hot code on one vCPU as another
# ran it (SIGSEGV in compiled BigInteger code, then in a compiled-frame walk, during Karaf's RSA key
# generation): one host thread for all vCPUs (thread=single) keeps cross-modifying code coherent.
# The baseline CPU model keeps the JIT away from QEMU 7.2's new AVX/AVX2 emulation.
qemu-system-x86_64 -accel tcg,thread=single -cpu qemu64 -m "$mem" -smp "$cpus" \
    -nodefaults -no-user-config -display none -vga none -nic none -no-reboot \
    -chardev "file,id=console,path=$console" -serial chardev:console \
    -kernel "$VM_KERNEL_DIR/vmlinuz" -initrd "$VM_INITRAMFS" \
    -append "console=ttyS0 quiet loglevel=3 panic=-1 rdinit=/init" \
    -device virtio-rng-pci \
    -fsdev "local,id=hostroot,path=/,security_model=passthrough,readonly=on,multidevs=remap" \
    -device virtio-9p-pci,fsdev=hostroot,mount_tag=hostroot \
    -fsdev "local,id=ctl,path=$ctl,security_model=passthrough" \
    -device virtio-9p-pci,fsdev=ctl,mount_tag=ctl \
    "${share_args[@]}" > "$ctl/qemu.log" 2>&1 &
qemu_pid=$!

if [ -n "$log_file" ]; then
    tail -n +1 -F --pid="$qemu_pid" "$console" 2>/dev/null | tr -d '\r' > "$log_file" &
else
    tail -n +1 -F --pid="$qemu_pid" "$console" 2>/dev/null | tr -d '\r' &
fi
tail_pid=$!

elapsed() { echo $(( ($(date +%s%N) - start) / 1000000 )); }
booted= reason= status=
while kill -0 "$qemu_pid" 2>/dev/null; do
    ms=$(elapsed)
    if [ -z "$booted" ]; then
        if grep -aq '^OPENPE-VM-READY' "$console"; then
            booted=$ms
            vm_log "guest up after $((ms / 1000)).$((ms % 1000 / 100)) s (kernel $(cat "$VM_KERNEL_DIR/kver"))"
        elif grep -aq '^OPENPE-VM-ERROR' "$console"; then
            :
        elif [ "$ms" -gt $((boot_timeout * 1000)) ]; then
            reason="boot timeout: the guest was not up after $boot_timeout s"; status=125; break
        fi
    fi
    if [ "$ms" -gt $((timeout * 1000)) ]; then
        reason="timeout: the command did not finish within $timeout s"; status=124; break
    fi
    sleep 0.2
done
if [ -n "$reason" ]; then
    kill "$qemu_pid" 2>/dev/null
fi
wait "$qemu_pid"
qemu_status=$?
qemu_pid=
wait "$tail_pid" 2>/dev/null
tail_pid=

ms=$(elapsed)
error=$(grep -a -m1 '^OPENPE-VM-ERROR' "$console" | tr -d '\r' | cut -d' ' -f2-)
if [ -n "$reason" ]; then
    :
elif [ -n "$error" ]; then
    reason="guest set-up failed: $error"; status=125
elif [ -f "$ctl/exit-code" ]; then
    status=$(cat "$ctl/exit-code")
    vm_log "command exited with $status; VM ran $((ms / 1000)).$((ms % 1000 / 100)) s"
    exit "$status"
else
    reason="the VM stopped without reporting an exit code (qemu exit status $qemu_status)"; status=125
fi
vm_log "$reason"
if [ -s "$ctl/qemu.log" ]; then
    vm_log "qemu said:"; sed 's/^/    /' "$ctl/qemu.log" >&2
fi
if [ -n "$log_file" ] || [ -z "$booted" ]; then
    vm_log "last console lines:"; tail -n 20 "$console" | tr -d '\r' | sed 's/^/    /' >&2
fi
exit "$status"
