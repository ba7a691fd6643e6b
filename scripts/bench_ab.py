#!/usr/bin/env python3
"""Before/after warm-render comparison of two `chartdraw-bench` builds, in one session.

    python3 scripts/bench_ab.py BEFORE_BIN AFTER_BIN [--pairs 15] [--instructions]
        [--workload 200:data/workload-200-k100.jsonl:100] [--workload 20000:F:K ...]

Each pair runs `BIN --batch F --k K --png mem` once per build, the order alternating from
pair to pair, so that both builds see the same machine. It prints, per workload, the medians
(over processes) of each build's per-process median per image, the median and range of the
after/before ratios within pairs, and the ratio of the best processes. The machines this
runs on are shared and noisy: run `--control` first (the before build against a copy of
itself) to see how far two identical arms drift in the same run.

`--instructions` adds instruction counts per warm image (valgrind's callgrind, which counts
instructions, not seconds, so the figure repeats whatever else the machine is doing): the
scene build, the painting and the PNG encoding are each counted at K=5 and K=15 images and
the difference divided by 10, which leaves out the first image (font loading).

Workloads come from ../shared/bench/gen_workload.py (`--n 200 --k 100`, `--n 20000 --k 60`).
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile


def run(binary, path, k):
    out = subprocess.run(
        [binary, "--batch", path, "--k", str(k), "--png", "mem"], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.splitlines()[0])


def instructions(binary, path, k, pattern):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "cg.out")
        subprocess.run(
            ["valgrind", "--tool=callgrind", f"--toggle-collect={pattern}", f"--callgrind-out-file={out}",
             binary, "--batch", path, "--k", str(k), "--png", "mem"],
            capture_output=True, check=True,
        )
        text = subprocess.run(["callgrind_annotate", out], capture_output=True, text=True, check=True).stdout
        for line in text.splitlines():
            if "PROGRAM TOTALS" in line:
                return int(line.split()[0].replace(",", ""))
    raise RuntimeError("callgrind gave no totals")


# The scene builder, the painter and the PNG encoder, by their symbols (any argument list).
PHASES = [("scene", "*SceneO5build*"), ("paint", "*DisplayListPainterO5paint*"), ("png", "*PNGEncoderV6encode*")]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--pairs", type=int, default=15)
    ap.add_argument("--workload", action="append", default=[], help="N:FILE:K")
    ap.add_argument("--instructions", action="store_true")
    ap.add_argument("--control", action="store_true", help="compare BEFORE with a copy of itself")
    args = ap.parse_args()
    if not args.workload:
        sys.exit("give at least one --workload N:FILE:K")
    before, after = args.before, args.after
    tmpdir = None
    if args.control:
        tmpdir = tempfile.mkdtemp()
        after = os.path.join(tmpdir, "control")
        shutil.copy2(before, after)
    for spec in args.workload:
        n, path, k = spec.split(":")
        rows = {"before": [], "after": []}
        for i in range(args.pairs):
            order = [("before", before), ("after", after)]
            if i % 2:
                order.reverse()
            for name, binary in order:
                rows[name].append(run(binary, path, k))
        ratios = [a["median_total_ms"] / b["median_total_ms"] for b, a in zip(rows["before"], rows["after"])]
        print(f"N={n} K={k} pairs={args.pairs}")
        for name in ("before", "after"):
            r = rows[name]
            tot = [x["median_total_ms"] for x in r]

            def med(key, sub):
                return statistics.median(x[key][sub] for x in r)

            print(
                f"  {name:6}: total {statistics.median(tot):.3f} ms (min {min(tot):.3f}, max {max(tot):.3f}); "
                f"scene {med('draw_sub_median_ms', 'scene'):.3f} paint {med('draw_sub_median_ms', 'paint'):.3f} "
                f"png {med('median_ms', 'png'):.3f}; first image {statistics.median(x['first_image_ms'] for x in r):.1f} ms; "
                f"{r[-1]['png_bytes_last']} bytes"
            )
        best = min(x["median_total_ms"] for x in rows["after"]) / min(x["median_total_ms"] for x in rows["before"])
        print(
            f"  after/before: median of pair ratios {statistics.median(ratios):.3f} "
            f"(range {min(ratios):.3f}-{max(ratios):.3f}); best process {best:.3f}"
        )
        if args.instructions:
            per = {}
            for name, binary in (("before", before), ("after", after)):
                per[name] = {
                    phase: (instructions(binary, path, 15, pat) - instructions(binary, path, 5, pat)) / 10
                    for phase, pat in PHASES
                }
            for name in ("before", "after"):
                p = per[name]
                print(
                    f"  {name:6} instructions per warm image: scene {p['scene']:,.0f} paint {p['paint']:,.0f} "
                    f"png {p['png']:,.0f} total {sum(p.values()):,.0f}"
                )
            print(f"  after/before instructions: {sum(per['after'].values()) / sum(per['before'].values()):.3f}")
    if tmpdir:
        shutil.rmtree(tmpdir)


if __name__ == "__main__":
    main()
