#!/usr/bin/env bash
# Runs every test: installs system packages when missing, then `swift test`.
#   ./scripts/test.sh [extra swift test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
./scripts/bootstrap.sh
swift test "$@"
