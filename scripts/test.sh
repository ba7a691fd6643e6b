#!/usr/bin/env bash
# Runs every test: installs system packages when missing, checks the style (any `swift format`
# warning fails the run), then `swift test`, then the fuzz smoke (scripts/fuzz.sh smoke).
#   ./scripts/test.sh [extra swift test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
./scripts/bootstrap.sh
# .swift-format, and Tests/.swift-format (the same, but tests may force-unwrap and force-try).
swift format lint --strict --recursive Sources Tests Examples Snippets Fuzz Package.swift
swift test "$@"
# The fuzz targets for a short budget, failing on any crash, leak or timeout (docs/fuzzing.md):
# for the whole suite only, not a filtered run; FUZZ_SMOKE=0 leaves it out.
if [ $# -eq 0 ] && [ "${FUZZ_SMOKE:-1}" != 0 ]; then
  ./scripts/fuzz.sh smoke
fi
