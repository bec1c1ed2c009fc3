#!/usr/bin/env bash
# Runs the OpenPE router in the foreground: installs what it needs, builds if needed, unpacks the
# distribution into runtime/openpe and starts it with the configuration in runtime/openpe/etc/.
# Ctrl-C or SIGTERM stops it cleanly.
#
# With no OpenPE configuration of your own in runtime/openpe/etc/, it runs against the local lab
# (scripts/lab.sh: a leaf switch and a host, as network namespaces) and shows the sessions coming
# up. `./run.sh --lab-down` tears the lab down.
set -euo pipefail
source "$(dirname "$0")/scripts/common.sh"

require_root
runtime="$OPENPE_ROOT/runtime/openpe"
if [ "${1:-}" = --lab-down ]; then
    "$OPENPE_ROOT/scripts/lab.sh" down lab
    grep -l "Written by scripts/lab.sh" "$runtime"/etc/org.openpe.*.cfg 2>/dev/null | xargs -r rm -f
    exit 0
fi
ensure_packages
build_if_needed

archive=$(distribution_archive)
if [ ! -d "$runtime" ] || [ "$archive" -nt "$runtime/.installed" ]; then
    log "installing $(basename "$archive") into runtime/openpe (your etc/org.openpe.*.cfg files are kept)"
    staging=$(mktemp -d "$OPENPE_ROOT/runtime.XXXXXX")
    tar -xzf "$archive" -C "$staging" --strip-components=1
    if [ -d "$runtime/etc" ]; then
        cp -p "$runtime"/etc/org.openpe.*.cfg "$runtime"/etc/users.properties "$staging/etc/" 2>/dev/null || true
    fi
    rm -rf "$runtime"
    mkdir -p "$(dirname "$runtime")"
    mv "$staging" "$runtime"
    touch "$runtime/.installed"
fi

resources=("$runtime"/etc/org.openpe.{underlay,l3vni,l2vni,l3passthrough}-*.cfg)
if ! grep -L "Written by scripts/lab.sh" "${resources[@]}" 2>/dev/null | grep -q .; then
    log "no configuration of your own in $runtime/etc: running against the local lab"
    "$OPENPE_ROOT/scripts/lab.sh" up lab
    "$OPENPE_ROOT/scripts/lab.sh" config "$runtime/etc" lab
    (for wait in 20 20 20; do sleep "$wait"; "$OPENPE_ROOT/scripts/lab.sh" status lab; done) &
    log "starting OpenPE inside the lab host namespace. Shell: nsenter --net=/var/run/netns/lab-host $runtime/bin/client. Stop: Ctrl-C. Tear down: ./run.sh --lab-down"
    exec nsenter --net=/var/run/netns/lab-host "$runtime/bin/karaf" run
fi

if [ ! -f "$runtime/etc/org.openpe.node.cfg" ] || grep -q "Written by scripts/lab.sh" "$runtime/etc/org.openpe.node.cfg"; then
    log "using the default node settings"
    tar -xzf "$archive" -C "$runtime" --strip-components=1 --wildcards '*/etc/org.openpe.node.cfg'
fi
log "starting OpenPE: configuration in $runtime/etc, shell with $runtime/bin/client"
exec "$runtime/bin/karaf" run
