#!/usr/bin/env bash
# Builds and runs the libFuzzer targets of Fuzz/ (see docs/fuzzing.md).
#
#   scripts/fuzz.sh build                  build every target into .build/fuzz
#   scripts/fuzz.sh run TARGET [SECONDS]   fuzz one target (default 600 s), new inputs in
#                                          .build/fuzz/corpus/TARGET, crashes in .build/fuzz/crashes
#   scripts/fuzz.sh repro TARGET FILE...   run a target once on each file (a reproducer)
#   scripts/fuzz.sh smoke [SECONDS]        build, replay Fuzz/Reproducers, then fuzz every target
#                                          for SECONDS (default 15) from its seed corpus; fails on
#                                          any crash, leak, timeout or out-of-memory
#
# SwiftPM cannot build a fuzzer, so this compiles the three modules the targets need
# (ChartDrawCore, ChartDrawWire, ChartDrawRender; never the server) straight with swiftc, each
# once with libFuzzer's coverage and AddressSanitizer, and links each target's entry file
# (Fuzz/TARGET/main.swift) against them. Targets: body, candles, scene, painter.
# Environment: FUZZ_OPT (default -O), JOBS for `run` (default 1), NICE (default 10).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"

OUT=.build/fuzz
TARGETS=(body candles scene painter)
OPT=${FUZZ_OPT:--O}
NICE=${NICE:-10}
SAN=(-sanitize=fuzzer,address)
# The settings of Package.swift's targets.
FEATURES=(-swift-version 6 -enable-upcoming-feature ExistentialAny -enable-upcoming-feature MemberImportVisibility
  -enable-upcoming-feature InternalImportsByDefault)
# libFuzzer's limits for every run: what a crash, a hang and too much memory are.
LIMITS=(-rss_limit_mb=2048 -timeout=10)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=0}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/Fuzz/lsan.supp:print_suppressions=0}
# libFuzzer reports a crash (and keeps the input); the Swift runtime's backtracer would only slow it.
export SWIFT_BACKTRACE=${SWIFT_BACKTRACE:-enable=no}

usage() {
  sed -n '2,13p' "$0" >&2
  exit 64
}

known() {
  local t
  for t in "${TARGETS[@]}"; do [ "$t" = "$1" ] && return 0; done
  echo "fuzz.sh: unknown target '$1'; targets: ${TARGETS[*]}" >&2
  exit 64
}

# The include and link flags of Cairo, Pango and ISA-L (the system modules CCairo, CPango, CISAL).
c_flags() {
  local f
  echo -I Sources/CCairo -I Sources/CPango -I Sources/CISAL
  for f in $(pkg-config --cflags-only-I pangocairo pangoft2 fontconfig cairo freetype2); do echo -Xcc "$f"; done
}
c_libs() { pkg-config --libs pangocairo pangoft2 fontconfig cairo freetype2 zlib libisal; }

# One module: an object file and its .swiftmodule, from every Swift file of Sources/NAME.
module() {
  local name=$1
  shift
  local files
  mapfile -t files < <(find "Sources/$name" -name '*.swift' | sort)
  nice -n "$NICE" swiftc "${FEATURES[@]}" "${SAN[@]}" "$OPT" -gline-tables-only -parse-as-library -wmo -num-threads 0 \
    -module-name "$name" -package-name ChartDraw -I "$OUT" "$@" \
    -emit-module -emit-module-path "$OUT/$name.swiftmodule" -c -o "$OUT/$name.o" "${files[@]}"
}

build() {
  mkdir -p "$OUT"
  local start=$SECONDS
  module ChartDrawCore
  module ChartDrawWire
  # shellcheck disable=SC2046
  module ChartDrawRender $(c_flags)
  local t
  for t in "${TARGETS[@]}"; do
    local objs=("$OUT/ChartDrawCore.o" "$OUT/ChartDrawWire.o") extra=()
    if [ "$t" = scene ] || [ "$t" = painter ]; then
      objs+=("$OUT/ChartDrawRender.o")
      # shellcheck disable=SC2207
      extra=($(c_flags) $(c_libs))
    fi
    nice -n "$NICE" swiftc "${FEATURES[@]}" "${SAN[@]}" "$OPT" -gline-tables-only -parse-as-library -module-name "Fuzz_$t" -package-name ChartDraw \
      -I "$OUT" "${extra[@]}" "Fuzz/$t/main.swift" Fuzz/Shared/*.swift "${objs[@]}" -lm -use-ld=lld -o "$OUT/$t"
  done
  echo "fuzz.sh: built ${TARGETS[*]} in $((SECONDS - start)) s ($OPT)" >&2
}

# Runs a target on each file once; exit status non-zero when one crashes.
repro() {
  local t=$1
  shift
  "$OUT/$t" "${LIMITS[@]}" -runs=1 "$@"
}

run() {
  local t=$1 secs=${2:-600}
  mkdir -p "$OUT/corpus/$t" "$OUT/crashes/$t"
  # The seed corpus is read, new inputs are written to the first folder only.
  local jobs=()
  if [ "${JOBS:-1}" -gt 1 ]; then jobs=(-jobs="$JOBS" -workers="$JOBS"); fi
  nice -n "$NICE" "$OUT/$t" "${LIMITS[@]}" -max_total_time="$secs" "${jobs[@]}" -print_final_stats=1 \
    -artifact_prefix="$OUT/crashes/$t/" "$OUT/corpus/$t" "Fuzz/Corpus/$t"
}

smoke() {
  local secs=${1:-15} t failed=()
  build
  for t in "${TARGETS[@]}"; do
    local repros=()
    mapfile -t repros < <(find "Fuzz/Reproducers/$t" -type f ! -name 'README*' 2>/dev/null | sort)
    if [ ${#repros[@]} -gt 0 ]; then
      repro "$t" "${repros[@]}" >"$OUT/smoke-$t-repro.log" 2>&1 || {
        tail -40 "$OUT/smoke-$t-repro.log" >&2
        failed+=("$t (reproducer)")
      }
    fi
    # A fresh folder per run: the smoke starts from the committed seeds only, so it is the same
    # work every time.
    rm -rf "$OUT/smoke/$t"
    mkdir -p "$OUT/smoke/$t" "$OUT/crashes/$t"
    if "$OUT/$t" "${LIMITS[@]}" -max_total_time="$secs" -print_final_stats=1 -artifact_prefix="$OUT/crashes/$t/" \
      "$OUT/smoke/$t" "Fuzz/Corpus/$t" >"$OUT/smoke-$t.log" 2>&1; then
      echo "fuzz.sh: $t: $(grep -E '^stat::number_of_executed_units' "$OUT/smoke-$t.log" | awk '{print $2}') runs in ${secs} s, no finding" >&2
    else
      tail -60 "$OUT/smoke-$t.log" >&2
      failed+=("$t")
    fi
  done
  if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz.sh: smoke failed: ${failed[*]} (logs in $OUT/smoke-*.log, inputs in $OUT/crashes)" >&2
    exit 1
  fi
  echo "fuzz.sh: smoke passed: ${TARGETS[*]}" >&2
}

[ $# -ge 1 ] || usage
case $1 in
  build) build ;;
  run)
    [ $# -ge 2 ] || usage
    known "$2"
    run "$2" "${3:-600}"
    ;;
  repro)
    [ $# -ge 3 ] || usage
    known "$2"
    t=$2
    shift 2
    repro "$t" "$@"
    ;;
  smoke) smoke "${2:-15}" ;;
  *) usage ;;
esac
