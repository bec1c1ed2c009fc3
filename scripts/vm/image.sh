# Prepares what the OpenPE test VM boots: Debian's stock kernel (downloaded once, cached per
# kernel package version) and a busybox initramfs built from init.sh/stage2.sh (cached per content
# hash). Sourced by run.sh; functions report failures with a reason and return non-zero.

VM_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
VM_CACHE=${OPENPE_VM_CACHE:-/var/cache/openpe-vm}
VM_PACKAGES=(qemu-system-x86 busybox-static)
# Loaded in the initramfs: what mounting the host root needs (plus an entropy source for Java).
VM_BOOT_MODULES=(virtio_pci 9pnet_virtio 9p overlay virtio_rng)

vm_log() { printf '[openpe-vm] %s\n' "$*" >&2; }

apt_updated=
apt_update_once() {
    [ -n "$apt_updated" ] && return 0
    vm_log "apt-get update"
    apt-get update -qq || { vm_log "apt-get update failed"; return 1; }
    apt_updated=yes
}

vm_ensure_packages() {
    local missing=() pkg
    for pkg in "${VM_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    apt_update_once || return 1
    vm_log "installing Debian packages: ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
        || { vm_log "could not install ${missing[*]} with apt-get"; return 1; }
}

# Sets VM_KERNEL_DIR to a cached kernel: vmlinuz, modules/ (depmod'ed tree), kver.
# Uses the newest cached kernel; downloads the current linux-image-*-amd64 only when none is
# cached or OPENPE_VM_REFRESH=1.
vm_ensure_kernel() {
    if [ "${OPENPE_VM_REFRESH:-0}" != 1 ]; then
        VM_KERNEL_DIR=$(ls -dt "$VM_CACHE"/kernel-*/ 2>/dev/null | while read -r d; do
            [ -f "$d/complete" ] && { echo "${d%/}"; break; }; done)
        [ -n "$VM_KERNEL_DIR" ] && return 0
    fi
    apt_update_once || return 1
    local pkg version
    pkg=$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9].*-amd64/ {print $2; exit}')
    [ -n "$pkg" ] || { vm_log "no kernel package found: 'apt-cache depends linux-image-amd64' names no linux-image-*-amd64 (Debian main in the apt sources?)"; return 1; }
    version=$(apt-cache policy "$pkg" | awk '/Candidate:/ {print $2}')
    VM_KERNEL_DIR="$VM_CACHE/kernel-${pkg}_$version"
    [ -f "$VM_KERNEL_DIR/complete" ] && return 0

    local tmp kver
    tmp=$(mktemp -d "$VM_CACHE/.download.XXXXXX")
    vm_log "downloading kernel package $pkg $version"
    (cd "$tmp" && apt-get download -qq "$pkg=$version" 2>/dev/null) && ls "$tmp"/*.deb >/dev/null 2>&1 \
        || { vm_log "no kernel package found: 'apt-get download $pkg=$version' failed"; rm -rf "$tmp"; return 1; }
    dpkg-deb -x "$tmp"/*.deb "$tmp/x" || { vm_log "cannot extract $pkg"; rm -rf "$tmp"; return 1; }
    kver=$(ls "$tmp/x/lib/modules")
    if [ ! -f "$tmp/x/boot/vmlinuz-$kver" ]; then
        vm_log "kernel package $pkg holds no /boot/vmlinuz-$kver"; rm -rf "$tmp"; return 1
    fi
    busybox depmod -b "$tmp/x" "$kver" || { vm_log "depmod failed for kernel $kver"; rm -rf "$tmp"; return 1; }
    mkdir -p "$tmp/k"
    mv "$tmp/x/boot/vmlinuz-$kver" "$tmp/k/vmlinuz"
    mv "$tmp/x/lib/modules/$kver" "$tmp/k/modules"
    echo "$kver" > "$tmp/k/kver"
    touch "$tmp/k/complete"
    rm -rf "$VM_KERNEL_DIR"
    mv "$tmp/k" "$VM_KERNEL_DIR"
    rm -rf "$tmp"
}

# Prints the modules.dep paths of a module and everything it depends on, dependencies first.
module_closure() { # modules-dir module
    awk -v want="$2" '
        { key = $1; sub(/:$/, "", key); deps[key] = ""; for (i = 2; i <= NF; i++) deps[key] = deps[key] " " $i
          name = key; sub(/.*\//, "", name); sub(/\.ko(\.[a-z]+)?$/, "", name); gsub(/-/, "_", name); path[name] = key }
        function visit(p,   n, d, i) { if (p in seen) return; seen[p] = 1
          n = split(deps[p], d, " "); for (i = n; i >= 1; i--) visit(d[i]); print p }
        END { w = want; gsub(/-/, "_", w); if (!(w in path)) exit 1; visit(path[w]) }' "$1/modules.dep"
}

# Sets VM_INITRAMFS to the initramfs for the cached kernel and the current init scripts.
vm_ensure_initramfs() {
    local kver hash
    kver=$(cat "$VM_KERNEL_DIR/kver")
    hash=$(cat "$VM_DIR/init.sh" "$VM_DIR/stage2.sh" <(echo "${VM_BOOT_MODULES[*]}") | sha256sum | cut -c1-12)
    VM_INITRAMFS="$VM_KERNEL_DIR/initramfs-$hash.cpio.gz"
    [ -f "$VM_INITRAMFS" ] && return 0

    local tmp module file
    tmp=$(mktemp -d "$VM_CACHE/.initramfs.XXXXXX")
    mkdir -p "$tmp/root/bin" "$tmp/root/lib/modules/$kver"
    cp /bin/busybox "$tmp/root/bin/busybox"
    sed "s/@KVER@/$kver/" "$VM_DIR/init.sh" > "$tmp/root/init"
    chmod 0755 "$tmp/root/init"
    cp "$VM_DIR/stage2.sh" "$tmp/root/stage2.sh"
    cp "$VM_KERNEL_DIR"/modules/modules.{dep,alias,symbols,builtin,order} "$tmp/root/lib/modules/$kver/" 2>/dev/null
    for module in "${VM_BOOT_MODULES[@]}"; do
        module_closure "$VM_KERNEL_DIR/modules" "$module" > "$tmp/closure" \
            || { vm_log "module $module missing from kernel $kver"; rm -rf "$tmp"; return 1; }
        while read -r file; do
            mkdir -p "$tmp/root/lib/modules/$kver/$(dirname "$file")"
            cp "$VM_KERNEL_DIR/modules/$file" "$tmp/root/lib/modules/$kver/$file"
        done < "$tmp/closure"
    done
    printf '%s\n' "${VM_BOOT_MODULES[@]}" > "$tmp/root/modules.boot"
    (cd "$tmp/root" && find . | busybox cpio -o -H newc 2>/dev/null | gzip -1) > "$tmp/initramfs.cpio.gz" \
        || { vm_log "cannot build the initramfs"; rm -rf "$tmp"; return 1; }
    mv "$tmp/initramfs.cpio.gz" "$VM_INITRAMFS"
    rm -rf "$tmp"
    find "$VM_KERNEL_DIR" -maxdepth 1 -name 'initramfs-*.cpio.gz' ! -path "$VM_INITRAMFS" -delete
}

# Everything a VM boot needs; serialised so that parallel runs build the cache once.
vm_prepare() {
    mkdir -p "$VM_CACHE" || { vm_log "cannot create the cache directory $VM_CACHE"; return 1; }
    vm_ensure_packages || return 1
    exec {lock_fd}>"$VM_CACHE/.lock"
    flock "$lock_fd"
    local rc=0
    vm_ensure_kernel && vm_ensure_initramfs || rc=1
    exec {lock_fd}>&-
    return $rc
}
