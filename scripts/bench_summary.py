#!/usr/bin/env python3
"""Tables of one scripts/bench.sh run: reads the raw files of a results folder and writes
summary.md beside them (and prints it).

    python3 scripts/bench_summary.py .build/bench-results/latest

Run by scripts/bench.sh at the end; run it by hand to re-table a folder after changing this file.
"""
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
w("## First image in a process (PNG in memory; ms, median over processes (min–max))\n")
w("The first render of line 0 before the timed loop: fonts loaded, first surface, caches cold.\n")
w("| N | swift | " + " | ".join(PEERS) + " |")
w("|---:|---:|" + "---:|" * len(PEERS))
for n in NS:
    cells = [rng([j["first_image_ms"] for j in warm.get((p, "mem", n), [])], 1) for p in ["swift"] + PEERS]
    w(f"| {n:,} | " + " | ".join(cells) + " |")
w("")
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
