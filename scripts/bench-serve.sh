#!/usr/bin/env bash
# Load benchmark of `chartdraw serve` (docs/benchmarks.md, "The HTTP service"), one command:
#
#   bash scripts/bench-serve.sh          # about 4 minutes of load after the release build
#   DUR=5 bash scripts/bench-serve.sh    # shorter runs
#
# Everything on 127.0.0.1, every load bounded by DUR seconds (default 10):
#   1. renders, cache off, 8 connections: renders/s, p50/p99/max, peak RSS (the issue's target:
#      >= 150 renders/s with p99 < 50 ms), on the 200-candle workload of ../shared/bench at
#      1200x675 PNG; next to it, in the same run, `chartdraw render` as a whole process (two
#      loops in parallel, one per core) and the warm loops of ChartDraw's own harness and of the
#      C peer (one process each, one core);
#   2. /v1/validate on the official example, 8 connections (target >= 10,000 req/s);
#   3. cache on, 90% repeated images: renders/s and hit rate;
#   4. 4x overload (32 connections, cache off): statuses, RSS over time, p99 of accepted requests
#      (from the server's own log lines);
#   5. two instances behind nginx, 8 connections: renders/s, p99 and each instance's share;
#   6. PNG compression: ISA-L (what PNGEncoder uses), zlib level 1 (what it used before) and
#      libdeflate on the same filtered scanlines, time and bytes per image.
# Tools installed when missing (root, apt-get): wrk, nginx-light, libdeflate-dev, libisal-dev,
# GNU time.
# Output: .build-serve/results/<UTC stamp>/ (summary.md, raw JSON, logs); knobs: DUR, CONNS=8,
# SCRATCH=.build-serve, SKIP_BUILD=1, SHARED=../shared/bench, PY=python3.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
HERE="$ROOT/scripts/bench-serve"
SHARED=$(cd "${SHARED:-$ROOT/../shared/bench}" && pwd)
SCRATCH=${SCRATCH:-$ROOT/.build-serve}
DUR=${DUR:-10}
CONNS=${CONNS:-8}
PY=${PY:-python3}
export PATH="$PATH:/opt/swift/usr/bin"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="$SCRATCH/results/$STAMP"
DATA="$SCRATCH/bench-data"
mkdir -p "$OUT" "$DATA"
say() { echo "# $*" >&2; }
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

# ---- tools --------------------------------------------------------------------------------
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
[ -f /usr/include/libdeflate.h ] || need+=(libdeflate-dev)
[ -f /usr/include/isa-l/igzip_lib.h ] || need+=(libisal-dev)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  say "installing ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

# ---- build (release, as shipped) ------------------------------------------------------------
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  for product in chartdraw chartdraw-bench; do
    say "swift build -c release --static-swift-stdlib --product $product"
    swift build -c release --static-swift-stdlib --product "$product" --scratch-path "$SCRATCH" >&2
  done
fi
BIN="$SCRATCH/release/chartdraw"
BENCH="$SCRATCH/release/chartdraw-bench"

# ---- data -----------------------------------------------------------------------------------
if [ ! -s "$DATA/workload-200.analysis.json" ] || [ ! -s "$DATA/workload-200-k100.jsonl" ]; then
  say "generating the 200-candle workload (gen_workload.py --n 200 --k 100)"
  "$PY" "$SHARED/gen_workload.py" --n 200 --k 100 --outdir "$DATA" >&2
fi
"$PY" - "$DATA" "$OUT" "$SHARED" <<'PYEOF'
import json, sys
data, out, shared = sys.argv[1:4]
analysis = json.load(open(f"{data}/workload-200.analysis.json"))
csv = open(f"{data}/workload-200.candles.csv").read()
body = {"analysis": analysis, "candles": csv, "options": {"format": "png", "height": 675, "width": 1200}}
text = json.dumps(body, separators=(",", ":"))
assert text.endswith('"width":1200}}')
open(f"{out}/render.json", "w").write(text)
open(f"{out}/validate.json", "w").write(open(f"{shared}/validation/example.json").read())
PYEOF

# ---- helpers --------------------------------------------------------------------------------
# start_server NAME PORT ARGS...: starts chartdraw serve, waits for its listening line.
start_server() {
  local name=$1 port=$2
  shift 2
  "$BIN" serve --host 127.0.0.1 --port "$port" "$@" >"$OUT/$name.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  for _ in $(seq 1 200); do
    grep -q '"message":"listening"' "$OUT/$name.log" 2>/dev/null && break
    sleep 0.05
  done
  grep -q '"message":"listening"' "$OUT/$name.log" || { echo "server $name did not start" >&2; cat "$OUT/$name.log" >&2; exit 1; }
  echo "$pid"
}
stop_server() { kill -TERM "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }
# sample_rss PID FILE: RSS in KiB every 0.5 s until the process ends or the sampler is killed.
sample_rss() {
  while [ -r "/proc/$1/status" ]; do
    awk -v t="$(date +%s.%N)" '/VmRSS/ {print t, $2}' "/proc/$1/status" >>"$2" 2>/dev/null || true
    sleep 0.5
  done
}
hwm() { awk '/VmHWM/ {print $2}' "/proc/$1/status"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
run_wrk() { # run_wrk NAME SCRIPT BODY URL CONNS
  BODY=$3 wrk -t2 -c"$5" -d"${DUR}s" --timeout 10s -s "$2" "$4" 2>&1 | tail -n 1 >"$OUT/wrk-$1.json"
  cat "$OUT/wrk-$1.json" >&2
}

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores"
  echo "memory: $(free -g | awk '/Mem/ {print $2}') GiB"
  echo "kernel: $(uname -r)"
  echo "swift: $(swift --version 2>&1 | head -n1)"
  echo "wrk: $(wrk -v 2>&1 | head -n1)"
  echo "nginx: $("$NGINX" -v 2>&1)"
  echo "commit: $(git -C "$ROOT" rev-parse --short HEAD)"
  echo "load before: $(load)"
} >"$OUT/env.txt"

# ---- 1. renders, cache off ------------------------------------------------------------------
say "1. renders, cache off, $CONNS connections, ${DUR}s"
PORT=18480
pid=$(start_server render $PORT --cache-mb 0)
curl -sS -H 'Content-Type: application/json' --data-binary @"$OUT/render.json" -o "$OUT/server.png" \
  "http://127.0.0.1:$PORT/v1/render"
# warm-up, then the measured run
BODY="$OUT/render.json" wrk -t2 -c"$CONNS" -d2s -s "$HERE/post.lua" "http://127.0.0.1:$PORT/v1/render" >/dev/null 2>&1
sleep 2  # let the warm-up's last requests drain from the queue
run_wrk render "$HERE/post.lua" "$OUT/render.json" "http://127.0.0.1:$PORT/v1/render" "$CONNS"
echo "{\"peak_rss_kib\":$(hwm "$pid")}" >"$OUT/render-rss.json"
curl -sS "http://127.0.0.1:$PORT/metrics" >"$OUT/render-metrics.txt"
echo "load after 1: $(load)" >>"$OUT/env.txt"

# ---- 2. validate ----------------------------------------------------------------------------
say "2. /v1/validate on the official example, $CONNS connections, ${DUR}s"
BODY="$OUT/validate.json" wrk -t2 -c"$CONNS" -d2s -s "$HERE/post.lua" "http://127.0.0.1:$PORT/v1/validate" >/dev/null 2>&1
run_wrk validate "$HERE/post.lua" "$OUT/validate.json" "http://127.0.0.1:$PORT/v1/validate" "$CONNS"
stop_server "$pid"

# whole-process CLI renders, two loops in parallel (one per core)
say "1b. chartdraw render, whole process, 2 loops x 30"
cli_loop() { for _ in $(seq 1 30); do "$BIN" render "$DATA/workload-200.analysis.json" --candles "$DATA/workload-200.candles.csv" -o "$OUT/cli-$1.png" 2>/dev/null; done; }
t0=$(date +%s.%N); cli_loop a & cli_loop b & wait; t1=$(date +%s.%N)
echo "{\"renders\":60,\"seconds\":$(echo "$t1 - $t0" | bc -l)}" >"$OUT/cli-loop.json"
/usr/bin/time -f "%M" -o "$OUT/cli-rss.txt" "$BIN" render "$DATA/workload-200.analysis.json" --candles "$DATA/workload-200.candles.csv" -o "$OUT/cli-c.png" 2>/dev/null
# warm loops: ChartDraw's harness and the C peer (one process, one core each)
say "1c. warm loops: chartdraw-bench and cairo-c, 100 images"
"$BENCH" --batch "$DATA/workload-200-k100.jsonl" --k 100 --png mem >"$OUT/warm-swift.json" 2>/dev/null || true
if [ ! -x "$SCRATCH/peer_cairo" ]; then
  cc -O2 -o "$SCRATCH/peer_cairo" "$SHARED/peer_cairo.c" $(pkg-config --cflags --libs cairo libpng) -lm
fi
"$SCRATCH/peer_cairo" --batch "$DATA/workload-200-k100.jsonl" --k 100 --png mem >"$OUT/warm-cairo-c.json" 2>/dev/null || true

# ---- 3. cache on, 90% repeats ---------------------------------------------------------------
say "3. cache on (64 MiB), 90% repeated images, $CONNS connections, ${DUR}s"
pid=$(start_server cache $PORT --cache-mb 64)
REPEAT=0.9 run_wrk cache "$HERE/repeats.lua" "$OUT/render.json" "http://127.0.0.1:$PORT/v1/render" "$CONNS"
curl -sS "http://127.0.0.1:$PORT/metrics" >"$OUT/cache-metrics.txt"
echo "{\"peak_rss_kib\":$(hwm "$pid")}" >"$OUT/cache-rss.json"
stop_server "$pid"

# ---- 4. 4x overload -------------------------------------------------------------------------
OVER=$((CONNS * 4))
say "4. overload: $OVER connections, cache off, 3 x ${DUR}s"
pid=$(start_server overload $PORT --cache-mb 0)
sample_rss "$pid" "$OUT/overload-rss.txt" &
sampler=$!
for i in 1 2 3; do
  run_wrk "overload-$i" "$HERE/post.lua" "$OUT/render.json" "http://127.0.0.1:$PORT/v1/render" "$OVER"
done
kill "$sampler" 2>/dev/null || true
echo "{\"peak_rss_kib\":$(hwm "$pid")}" >"$OUT/overload-peak.json"
stop_server "$pid"

# ---- 5. two instances behind nginx ----------------------------------------------------------
say "5. two instances behind nginx, $CONNS connections, ${DUR}s"
a=$(start_server nginx-a 18481 --cache-mb 0 --no-access-log)
b=$(start_server nginx-b 18482 --cache-mb 0 --no-access-log)
mkdir -p "$OUT/nginx"
cat >"$OUT/nginx/nginx.conf" <<NGX
worker_processes 1;
user root;
pid $OUT/nginx/nginx.pid;
error_log $OUT/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $OUT/nginx/body;
    proxy_temp_path $OUT/nginx/proxy;
    fastcgi_temp_path $OUT/nginx/fastcgi;
    uwsgi_temp_path $OUT/nginx/uwsgi;
    scgi_temp_path $OUT/nginx/scgi;
    upstream chartdraw {
        least_conn;
        server 127.0.0.1:18481 max_fails=0;
        server 127.0.0.1:18482 max_fails=0;
        keepalive 64;
    }
    server {
        listen 127.0.0.1:18480;
        client_max_body_size 8m;
        client_body_buffer_size 1m;
        location / {
            proxy_pass http://chartdraw;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_next_upstream error timeout http_503 non_idempotent;
            proxy_next_upstream_tries 2;
        }
    }
}
NGX
"$NGINX" -p "$OUT/nginx" -c "$OUT/nginx/nginx.conf" -g 'daemon off;' &
ngx=$!
PIDS+=("$ngx")
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:18480/healthz" >/dev/null 2>&1 && break; sleep 0.05; done
curl -sS -H 'Content-Type: application/json' --data-binary @"$OUT/render.json" -o "$OUT/nginx.png" "http://127.0.0.1:18480/v1/render"
cmp -s "$OUT/nginx.png" "$OUT/server.png" && echo "nginx: same PNG as one instance" >>"$OUT/env.txt"
BODY="$OUT/render.json" wrk -t2 -c"$CONNS" -d2s -s "$HERE/post.lua" "http://127.0.0.1:18480/v1/render" >/dev/null 2>&1
run_wrk nginx "$HERE/post.lua" "$OUT/render.json" "http://127.0.0.1:18480/v1/render" "$CONNS"
curl -sS "http://127.0.0.1:18481/metrics" >"$OUT/nginx-a-metrics.txt"
curl -sS "http://127.0.0.1:18482/metrics" >"$OUT/nginx-b-metrics.txt"
kill -QUIT "$ngx" 2>/dev/null || true
wait "$ngx" 2>/dev/null || true
stop_server "$a"
stop_server "$b"

# ---- 6. ISA-L, zlib and libdeflate ------------------------------------------------------------
say "6. PNG compression: ISA-L, zlib level 1 and libdeflate on the same filtered scanlines"
"$PY" - "$OUT/server.png" "$OUT/scanlines.raw" <<'PYEOF'
import struct, sys, zlib
png = open(sys.argv[1], "rb").read()
i, idat = 8, b""
while i < len(png):
    n, kind = struct.unpack(">I4s", png[i:i + 8])
    if kind == b"IDAT":
        idat += png[i + 8:i + 8 + n]
    i += 12 + n
open(sys.argv[2], "wb").write(zlib.decompress(idat))
PYEOF
cc -O2 -o "$SCRATCH/deflate_bench" "$HERE/deflate_bench.c" -lz -ldeflate -lisal
"$SCRATCH/deflate_bench" "$OUT/scanlines.raw" 50 >"$OUT/deflate.json"
echo "load at end: $(load)" >>"$OUT/env.txt"

"$PY" "$HERE/summary.py" "$OUT" | tee "$OUT/summary.md"
ln -sfn "$STAMP" "$SCRATCH/results/latest"
