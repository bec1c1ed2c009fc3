#!/usr/bin/env bash
# Runs the OpenPE router in the foreground: installs what it needs, builds if needed, unpacks the
# distribution into runtime/openpe and starts it with the configuration in runtime/openpe/etc/.
# Ctrl-C or SIGTERM stops it cleanly.
#
# With no OpenPE configuration of your own in runtime/openpe/etc/, it runs against the local lab
# (scripts/lab.sh: a leaf switch and a host, as network namespaces) and shows the sessions coming
# up. `./run.sh --lab-down` tears the lab down. OPENPE_LAB names the lab (default "lab": its
# namespaces are lab-leaf, lab-host and lab-pe).
set -euo pipefail
source "$(dirname "$0")/scripts/common.sh"

require_root
runtime="$OPENPE_ROOT/runtime/openpe"
lab=${OPENPE_LAB:-lab}
lab_marker="Written by scripts/lab.sh"

# The configuration files the lab wrote into etc/ (none when there is no runtime yet).
lab_files() {
    local file
    for file in "$runtime"/etc/org.openpe.*.cfg; do
        [ -f "$file" ] && grep -q "$lab_marker" "$file" && printf '%s\n' "$file"
    done
    return 0
}

# True when etc/ holds a resource configuration the lab did not write.
has_own_resources() {
    local file
    for file in "$runtime"/etc/org.openpe.{underlay,l3vni,l2vni,l3passthrough}-*.cfg; do
        [ -f "$file" ] && ! grep -q "$lab_marker" "$file" && return 0
    done
    return 1
}

if [ "${1:-}" = --lab-down ]; then
    step "tearing down the lab '$lab'" "$OPENPE_ROOT/scripts/lab.sh" down "$lab"
    mapfile -t written < <(lab_files)
    if [ ${#written[@]} -gt 0 ]; then
        log "removing the lab's configuration: ${written[*]##*/}"
        rm -f "${written[@]}"
    fi
    exit 0
fi
ensure_packages
build_if_needed

archive=$(distribution_archive)
[ -n "$archive" ] || fail "no distribution in karaf-assembly/target after the build" \
    "run 'mvn -B install -DskipTests' in $OPENPE_ROOT and read its output"
if [ ! -d "$runtime" ] || [ "$archive" -nt "$runtime/.installed" ]; then
    log "installing $(basename "$archive") into runtime/openpe (your etc/org.openpe.*.cfg files and state/ are kept)"
    staging=$(mktemp -d "$OPENPE_ROOT/runtime.XXXXXX")
    tar -xzf "$archive" -C "$staging" --strip-components=1
    if [ -d "$runtime/etc" ]; then
        cp -p "$runtime"/etc/org.openpe.*.cfg "$runtime"/etc/users.properties "$staging/etc/" 2>/dev/null || true
    fi
    # state/ holds the versions in force and the NICs moved into the router namespace
    if [ -d "$runtime/state" ]; then
        cp -a "$runtime/state" "$staging/"
    fi
    rm -rf "$runtime"
    mkdir -p "$(dirname "$runtime")"
    mv "$staging" "$runtime"
    touch "$runtime/.installed"
else
    log "runtime/openpe is up to date with $(basename "$archive")"
fi

if ! has_own_resources; then
    log "no configuration of your own in $runtime/etc: running against the local lab '$lab'"
    step "bringing up the lab '$lab' (namespaces $lab-leaf, $lab-host)" "$OPENPE_ROOT/scripts/lab.sh" up "$lab"
    "$OPENPE_ROOT/scripts/lab.sh" config "$runtime/etc" "$lab"
    # Shows the lab's sessions three times, 20 s apart, while OpenPE (which replaces this shell) runs.
    (for wait in 20 20 20; do
        sleep "$wait"
        kill -0 $$ 2>/dev/null || exit 0
        "$OPENPE_ROOT/scripts/lab.sh" status "$lab"
    done) &
    log "starting OpenPE inside the lab host namespace. Shell: nsenter --net=/var/run/netns/$lab-host $runtime/bin/client. Stop: Ctrl-C. Tear down: ./run.sh --lab-down"
    exec nsenter --net="/var/run/netns/$lab-host" "$runtime/bin/karaf" run
fi

if [ ! -f "$runtime/etc/org.openpe.node.cfg" ] || grep -q "$lab_marker" "$runtime/etc/org.openpe.node.cfg"; then
    log "using the default node settings"
    tar -xzf "$archive" -C "$runtime" --strip-components=1 --wildcards '*/etc/org.openpe.node.cfg'
fi
log "starting OpenPE: configuration in $runtime/etc, shell with $runtime/bin/client"
exec "$runtime/bin/karaf" run
