#!/usr/bin/env bash
# Runs every test: unit tests, kernel integration tests in throw-away network namespaces, tests
# against real FRR, and the Pax Exam tests booting the built distribution.
set -euo pipefail
source "$(dirname "$0")/scripts/common.sh"

require_root
OPENPE_PACKAGES+=("${OPENPE_TEST_PACKAGES[@]}")
ensure_packages
cd "$OPENPE_ROOT"
mvn -B install "$@"
