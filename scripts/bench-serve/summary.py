#!/usr/bin/env python3
"""Tables of one scripts/bench-serve.sh run: python3 scripts/bench-serve/summary.py RESULTS_DIR."""
import json
import os
import re
import sys

d = sys.argv[1]


def j(name):
    p = os.path.join(d, name)
    if not os.path.exists(p) or os.path.getsize(p) == 0:
        return None
    with open(p) as f:
        text = f.read().strip().splitlines()
    for line in reversed(text):
        line = line.strip()
        if line.startswith("{"):
            try:
                return json.loads(line)
            except ValueError:
                pass
    return None


def metric(name, pattern):
    p = os.path.join(d, name)
    if not os.path.exists(p):
        return 0.0
    total = 0.0
    for line in open(p):
        if line.startswith(pattern):
            total += float(line.rsplit(" ", 1)[1])
    return total


def pct(values, q):
    if not values:
        return float("nan")
    s = sorted(values)
    k = min(len(s) - 1, max(0, int(round(q / 100 * len(s) + 0.5)) - 1))
    return s[k]


def rate(r):
    return r["ok"] / r["seconds"] if r else float("nan")


out = []
w = out.append
env = open(os.path.join(d, "env.txt")).read()
w("Environment:\n\n```text\n" + env.strip() + "\n```\n")

r = j("wrk-render.json")
rss = j("render-rss.json")
cli = j("cli-loop.json")
cli_rss = open(os.path.join(d, "cli-rss.txt")).read().strip() if os.path.exists(os.path.join(d, "cli-rss.txt")) else "?"
ws = j("warm-swift.json")
wc = j("warm-cairo-c.json")
w("### Renders, cache off (200 candles, 1200x675 PNG)\n")
w("| run | renders/s | p50 ms | p99 ms | max ms | non-200 | peak RSS MiB |")
w("|---|---:|---:|---:|---:|---:|---:|")
if r:
    w(f"| `chartdraw serve`, {8} connections | {rate(r):.1f} | {r['p50_ms']:.1f} | {r['p99_ms']:.1f} | "
      f"{r['max_ms']:.1f} | {r['busy'] + r['other'] + r['socket_errors']} | {rss['peak_rss_kib'] / 1024:.1f} |")
if cli:
    per = cli["seconds"] / cli["renders"] * 2 * 1000
    w(f"| `chartdraw render` whole process, 2 loops in parallel | {cli['renders'] / cli['seconds']:.1f} | "
      f"{per:.1f} (per process) | | | | {int(cli_rss) / 1024:.1f} |")


def warm(x, label):
    if not x:
        return
    m = x["median_ms"]
    per = m["draw"] + m["png"] + m.get("free", 0)
    w(f"| {label} warm loop, one process (one core) | {1000 / per:.1f} | {per:.1f} (per image) | | | | |")


warm(ws, "ChartDraw (`chartdraw-bench`)")
warm(wc, "cairo-c peer")
w("")

v = j("wrk-validate.json")
if v:
    w("### `/v1/validate` on the official example\n")
    w("| connections | requests/s | p50 ms | p99 ms | max ms | non-200 |")
    w("|---:|---:|---:|---:|---:|---:|")
    w(f"| 8 | {rate(v):,.0f} | {v['p50_ms']:.2f} | {v['p99_ms']:.2f} | {v['max_ms']:.2f} | "
      f"{v['busy'] + v['other'] + v['socket_errors']} |\n")

c = j("wrk-cache.json")
if c:
    hits = metric("cache-metrics.txt", 'chartdraw_cache_requests_total{result="hit"}')
    misses = metric("cache-metrics.txt", 'chartdraw_cache_requests_total{result="miss"}')
    crss = j("cache-rss.json")
    w("### Cache on (64 MiB), 90% repeated images\n")
    w("| renders/s (answers) | new images/s | hit rate | p50 ms | p99 ms | max ms | non-200 | peak RSS MiB |")
    w("|---:|---:|---:|---:|---:|---:|---:|---:|")
    w(f"| {rate(c):.1f} | {misses / c['seconds']:.1f} | {hits / max(1, hits + misses):.1%} | {c['p50_ms']:.1f} | "
      f"{c['p99_ms']:.1f} | {c['max_ms']:.1f} | {c['busy'] + c['other'] + c['socket_errors']} | "
      f"{crss['peak_rss_kib'] / 1024:.1f} |\n")

runs = [j(f"wrk-overload-{i}.json") for i in (1, 2, 3)]
runs = [x for x in runs if x]
if runs:
    accepted = []
    statuses = {}
    for line in open(os.path.join(d, "overload.log")):
        if '"message":"request"' not in line or '"route":"/v1/render"' not in line:
            continue
        rec = json.loads(line)
        statuses[rec["status"]] = statuses.get(rec["status"], 0) + 1
        if rec["status"] == 200:
            accepted.append(float(rec["ms"]))
    rss = []
    p = os.path.join(d, "overload-rss.txt")
    if os.path.exists(p):
        rss = [int(l.split()[1]) for l in open(p) if len(l.split()) == 2]
    w("### 4x overload (32 connections, cache off), three runs back to back\n")
    w("| run | answers/s | renders/s (200) | 503/s | other errors | p99 ms, all answers (client) |")
    w("|---:|---:|---:|---:|---:|---:|")
    for i, x in enumerate(runs, 1):
        w(f"| {i} | {x['requests'] / x['seconds']:.0f} | {rate(x):.1f} | {x['busy'] / x['seconds']:.0f} | "
          f"{x['other'] + x['socket_errors']} | {x['p99_ms']:.1f} |")
    w("")
    w(f"Statuses in the server's log: {dict(sorted(statuses.items()))}. Accepted renders (200), "
      f"server-side time from request to response: p50 {pct(accepted, 50):.1f} ms, p99 {pct(accepted, 99):.1f} ms, "
      f"max {max(accepted) if accepted else float('nan'):.1f} ms.")
    if rss:
        third = max(1, len(rss) // 3)
        w(f"RSS (sampled every 0.5 s, {len(rss)} samples): first third max {max(rss[:third]) / 1024:.1f} MiB, "
          f"last third max {max(rss[-third:]) / 1024:.1f} MiB, overall min {min(rss) / 1024:.1f} / max {max(rss) / 1024:.1f} MiB.\n")

n = j("wrk-nginx.json")
if n:
    a = metric("nginx-a-metrics.txt", 'chartdraw_http_requests_total{route="/v1/render",method="POST",status="200"}')
    b = metric("nginx-b-metrics.txt", 'chartdraw_http_requests_total{route="/v1/render",method="POST",status="200"}')
    w("### Two instances behind nginx (least_conn, keepalive), 8 connections, cache off\n")
    w("| renders/s | p50 ms | p99 ms | max ms | non-200 | instance A / B renders |")
    w("|---:|---:|---:|---:|---:|---|")
    w(f"| {rate(n):.1f} | {n['p50_ms']:.1f} | {n['p99_ms']:.1f} | {n['max_ms']:.1f} | "
      f"{n['busy'] + n['other'] + n['socket_errors']} | {a:.0f} / {b:.0f} |\n")

p = os.path.join(d, "deflate.json")
if os.path.exists(p):
    rows = [json.loads(l) for l in open(p) if l.startswith("{")]
    base = rows[0]
    w("### PNG compression of one image's filtered scanlines (Up filter), median of 50\n")
    w("| codec | level | ms | bytes | vs zlib time | vs zlib bytes | inflates to the same scanlines |")
    w("|---|---:|---:|---:|---:|---:|---|")
    for x in rows:
        w(f"| {x['codec']} | {x['level']} | {x['median_ms']:.2f} | {x['bytes']:,} | "
          f"{x['median_ms'] / base['median_ms']:.2f}x | {x['bytes'] / base['bytes']:.2f}x | {'yes' if x['roundtrip'] else 'NO'} |")
    w("")
print("\n".join(out))
