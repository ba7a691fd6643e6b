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
"$PY" - "$OUT" <<'EOF'
import glob, json, os, re, statistics as st, sys
D = sys.argv[1]
L = []
w = L.append
med = lambda xs: st.median(xs) if xs else None
def jl(p):
    return [json.loads(l) for l in open(p) if l.strip().startswith("{")] if os.path.exists(p) else []
def rng(xs, nd=1):
    xs = [x for x in xs if x is not None]
    return "–" if not xs else f"{st.median(xs):,.{nd}f} ({min(xs):,.{nd}f}–{max(xs):,.{nd}f})"
ROW = re.compile(r"^(A|B|A/B) (user|sys|cpu|wall|peak)( s| MiB)?\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)")
def wp(p):
    r = {}
    if os.path.exists(p):
        for ln in open(p):
            m = ROW.match(ln.strip())
            if m: r[(m.group(1), m.group(2))] = tuple(float(m.group(i)) for i in (4, 5, 6))
    return r
def mmm(t, scale=1.0, nd=0):
    return "–" if not t else f"{t[1]*scale:,.{nd}f} ({t[0]*scale:,.{nd}f}–{t[2]*scale:,.{nd}f})"
targets = []
env = open(os.path.join(D, "env.txt")).read()
w("# ChartDraw vs peers: " + os.path.basename(D) + "\n")
w("```\n" + env.strip() + "\n```\n")
NS = sorted({int(m) for p in glob.glob(os.path.join(D, "render/warm/*.jsonl")) for m in re.findall(r"-(\d+)\.jsonl$", p)})
warm = {}
for p in glob.glob(os.path.join(D, "render/warm/*.jsonl")):
    m = re.match(r"(.+)-(mem|none|z1|z6|z1sub)-(\d+)\.jsonl$", os.path.basename(p))
    if m: warm[(m.group(1), m.group(2), int(m.group(3)))] = jl(p)
PEERS = ["cairo-c", "pycairo", "mplfinance"]
for mode, title in (("mem", "Render, warm, PNG encoded into memory"), ("none", "Render, warm, no PNG (drawing only)")):
    w(f"## {title}: ms per image, median over runs (min–max)\n")
    peers = [p for p in PEERS if any(k[0] == p and k[1] == mode for k in warm)]
    w("| N | swift | " + " | ".join(peers) + " | " + " | ".join(f"{p} / swift" for p in peers) + " |")
    w("|---:|---:|" + "---:|" * (2 * len(peers)))
    for n in NS:
        s = [j["median_total_ms"] for j in warm.get(("swift", mode, n), [])]
        cells, ratios = [], []
        for p in peers:
            v = [j["median_total_ms"] for j in warm.get((p, mode, n), [])]
            cells.append(rng(v, 2))
            ratios.append(f"{med(v) / med(s):.2f}×" if v and s else "–")
        w(f"| {n:,} | {rng(s, 2)} | " + " | ".join(cells) + " | " + " | ".join(ratios) + " |")
        if mode == "mem" and n == 200 and s and warm.get(("cairo-c", "mem", 200)):
            c = med([j["median_total_ms"] for j in warm[("cairo-c", "mem", 200)]])
            targets.append(("warm render, PNG in memory, N=200: faster than cairo-c mem", med(s) < c, f"{med(s):.2f} ms vs {c:.2f} ms ({c / med(s):.2f}× faster)"))
    sw = {n: warm.get(("swift", mode, n), []) for n in NS}
    if sw.get(NS[0]) if NS else None:
        w("\nswift phases (median of run medians, ms): " + "; ".join(
            f"N={n:,}: " + ", ".join(f"{k} {med([j['median_ms'][k] for j in sw[n]]):.2f}" for k in ("parse", "draw", "png", "free"))
            + " (scene " + f"{med([j['draw_sub_median_ms']['scene'] for j in sw[n]]):.2f}" + ", paint " + f"{med([j['draw_sub_median_ms']['paint'] for j in sw[n]]):.2f})"
            for n in NS if sw[n]))
        w("\nswift images/s (K / Σ(draw + png + free)): " + ", ".join(f"N={n:,} {med([j['images_per_s'] for j in sw[n]]):.1f}" for n in NS if sw[n]) + "\n")
    if mode == "mem" and 200 in NS and 20000 in NS and sw.get(200) and sw.get(20000):
        a, b = med([j["median_total_ms"] for j in sw[200]]), med([j["median_total_ms"] for j in sw[20000]])
        targets.append(("20,000 candles within 1.3× of 200 (warm, PNG in memory)", b / a <= 1.3, f"{b:.2f} / {a:.2f} ms = {b / a:.2f}×"))
w("## `chartdraw render`, whole process, paired with each peer (wall ms median (min–max); ratio = peer / chartdraw, median of pairs)\n")
w("| N | chartdraw render | " + " | ".join(PEERS) + " | " + " | ".join(f"{p} / chartdraw" for p in PEERS) + " |")
w("|---:|---:|" + "---:|" * (2 * len(PEERS)))
for n in NS:
    cells, ratios, mine = [], [], []
    for p in PEERS:
        r = wp(os.path.join(D, f"cold/render-vs-{p}-{n}.txt"))
        if not r:
            cells.append("–"); ratios.append("–"); continue
        mine.append(r[("A", "wall")])
        cells.append(mmm(r.get(("B", "wall")), 1e3))
        ab = r.get(("A/B", "wall"))
        ratios.append(f"{1 / ab[1]:.2f}× ({1 / ab[2]:.2f}–{1 / ab[0]:.2f})" if ab else "–")
        if ab and p == "cairo-c":
            targets.append((f"chartdraw render cold, N={n:,}: under 2× the C peer", ab[1] < 2, f"chartdraw / cairo-c = {ab[1]:.2f}"))
        if ab and p == "mplfinance":
            targets.append((f"chartdraw render cold, N={n:,}: ≥15× faster than mplfinance", 1 / ab[1] >= 15, f"mplfinance / chartdraw = {1 / ab[1]:.1f}"))
    w(f"| {n:,} | {mmm(mine[0], 1e3) if mine else '–'} | " + " | ".join(cells) + " | " + " | ".join(ratios) + " |")
w("\n## Peak RSS, whole process (GNU time, MiB, median of 3 (min–max))\n")
w("| run | chartdraw | cairo-c | chartdraw / cairo-c |")
w("|---|---:|---:|---:|")
def peak(name):
    p = os.path.join(D, "peak", name + ".txt")
    return [int(x) / 1024 for x in open(p).read().split() if x.isdigit()] if os.path.exists(p) else []
for n in NS:
    a, c = peak(f"chartdraw-render-{n}"), peak(f"cairo-c-cold-{n}")
    if a and c:
        w(f"| render N={n:,} | {rng(a)} | {rng(c)} | {med(a) / med(c):.2f}× |")
        targets.append((f"peak memory, render N={n:,}: under 2× the C peer", med(a) < 2 * med(c), f"{med(a):.1f} vs {med(c):.1f} MiB ({med(a) / med(c):.2f}×)"))
a, p = peak("chartdraw-validate-one"), peak("pydantic-one")
if a and p:
    w(f"| validate one document | {rng(a)} | (pydantic {rng(p)}) | pydantic / chartdraw {med(p) / med(a):.2f}× |")
ws = jl(os.path.join(D, "render/warm/swift-mem-200.jsonl")) + []
wc = {n: [j["maxrss_kib"] / 1024 for j in jl(os.path.join(D, f"render/warm/swift-mem-{n}.jsonl"))] for n in NS}
if any(wc.values()):
    w("\nIn-process maxrss of the warm loop (swift, PNG in memory, process peak after K images), MiB: " +
      ", ".join(f"N={n:,} {med(v):.1f}" for n, v in wc.items() if v))
w("\n## Validation (one core)\n")
vp = {}
for p in glob.glob(os.path.join(D, "validation/peers/inproc/*.txt")):
    for ln in open(p):
        if ln.startswith("RESULT "):
            r = json.loads(ln[7:]); vp.setdefault((r["peer"], r["mode"]), []).append(r)
sc = jl(os.path.join(D, "validation/swift-corpus.jsonl"))
sl = jl(os.path.join(D, "validation/swift-large.jsonl"))
sl10 = jl(os.path.join(D, "validation/swift-large-10000.jsonl"))
pyd10 = [json.loads(l[7:]) for l in open(os.path.join(D, "validation/pydantic-large-10000.txt")) if l.startswith("RESULT ")] if os.path.exists(os.path.join(D, "validation/pydantic-large-10000.txt")) else []
w("| measure | swift | pydantic | jsonschema | pydantic / swift | jsonschema / swift |")
w("|---|---:|---:|---:|---:|---:|")
if sc:
    s = med([j["docs_per_s"] for j in sc]); py = [r["docs_per_s"] for r in vp.get(("pydantic", "corpus"), [])]; js = [r["docs_per_s"] for r in vp.get(("jsonschema", "corpus"), [])]
    w(f"| corpus, docs/s (swift: median of {len(sc)} processes, range over all runs) | {s:,.0f} ({min(j['docs_per_s_min'] for j in sc):,.0f}–{max(j['docs_per_s_max'] for j in sc):,.0f}) | "
      f"{rng(py, 0)} | {rng(js, 0)} | {s / med(py):.1f}× faster | {s / med(js):.0f}× faster |" if py and js else f"| corpus docs/s | {s:,.0f} | – | – | – | – |")
    w(f"| corpus, µs per document | {med([j['us_per_doc'] for j in sc]):.1f} | {rng([r['us_per_doc'] for r in vp.get(('pydantic', 'corpus'), [])])} | {rng([r['us_per_doc'] for r in vp.get(('jsonschema', 'corpus'), [])])} | | |")
    if py:
        targets.append(("validation ≥ 5× pydantic docs/s (corpus, one core)", s >= 5 * med(py), f"{s:,.0f} vs {med(py):,.0f} docs/s ({s / med(py):.1f}×)"))
ps, pp = jl(os.path.join(D, "validation/pair-swift.jsonl")), [json.loads(l[7:]) for l in open(os.path.join(D, "validation/pair-pydantic.txt")) if l.startswith("RESULT ")] if os.path.exists(os.path.join(D, "validation/pair-pydantic.txt")) else []
if ps and pp:
    rs = [a["docs_per_s"] / b["docs_per_s"] for a, b in zip(ps, pp)]
    w(f"| corpus, paired passes (swift, pydantic in turn), docs/s | {rng([j['docs_per_s'] for j in ps], 0)} | {rng([r['docs_per_s'] for r in pp], 0)} | | {rng(rs, 1)}× faster | |")
if sl:
    py = [r["ms"] for r in vp.get(("pydantic", "large"), [])]; js = [r["ms"] for r in vp.get(("jsonschema", "large"), [])]
    s = med([j["median_ms"] for j in sl])
    w(f"| large.json (1,000 drawings), ms | {s:.2f} | {rng(py, 2)} | {rng(js, 1)} | {med(py) / s:.1f}× faster | {med(js) / s:.0f}× faster |" if py and js else f"| large.json ms | {s:.2f} | | | | |")
if sl10:
    s = med([j["median_ms"] for j in sl10])
    py = [r["ms"] for r in pyd10]
    w(f"| 10,000 drawings (over the 1,000 limit: one error), ms | {s:.2f} | {rng(py, 1)} | – | {med(py) / s:.1f}× faster | |" if py else f"| 10,000 drawings, ms | {s:.2f} | – | – | | |")
for peer in ("pydantic", "jsonschema"):
    r = wp(os.path.join(D, f"cold/validate-vs-{peer}.txt"))
    if r and ("A/B", "wall") in r:
        ab = r[("A/B", "wall")]
        w(f"| cold `chartdraw validate` one document vs {peer}, wall ms (paired) | {mmm(r[('A', 'wall')], 1e3)} | " +
          (f"{mmm(r[('B', 'wall')], 1e3)} | | {1 / ab[1]:.1f}× faster | |" if peer == "pydantic" else f" | {mmm(r[('B', 'wall')], 1e3)} | | {1 / ab[1]:.1f}× faster |"))
rcp = os.path.join(D, "validation/agreement.rc")
if os.path.exists(rcp):
    w(f"\nVerdicts vs pydantic on the corpus (compare.py): exit {open(rcp).read().strip()} (0 = the same verdict on every document); details in validation/swift-vs-pydantic.md")
sw = jl(os.path.join(D, "sweep.jsonl"))
if sw:
    w("\n## Drawing count, 200 candles, PNG in memory (ms per image, median)\n")
    w("| drawings | display items | scene | paint | png | total (min–max) | × the first row |")
    w("|---:|---:|---:|---:|---:|---:|---:|")
    for j in sw:
        m = j["median_ms"]
        w(f"| {j['drawings']:,} | {j['display_items']:,} | {m['scene']:.2f} | {m['paint']:.2f} | {m['png']:.2f} | {j['median_total_ms']:.2f} ({j['min_total_ms']:.2f}–{j['max_total_ms']:.2f}) | {j['ratio_to_first_count']:.2f} |")
po = jl(os.path.join(D, "png-options.jsonl"))
if po:
    w("\n## PNG encoding: the engine's settings on the same 200-candle images (ms per image, median; size of the last image)\n")
    w("| zlib level | filter | strategy | png ms | size KB | whole image ms |")
    w("|---:|---|---|---:|---:|---:|")
    for j in po:
        o = j["png_options"]
        mark = " (default)" if (o["level"], o["filter"], o["strategy"]) == (1, "up", "default") else ""
        w(f"| {o['level']}{mark} | {o['filter']} | {o['strategy']} | {j['median_ms']['png']:.2f} | {j['png_bytes_last'] / 1000:.1f} | {j['median_total_ms']:.2f} |")
    cz = {m: jl(os.path.join(D, f"render/warm/cairo-c-{m}-200.jsonl")) for m in ("mem", "z6", "z1", "z1sub")}
    cells = [f"{m} {med([x['median_ms']['png'] for x in v]):.2f} ms" for m, v in cz.items() if v]
    if cells:
        w("\ncairo-c's PNG step on the same workload (its modes, ms): " + ", ".join(cells))
pd = os.path.join(D, "profile-dso.txt")
if os.path.exists(pd) and os.path.getsize(pd):
    w("\n## Where the time goes: perf, warm loop, N=200, PNG in memory (share of samples)\n")
    w("| library | share |")
    w("|---|---:|")
    for ln in open(pd):
        parts = ln.split()
        if len(parts) >= 2:
            w(f"| {parts[1]} | {parts[0]} |")
    w("\nTop symbols: profile-symbols.txt beside this summary.")
w("\n## Targets\n")
w("| target | met | figures |")
w("|---|---|---|")
for t, ok, s in targets:
    w(f"| {t} | {'yes' if ok else '**no**'} | {s} |")
text = "\n".join(L) + "\n"
open(os.path.join(D, "summary.md"), "w").write(text)
print(text)
EOF
echo "# results: $OUT/summary.md" >&2
