# Stage 2 of the OpenPE test VM, run by busybox sh as PID 1 in the overlaid host root.
# The control share /run/openpe-vm (written by run.sh) holds:
#   cmd.sh      the command to run (bash script)
#   modules     the tree of the guest kernel's modules, as a host path
#   load        modules to load before the command, one a line, with options
#   shares      "<9p tag> <path>" per writable host directory, mounted at the same path
#   init        optional; "systemd": boot systemd as PID 1, which runs the command as a service
# and receives exit-code.
BIN=/run/openpe-vm-bin
CTL=/run/openpe-vm
BB=$BIN/busybox
KVER=$($BB cat $BIN/kver)
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 TERM=dumb

finish() {
    echo "$1" > $CTL/exit-code
    $BB sync
    echo "OPENPE-VM-EXIT $1"
    $BB poweroff -f
}

fail() {
    echo "OPENPE-VM-ERROR $*"
    finish 125
}

$BB mkdir -p /lib/modules/$KVER
$BB mount --bind "$($BB cat $CTL/modules)" /lib/modules/$KVER \
    || fail "cannot bind the modules of kernel $KVER from $($BB cat $CTL/modules)"
echo $BIN/modprobe > /proc/sys/kernel/modprobe
while read -r module options; do
    [ -n "$module" ] || continue
    $BIN/modprobe "$module" $options || fail "kernel module $module missing or not loadable in kernel $KVER"
done < $CTL/load

while read -r tag path; do
    [ -n "$tag" ] || continue
    $BB mkdir -p "$path"
    $BB mount -t 9p -o trans=virtio,version=9p2000.L,msize=512000 "$tag" "$path" \
        || fail "cannot mount the writable share $path (9p tag $tag)"
done < $CTL/shares

# /run is empty: recreate what booting Debian puts there (e.g. /run/frr owned by frr).
[ -x /usr/bin/systemd-tmpfiles ] && /usr/bin/systemd-tmpfiles --create --prefix=/run >/dev/null 2>&1
$BB hostname openpe-vm
# Without this, every lookup of the host name (Java's getLocalHost) waits on DNS the guest cannot reach.
echo '127.0.1.1 openpe-vm' >> /etc/hosts
$BB ip link set lo up

# systemd as PID 1 (run.sh --init systemd): it boots the overlaid host root into openpe-vm.target
# only (sysinit and basic, none of the host's services), whose one service runs the command, writes
# its exit code and powers off. Everything written here lives in the throw-away overlay.
boot_systemd() {
    [ -x /lib/systemd/systemd ] || fail "no /lib/systemd/systemd in the host root (install systemd)"
    local units=/etc/systemd/system
    echo openpe-vm > /etc/hostname
    # Debian's tmp.conf empties /tmp at boot, and a --share directory may live there; /run is already set up.
    # The host's timers would start catch-up jobs (apt, man-db) that only slow the emulated CPU down.
    for unit in systemd-tmpfiles-setup.service systemd-tmpfiles-clean.timer timers.target; do
        $BB ln -sf /dev/null $units/$unit
    done
    cat > $BIN/systemd-command.sh <<'CMD'
#!/bin/bash
echo OPENPE-VM-READY
/bin/bash /run/openpe-vm/cmd.sh < /dev/null
status=$?
echo "$status" > /run/openpe-vm/exit-code
sync
echo "OPENPE-VM-EXIT $status"
systemctl --force --force poweroff
CMD
    cat > $units/openpe-vm-command.service <<UNIT
[Unit]
Description=OpenPE VM: the command of scripts/vm/run.sh
[Service]
Type=simple
ExecStart=/bin/bash $BIN/systemd-command.sh
StandardOutput=tty
StandardError=inherit
TTYPath=/dev/ttyS0
TTYReset=no
TTYVHangup=no
Environment=PATH=$PATH HOME=/root LANG=C.UTF-8 TERM=dumb
UNIT
    cat > $units/openpe-vm.target <<UNIT
[Unit]
Description=OpenPE VM: basic system and the command
Requires=basic.target openpe-vm-command.service
After=basic.target
AllowIsolate=yes
UNIT
    exec /lib/systemd/systemd --unit=openpe-vm.target
}
[ "$($BB cat $CTL/init 2>/dev/null)" = systemd ] && boot_systemd

echo OPENPE-VM-READY
/bin/bash $CTL/cmd.sh < /dev/null
finish $?
