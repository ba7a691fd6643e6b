#!/usr/bin/env bash
# The main job: renders the official GBP/USD example analysis over its candles to a PNG.
#   ./scripts/demo.sh [OUT.png]     (default: gbpusd.png in the current folder)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-gbpusd.png}"
export PATH="$PATH:/opt/swift/usr/bin"
"$root/scripts/bootstrap.sh"
swift build --package-path "$root" -c release --product chartdraw >&2
bin="$(swift build --package-path "$root" -c release --show-bin-path)/chartdraw"
"$bin" render "$root/Examples/GBPUSDBounce/analysis.json" \
  --candles "$root/Examples/GBPUSDBounce/candles.csv" \
  --created-at 2026-01-08T12:00:00Z -o "$out"
echo "wrote $out" >&2
