#!/usr/bin/env bash
# Runs the OpenPE router in the foreground: installs what it needs, builds if needed, unpacks the
# distribution into runtime/openpe and starts it with the configuration in runtime/openpe/etc/.
# Ctrl-C or SIGTERM stops it cleanly.
set -euo pipefail
source "$(dirname "$0")/scripts/common.sh"

require_root
ensure_packages
build_if_needed

runtime="$OPENPE_ROOT/runtime/openpe"
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

log "starting OpenPE: configuration in $runtime/etc, shell with $runtime/bin/client"
exec "$runtime/bin/karaf" run
