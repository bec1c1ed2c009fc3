# Shared by run.sh and test.sh: set-up of a Debian 12 machine and the build. Sourced, not run.

OPENPE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OPENPE_PACKAGES=(openjdk-17-jdk-headless maven git frr frr-pythontools iproute2 iputils-ping procps util-linux python3)
# Only the tests need these: Prometheus and promtool (the metrics tests), curl (scraping inside the
# lab's namespace), lintian (the Debian package test). test.sh adds them; run.sh does not.
OPENPE_TEST_PACKAGES=(prometheus curl lintian)

log() { printf '\033[1m[openpe]\033[0m %s\n' "$*" >&2; }

# Stops with what failed and how to fix it.
fail() { # what failed, how to fix it
    log "FAILED: $1"
    [ -n "${2:-}" ] && log "to fix: $2"
    exit 1
}

# A command that fails where nobody expected it still names itself: never a silent exit.
set -E
trap 'status=$?; log "FAILED (exit $status): $BASH_COMMAND, at ${BASH_SOURCE[0]##*/}:$LINENO"; exit $status' ERR

# Runs one step, saying what it does, and stops with a hint when it fails.
step() { # what, command...
    local what=$1
    shift
    log "$what"
    "$@" || fail "$what (exit $?): $*" "${STEP_HINT:-read the output above}"
}

require_root() {
    if [ "$(id -u)" -ne 0 ]; then
        fail "not running as root" "run it as root (sudo $0): OpenPE creates network namespaces and runs FRR"
    fi
}

# Installs the Debian packages OpenPE needs, touching apt only when one is missing.
ensure_packages() {
    local missing=() pkg
    for pkg in "${OPENPE_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        log "Debian packages present: ${OPENPE_PACKAGES[*]}"
        return
    fi
    STEP_HINT="check /etc/apt/sources.list and the network, then run 'apt-get update && apt-get install ${missing[*]}'" \
        step "installing Debian packages: ${missing[*]}" apt_install "${missing[@]}"
}

apt_install() {
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# Prints the built distribution's path, or nothing when there is none yet (never fails).
distribution_archive() {
    local archive
    for archive in "$OPENPE_ROOT"/karaf-assembly/target/openpe-*.tar.gz; do
        [ -f "$archive" ] && printf '%s\n' "$archive" && return 0
    done
    return 0
}

# Prints the first source file newer than the distribution, or nothing.
newer_source() { # archive
    (cd "$OPENPE_ROOT" && find pom.xml bundles features karaf-assembly -path '*/target' -prune \
        -o -type f -newer "$1" -print -quit)
}

# Builds the distribution when it is missing or older than any source file.
build_if_needed() {
    local archive changed
    archive=$(distribution_archive)
    if [ -z "$archive" ]; then
        log "no distribution built yet"
    else
        changed=$(newer_source "$archive")
        if [ -z "$changed" ]; then
            log "distribution $(basename "$archive") is up to date"
            return
        fi
        log "$changed is newer than the distribution"
    fi
    STEP_HINT="the Maven output above names the module and the error; 'mvn -B install -DskipTests' in $OPENPE_ROOT reproduces it" \
        step "building the distribution (mvn install -DskipTests, about a minute)" \
        bash -c 'cd "$1" && mvn -B -q install -DskipTests' build "$OPENPE_ROOT"
}
