#!/bin/bash
# Scale benchmark (issue 16): one OpenPE node with a leaf and a host speaker, driven at 100 VNIs and
# then at N (default 1000): N L3VNIs, each with a host leg and session, plus one L2VNI per 10.
# Per size: cold start to all Applied (and the part FRR took), one VNI added and removed, a runtime
# restart (devices recreated, sessions reset, time to the first pass with nothing to change),
# deleting all; the JVM's RSS with all applied beside the same JVM with none. Not part of CI.
#
#   scripts/scale/bench.sh [vnis] [maven arguments...]      (root)
#
# Runs on this kernel when it has vrf and dummy (scripts/vm/kernel-has-vrf.sh), otherwise in the VRF
# tier's VM (scripts/vm/run.sh; OPENPE_SCALE_MEM MiB, default 6144; OPENPE_SCALE_TIMEOUT s, default
# 14400). Builds the distribution and the driver first (OPENPE_SCALE_BUILD=0 skips that). Writes the
# output and the runtime's logs to itests/target/scale/ (OPENPE_SCALE_OUT; copied there every 15 s while it
# runs; OPENPE_SCALE_SAMPLE=true adds a thread dump of the runtime every 5 s to its console.log, to see
# where a slow phase spends its time). The last line is the RESULT.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
vnis=${1:-1000}
shift || true
if [ "$(id -u)" != 0 ]; then
  echo "bench.sh: must run as root (network namespaces, FRR daemons, the VM)" >&2
  exit 1
fi
out="${OPENPE_SCALE_OUT:-$root/itests/target/scale}"
mkdir -p "$out"
if [ "${OPENPE_SCALE_BUILD:-1}" != 0 ]; then
  (cd "$root" && mvn -B -q "$@" install -DskipTests \
      && mvn -B -q "$@" -pl itests test-compile dependency:build-classpath \
          -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath")
fi
version=$(cd "$root" && sed -n 's:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p' pom.xml | head -1)
distribution="$root/karaf-assembly/target/openpe-$version.tar.gz"
[ -f "$distribution" ] || { echo "bench.sh: no distribution at $distribution; build first" >&2; exit 1; }
command="$(command -v java) -Xmx256m -Dopenpe.distribution=$distribution -Dopenpe.vrftier.reports=$out -Dopenpe.scale.sample=${OPENPE_SCALE_SAMPLE:-false}"
command+=" -cp $root/itests/target/test-classes:$(cat "$out/classpath") org.openpe.itests.vm.ScaleBench $vnis"
status=0
if "$root/scripts/vm/kernel-has-vrf.sh" >/dev/null 2>&1; then
  bash -c "$command" 2>&1 | tee "$out/bench.log" || status=$?
else
  "$root/scripts/vm/run.sh" --mem "${OPENPE_SCALE_MEM:-6144}" --timeout "${OPENPE_SCALE_TIMEOUT:-14400}" \
      --share "$out" -- "$command" 2>&1 | tee "$out/bench.log" || status=$?
fi
result=$(grep '^RESULT ' "$out/bench.log" | tail -1) || true
[ -n "$result" ] || { echo "bench.sh: no RESULT (exit status $status); see $out/bench.log" >&2; exit 1; }
echo "$result"
