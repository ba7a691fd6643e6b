#!/usr/bin/env bash
# Builds the DocC documentation of every public module into one static site:
#   ./scripts/docs.sh [OUT]          (default .build/docs; open OUT/documentation/chartdraw)
# Each module's catalog is Sources/<Module>/<Module>.docc; the code it shows comes from
# Snippets/, which `swift build` compiles (SnippetTests checks the docs show that code).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
OUT=${1:-.build/docs}
mkdir -p "$OUT"
targets=()
for module in ChartDraw ChartDrawCore ChartDrawWire ChartDrawRender ChartDrawClient ChartDrawServer ChartDrawSandbox; do
    targets+=(--target "$module")
done
swift package --allow-writing-to-directory "$OUT" generate-documentation "${targets[@]}" \
    --enable-experimental-combined-documentation --output-path "$OUT" \
    --transform-for-static-hosting --warnings-as-errors
echo "documentation in $OUT (index: $OUT/documentation/chartdraw/index.html)"
