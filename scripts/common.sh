# Shared by run.sh and test.sh: set-up of a Debian 12 machine and the build. Sourced, not run.

OPENPE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OPENPE_PACKAGES=(openjdk-17-jdk-headless maven frr frr-pythontools iproute2 iputils-ping procps util-linux python3)

log() { printf '\033[1m[openpe]\033[0m %s\n' "$*" >&2; }

require_root() {
    if [ "$(id -u)" -ne 0 ]; then
        log "run this as root: OpenPE creates network namespaces and runs FRR"
        exit 1
    fi
}

# Installs the Debian packages OpenPE needs, touching apt only when one is missing.
ensure_packages() {
    local missing=() pkg
    for pkg in "${OPENPE_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        log "installing Debian packages: ${missing[*]}"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

distribution_archive() {
    ls "$OPENPE_ROOT"/karaf-assembly/target/openpe-*.tar.gz 2>/dev/null | head -n 1
}

# Builds the distribution when it is missing or older than any source file.
build_if_needed() {
    local archive
    archive=$(distribution_archive)
    if [ -n "$archive" ] && [ -z "$(cd "$OPENPE_ROOT" && find pom.xml bundles features karaf-assembly \
            -path '*/target' -prune -o -type f -newer "$archive" -print | head -n 1)" ]; then
        return
    fi
    log "building the distribution (mvn install -DskipTests)"
    (cd "$OPENPE_ROOT" && mvn -B -q install -DskipTests)
}
