# Stage 2 of the OpenPE test VM, run by busybox sh as PID 1 in the overlaid host root.
# The control share /run/openpe-vm (written by run.sh) holds:
#   cmd.sh      the command to run (bash script)
#   modules     the tree of the guest kernel's modules, as a host path
#   load        modules to load before the command, one a line, with options
#   shares      "<9p tag> <path>" per writable host directory, mounted at the same path
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
echo OPENPE-VM-READY
/bin/bash $CTL/cmd.sh < /dev/null
finish $?
