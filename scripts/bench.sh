#!/usr/bin/env bash
# ChartDraw next to its peers, render and validation, in one command (issue 6).
#
#   bash scripts/bench.sh            # full run: about 35-45 min on 2 cores
#   QUICK=1 bash scripts/bench.sh    # smoke run: a few minutes, same tables, fewer runs
#
# What it does, in one session so that the engine and the peers see the same machine:
#   1. builds `chartdraw` and `chartdraw-bench` in release with the Swift runtime linked in
#      (swift build -c release --static-swift-stdlib: the way to ship the CLI, see README),
#      and copies the peers' sources from ../shared/bench to .build/bench-peers (their
#      scripts write data/, build/, out/ and results/ beside themselves);
#   2. runs run_peers.sh there with the engine added as the peer "swift"
#      (cold single images and warm K-image loops, PNG in memory and no PNG; the script
#      installs its Python packages with pip, builds the C peer and generates the data when
#      missing);
#   3. whole-process cold runs of `chartdraw render` (on data/workload-N.analysis.json and
#      .candles.csv) paired with each render peer (wholeproc.py --vs: A B A B ...), and peak RSS
#      from GNU time next to the C peer's;
#   4. validation: `chartdraw-bench validate corpus|large` before and after
#      ../shared/bench/validation/run.sh, paired corpus passes with pydantic, a 10,000-drawing
#      body, verdict agreement (compare.py), `chartdraw validate` cold vs the Python peers;
#   5. the drawing-count sweep (10 to 10,000 drawings over 200 candles);
#   6. a perf profile of the warm loop (N=200, PNG in memory) when perf can sample here;
#   7. prints one table per measure (medians, min-max, ratio to each peer) and the targets.
#
# Knobs (environment): NS="200 2000 20000", K=100, RUNS=7, WARM_RUNS=3 (run_peers.sh);
#   COLD_RUNS=11 (paired cold runs), PAIRS=3 (paired corpus passes), SWEEP="10,100,1000,10000",
#   SWEEP_K=10, SCRATCH=.build/bench-build (swift build --scratch-path), PY=python3,
#   SHARED=../shared/bench, SKIP_BUILD=1 (use the binaries already in $SCRATCH/release),
#   PROFILE=0 (skip the perf profile).
# Output: .build/bench-results/<UTC stamp>/ (summary.md, env.txt, commands.log, raw files);
#   .build/bench-results/latest points at it. Nothing is written into the source tree or
#   into ../shared.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SHARED_SRC=$(cd "${SHARED:-$ROOT/../shared/bench}" && pwd)
SCRATCH=${SCRATCH:-$ROOT/.build/bench-build}
# A writable copy of the peers' sources; data/ and build/ survive between runs.
SHARED="$ROOT/.build/bench-peers"
mkdir -p "$SHARED"
tar -C "$SHARED_SRC" --exclude=./data --exclude=./build --exclude=./out --exclude=./results \
  --exclude=./validation/results --exclude='*.jsonl' -cf - . | tar -C "$SHARED" -xf -
chmod -R u+w "$SHARED"

PY=${PY:-python3}
PY=$("$PY" -c "import sys; print(sys.executable)")
export PY
NS=${NS:-"200 2000 20000"}
COLD_RUNS=${COLD_RUNS:-11}
PAIRS=${PAIRS:-3}
SWEEP=${SWEEP:-"10,100,1000,10000"}
SWEEP_K=${SWEEP_K:-10}
VRUNS=5
LARGE_RUNS=21
if [ "${QUICK:-0}" = 1 ]; then
  COLD_RUNS=3; PAIRS=1; SWEEP_K=2; VRUNS=2; LARGE_RUNS=5
  export QUICK=1
fi
export NS

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="$ROOT/.build/bench-results/$STAMP"
mkdir -p "$OUT"/{cold,peak,validation,png}
ln -sfn "$STAMP" "$ROOT/.build/bench-results/latest"
log() { { printf '+'; printf ' %q' "$@"; printf '\n'; } >> "$OUT/commands.log"; }
run() { log "$@"; "$@"; }
load() { echo "load $1: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/env.txt"; }
say() { echo "# $*" >&2; }

# ---- 0. tools ----------------------------------------------------------------------------
if [ ! -x /usr/bin/time ]; then
  say "installing GNU time (Debian package 'time') for peak RSS"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
fi
command -v swift >/dev/null || { echo "swift not found (PATH)" >&2; exit 2; }

# ---- 1. build -----------------------------------------------------------------------------
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  say "swift build -c release --static-swift-stdlib (chartdraw, chartdraw-bench)"
  for product in chartdraw chartdraw-bench; do
    run swift build -c release --static-swift-stdlib --package-path "$ROOT" --scratch-path "$SCRATCH" --product $product
  done
fi
BIN="$SCRATCH/release"
CD="$BIN/chartdraw"
CB="$BIN/chartdraw-bench"
[ -x "$CD" ] && [ -x "$CB" ] || { echo "missing $CD or $CB" >&2; exit 2; }

{
  echo "date_utc: $STAMP"
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p'); cores: $(nproc); mem: $(free -g | awk '/Mem:/{print $2}') GiB"
  echo "kernel: $(uname -r)"
  echo "swift: $(swift --version 2>&1 | head -1)"
  echo "chartdraw: $("$CD" --version 2>&1 | head -1); git: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo ?)$(git -C "$ROOT" diff --quiet 2>/dev/null || echo ' (modified tree)')"
  echo "cairo: $(pkg-config --modversion cairo 2>/dev/null || echo ?); zlib: $(pkg-config --modversion zlib 2>/dev/null || echo ?)"
  echo "knobs: NS='$NS' QUICK=${QUICK:-0} COLD_RUNS=$COLD_RUNS PAIRS=$PAIRS SWEEP=$SWEEP SWEEP_K=$SWEEP_K"
  echo "command: ${QUICK:+QUICK=$QUICK }bash scripts/bench.sh"
} > "$OUT/env.txt"
load start

# ---- 2. render peers with the engine in the same run ---------------------------------------
say "render: run_peers.sh with the engine as peer 'swift'"
log env PEERS="cairo-c pycairo mplfinance swift" PEER_CMD_swift="$CB" bash "$SHARED/run_peers.sh"
PEERS="cairo-c pycairo mplfinance swift" PEER_CMD_swift="$CB" bash "$SHARED/run_peers.sh" > "$OUT/run_peers.log" 2>&1 ||
  { tail -20 "$OUT/run_peers.log" >&2; echo "run_peers.sh failed" >&2; exit 1; }
cp -rL "$SHARED/results/latest" "$OUT/render"
load "after run_peers"

# ---- 3. chartdraw render, whole process, paired with each peer; peak RSS ---------------------
WP=("$PY" "$SHARED/wholeproc.py")
cd "$SHARED"
for n in $NS; do
  A=("$CD" render "data/workload-$n.analysis.json" --candles "data/workload-$n.candles.csv" -o "$OUT/png/chartdraw-$n.png")
  declare -A VS=(
    [cairo-c]="build/peer_cairo --workload data/workload-$n.json --out out/bench-cairo-c-$n.png"
    [pycairo]="$PY peer_pycairo.py --workload data/workload-$n.json --out out/bench-pycairo-$n.png"
    [mplfinance]="$PY peer_mpl.py --workload data/workload-$n.json --out out/bench-mplfinance-$n.png"
  )
  for peer in cairo-c pycairo mplfinance; do
    say "cold: chartdraw render vs $peer, N=$n"
    log "${WP[@]}" -n "$COLD_RUNS" --warmup 1 --vs "${VS[$peer]}" -- "${A[@]}"
    "${WP[@]}" -n "$COLD_RUNS" --warmup 1 --vs "${VS[$peer]}" -- "${A[@]}" > "$OUT/cold/render-vs-$peer-$n.txt"
  done
  unset VS
  # GNU time, small footprint: chartdraw and the C peer in turn
  for i in 1 2 3; do
    /usr/bin/time -f %M -a -o "$OUT/peak/chartdraw-render-$n.txt" "${A[@]}" >/dev/null
    /usr/bin/time -f %M -a -o "$OUT/peak/cairo-c-cold-$n.txt" build/peer_cairo --workload "data/workload-$n.json" --out out/bench-peak-c.png >/dev/null
  done
  log /usr/bin/time -f %M "${A[@]}"
done
for i in 1 2 3; do
  /usr/bin/time -f %M -a -o "$OUT/peak/chartdraw-validate-one.txt" "$CD" validate validation/example.json >/dev/null
  /usr/bin/time -f %M -a -o "$OUT/peak/pydantic-one.txt" "$PY" validation/peer_pydantic.py one validation/example.json >/dev/null
done
load "after cold render"

# ---- 4. validation -------------------------------------------------------------------------
cd "$SHARED/validation"
[ -s corpus.jsonl ] && [ -s large.json ] && [ -s labels.jsonl ] || run "$PY" gen_docs.py
# a 10,000-drawing body: large.json's drawings repeated with fresh ids (over the 1,000 limit:
# one error, every drawing still checked)
"$PY" - "$OUT/validation/large-10000.json" <<'EOF'
import json, sys
b = json.load(open("large.json"))
d = b["drawings"]
out = []
for k in range(10):
    for x in d:
        y = json.loads(json.dumps(x))
        y["clientObjectId"] = f"{x['clientObjectId']}-{k}"
        out.append(y)
b["drawings"] = out[:10000]
json.dump(b, open(sys.argv[1], "w"), separators=(",", ":"))
EOF
swift_validation() {  # $1 = round
  say "validation: chartdraw-bench round $1"
  run "$CB" validate corpus corpus.jsonl --runs "$VRUNS" --warmup 1 ${2:+--dump "$2"} >> "$OUT/validation/swift-corpus.jsonl"
  run "$CB" validate large large.json --runs "$LARGE_RUNS" --warmup 3 >> "$OUT/validation/swift-large.jsonl"
  run "$CB" validate large "$OUT/validation/large-10000.json" --runs 5 --warmup 1 >> "$OUT/validation/swift-large-10000.jsonl"
}
swift_validation 1 "$OUT/validation/swift.dump.jsonl"
say "validation: validation/run.sh (pydantic, jsonschema)"
log bash validation/run.sh
bash run.sh > "$OUT/validation/run.log" 2>&1 || { tail -20 "$OUT/validation/run.log" >&2; echo "validation/run.sh failed" >&2; exit 1; }
cp -rL results/latest "$OUT/validation/peers"
swift_validation 2
for r in $(seq "$PAIRS"); do  # paired single passes, engine and pydantic in turn
  run "$CB" validate corpus corpus.jsonl --runs 1 --warmup 1 >> "$OUT/validation/pair-swift.jsonl"
  run "$PY" peer_pydantic.py corpus corpus.jsonl --runs 1 --warmup 1 | grep '^RESULT ' >> "$OUT/validation/pair-pydantic.txt"
done
run "$PY" peer_pydantic.py large "$OUT/validation/large-10000.json" --runs 5 --warmup 1 | grep '^RESULT ' > "$OUT/validation/pydantic-large-10000.txt" || true
run "$PY" compare.py labels.jsonl "$OUT/validation/swift.dump.jsonl" "$OUT/validation/peers/pydantic.dump.jsonl" \
  --names swift,pydantic --out "$OUT/validation/swift-vs-pydantic.md" > /dev/null && echo 0 > "$OUT/validation/agreement.rc" ||
  echo $? > "$OUT/validation/agreement.rc"
for peer in pydantic jsonschema; do
  say "cold: chartdraw validate vs $peer"
  log "${WP[@]}" -n "$COLD_RUNS" --warmup 1 --vs "$PY peer_$peer.py one example.json" -- "$CD" validate example.json
  "${WP[@]}" -n "$COLD_RUNS" --warmup 1 --vs "$PY peer_$peer.py one example.json" -- "$CD" validate example.json \
    > "$OUT/cold/validate-vs-$peer.txt"
done
load "after validation"

# ---- 5. drawing-count sweep ------------------------------------------------------------------
cd "$SHARED"
say "sweep: $SWEEP drawings over 200 candles"
run "$CB" --sweep-drawings "$SWEEP" --workload data/workload-200.json --k "$SWEEP_K" > "$OUT/sweep.jsonl"
load end

# ---- 5b. PNG encoding choices: time and size on the same pixels (N=200) -----------------------
say "png: encoder settings on the N=200 loop"
PNG_K=${PNG_K:-30}; [ "${QUICK:-0}" = 1 ] && PNG_K=5
for combo in "1 up default" "1 sub default" "1 none default" "1 paeth default" "1 adaptive default" \
             "1 up rle" "3 up default" "6 adaptive default" "9 adaptive default"; do
  read -r lv fl st <<<"$combo"
  run "$CB" --batch data/workload-200-k100.jsonl --k "$PNG_K" --png mem --png-level "$lv" --png-filter "$fl" \
    --png-strategy "$st" >> "$OUT/png-options.jsonl"
done

# ---- 6. profile: where the time of the warm loop goes ----------------------------------------
if [ "${PROFILE:-1}" != 0 ] && command -v perf >/dev/null &&
   perf record -q -o "$OUT/perf.data" -F 999 -g -- "$CB" --batch data/workload-200-k100.jsonl --k 50 --png mem \
     > /dev/null 2> "$OUT/perf.err"; then
  log perf record -F 999 -g -- "$CB" --batch data/workload-200-k100.jsonl --k 50 --png mem
  perf report -i "$OUT/perf.data" --stdio --no-children --sort dso -g none 2>/dev/null |
    grep '%' | grep -v '^#' | head -8 > "$OUT/profile-dso.txt" || true
  perf report -i "$OUT/perf.data" --stdio --no-children --sort dso,symbol -g none 2>/dev/null |
    grep '%' | grep -v '^#' | head -15 > "$OUT/profile-symbols.txt" || true
  rm -f "$OUT/perf.data"
else
  say "profile skipped (PROFILE=0, no perf, or perf cannot sample here: see $OUT/perf.err)"
fi

# ---- 7. tables ---------------------------------------------------------------------------------
"$PY" "$ROOT/scripts/bench_summary.py" "$OUT"
echo "# results: $OUT/summary.md" >&2
