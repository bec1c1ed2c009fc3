#!/bin/bash
# Benchmark of the FRR apply paths on L3VNI-shaped configurations, with a real FRR in a
# throw-away namespace (needs root, Debian's frr and frr-pythontools).
# Usage: bundles/frr/bench.sh [vnis...]   (default: 100 1000 4000; 4000 takes many minutes)
# The last line is the RESULT of the largest size.
set -euo pipefail
module="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$module/../.." && pwd)"
if [ "$(id -u)" != 0 ]; then
  echo "bench.sh: must run as root (creates a network namespace and starts FRR daemons)" >&2
  exit 1
fi
classpath="$module/target/bench.classpath"
if [ ! -f "$classpath" ] || [ ! -f "$module/target/test-classes/org/openpe/frr/internal/FrrBench.class" ] \
    || [ -n "$(find "$module/src" -newer "$classpath" -print -quit)" ]; then
  (cd "$root" && mvn -B -q -pl bundles/frr -am test-compile dependency:build-classpath \
      -Dmdep.includeScope=test -Dmdep.outputFile="$classpath")
fi
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000 4000)
exec java -cp "$module/target/test-classes:$module/target/classes:$(cat "$classpath")" \
    org.openpe.frr.internal.FrrBench "${sizes[@]}"
