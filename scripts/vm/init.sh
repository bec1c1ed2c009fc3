#!/bin/busybox sh
# /init of the OpenPE test VM's initramfs (stage 1, PID 1 in the initramfs).
# Mounts the host's root filesystem (virtio-9p, read-only) under a tmpfs overlay so that the guest
# sees the host's Java, FRR and checkout and may write anywhere, then switches root into it and
# runs stage2.sh there. @KVER@ is replaced by the kernel version when the initramfs is built.
KVER=@KVER@

/bin/busybox --install -s /bin
export PATH=/bin

fail() {
    echo "OPENPE-VM-ERROR $*"
    poweroff -f
}

mkdir -p /proc /sys /dev /lower /rw /newroot
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev

for module in $(cat /modules.boot); do
    modprobe "$module" || fail "module $module of kernel $KVER could not be loaded (initramfs)"
done

mount -t 9p -o trans=virtio,version=9p2000.L,msize=512000,cache=loose,ro hostroot /lower \
    || fail "cannot mount the host root filesystem (9p tag hostroot)"
mount -t tmpfs -o mode=0755 overlay-rw /rw || fail "cannot mount tmpfs for the overlay"
mkdir -p /rw/upper /rw/work
mount -t overlay -o lowerdir=/lower,upperdir=/rw/upper,workdir=/rw/work overlay /newroot \
    || fail "cannot mount the overlay of the host root filesystem"

# Fresh pseudo filesystems: the host's /run (pid files, FRR sockets, named netns) must not leak in.
mount -t proc proc /newroot/proc
mount -t sysfs sysfs /newroot/sys
mount -t devtmpfs devtmpfs /newroot/dev
mkdir -p /newroot/dev/pts /newroot/dev/shm
mount -t devpts devpts /newroot/dev/pts
mount -t tmpfs -o mode=1777 shm /newroot/dev/shm
mount -t tmpfs -o mode=0755 run /newroot/run
mkdir -p /newroot/run/netns /newroot/run/openpe-vm /newroot/run/openpe-vm-bin
mount -t 9p -o trans=virtio,version=9p2000.L,msize=512000 ctl /newroot/run/openpe-vm \
    || fail "cannot mount the control share (9p tag ctl)"

cp /bin/busybox /stage2.sh /newroot/run/openpe-vm-bin/
ln -s busybox /newroot/run/openpe-vm-bin/modprobe
echo "$KVER" > /newroot/run/openpe-vm-bin/kver

exec switch_root /newroot /run/openpe-vm-bin/busybox sh /run/openpe-vm-bin/stage2.sh
