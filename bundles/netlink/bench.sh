#!/bin/bash
# Benchmark of the netlink bundle against `ip -batch` in a throw-away namespace (needs root).
# Usage: bundles/netlink/bench.sh [rounds] [dump]
#   rounds: default 5 (bridge creates and teardown 3); about 4-5 minutes
#   dump:   run only the link-dump scenario (a few seconds per round)
set -euo pipefail
module="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$module/../.." && pwd)"
if [ "$(id -u)" != 0 ]; then
  echo "bench.sh: must run as root (creates a network namespace and devices)" >&2
  exit 1
fi
classpath="$module/target/bench.classpath"
if [ ! -f "$classpath" ] || [ ! -d "$module/target/test-classes/org/openpe/netlink/bench" ] \
    || [ -n "$(find "$module/src" -newer "$classpath" -print -quit)" ]; then
  (cd "$root" && mvn -B -q -pl bundles/netlink -am test-compile dependency:build-classpath \
      -Dmdep.includeScope=test -Dmdep.outputFile="$classpath")
fi
exec java -cp "$module/target/test-classes:$module/target/classes:$(cat "$classpath")" \
    org.openpe.netlink.bench.NetlinkBench "${1:-5}" ${2:+"$2"}
