#!/usr/bin/env bash
# Runs every test: installs system packages when missing, checks the style (any `swift format`
# warning fails the run), then `swift test`.
#   ./scripts/test.sh [extra swift test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
./scripts/bootstrap.sh
# .swift-format, and Tests/.swift-format (the same, but tests may force-unwrap and force-try).
swift format lint --strict --recursive Sources Tests Examples Snippets Package.swift
swift test "$@"
