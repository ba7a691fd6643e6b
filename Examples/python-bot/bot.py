#!/usr/bin/env python3
"""A trading bot's last step, in plain Python (no third-party packages): build an analysis from
candles, validate it, render a preview and print the canonical body, all through the
`chartdraw` command and its JSON output.

    python3 bot.py [--chartdraw PATH] [--candles ohlcv.json] [--out preview.png]

The candles are ccxt fetch_ohlcv output ([[ms, open, high, low, close, volume], ...]), passed
to chartdraw as they are.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))


def find_chartdraw(given):
    """--chartdraw, $CHARTDRAW, `chartdraw` on PATH, or the package's debug build."""
    for path in (given, os.environ.get("CHARTDRAW"), shutil.which("chartdraw"),
                 os.path.join(HERE, "..", "..", ".build", "debug", "chartdraw")):
        if path and os.access(path, os.X_OK):
            return path
    sys.exit("bot.py: cannot find chartdraw; pass --chartdraw PATH or build it with `swift build`")


def iso(ms):
    """Epoch milliseconds as ISO-8601 UTC with Z (the API's form)."""
    return datetime.fromtimestamp(ms / 1000, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def build_analysis(candles):
    """Levels from the last day's range, a trend line and a demand zone."""
    recent = candles[-24:]
    high = max(c[2] for c in recent)
    low = min(c[3] for c in recent)
    last = candles[-1]
    pivot = round((high + low + last[4]) / 3, 5)
    bullish = last[4] >= pivot
    first_low = min(candles[:24], key=lambda c: c[3])
    return {
        "sender": "python-bot@example.com",
        "metadata": {
            "direction": "BULLISH" if bullish else "BEARISH",
            "entryPlacement": "ABOVE_CURRENT" if bullish else "BELOW_CURRENT",
            "expiry": {"type": "HOURS", "hours": 24},
            "title": "EURUSD range play",
            "preferenceText": "Buy a retest of [[demand:the demand zone]], target [[res:resistance]]." if bullish
            else "Sell below [[pivot:the pivot]], target [[sup:support]]; [[demand:the demand zone]] may hold.",
            "timeframe": "1h",
            "symbol": "EURUSD",
        },
        "levels": {
            "pivot": {"price": pivot, "clientObjectId": "pivot", "time": iso(last[0])},
            "resistance": {"price": high, "clientObjectId": "res", "time": iso(last[0])},
            "support": {"price": low, "clientObjectId": "sup", "time": iso(last[0])},
        },
        "drawings": [
            {"type": "LINE", "clientObjectId": "trend",
             "points": [{"time": iso(first_low[0]), "price": first_low[3]}, {"time": iso(last[0]), "price": last[4]}],
             "style": {"color": "#1E88E5", "lineWidth": 2, "lineStyle": "SOLID"}},
            {"type": "RECTANGLE", "clientObjectId": "demand",
             "points": [{"time": iso(recent[0][0]), "price": low}, {"time": iso(last[0]), "price": round(low + (pivot - low) / 3, 5)}],
             "style": {"fillColor": "#26A69A", "borderColor": "#26A69A", "lineWidth": 1}},
        ],
    }


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--chartdraw")
    ap.add_argument("--candles", default=os.path.join(HERE, "ohlcv.json"))
    ap.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "python-bot-preview.png"))
    args = ap.parse_args()
    chartdraw = find_chartdraw(args.chartdraw)

    with open(args.candles) as f:
        candles = json.load(f)
    analysis = build_analysis(candles)
    with tempfile.TemporaryDirectory() as tmp:
        body = os.path.join(tmp, "analysis.json")
        with open(body, "w") as f:
            json.dump(analysis, f)

        # 1. Validate: one JSON record per file on stdout.
        v = run([chartdraw, "validate", "--format", "json", body])
        record = json.loads(v.stdout.splitlines()[0])
        for issue in record["issues"]:
            hint = f" (did you mean {issue['suggestion']!r}?)" if "suggestion" in issue else ""
            print(f"{issue['severity']}: {issue['path']}: {issue['code']}{hint}", file=sys.stderr)
        if not record["valid"]:
            sys.exit("bot.py: the analysis is invalid; not posting it")

        # 2. Render a preview over the ccxt candles; the report is one JSON object on stderr.
        r = run([chartdraw, "render", body, "--candles", args.candles, "-o", args.out, "--report", "json"])
        report = json.loads(r.stderr)
        if r.returncode != 0:
            sys.exit(f"bot.py: render failed: {report.get('error', report['issues'])}")
        print(f"preview: {report['output']} ({len(report.get('warnings', []))} warnings)", file=sys.stderr)

        # 3. The canonical body, ready to POST.
        p = run([chartdraw, "payload", "create", "--report", "json", body])
        if p.returncode != 0:
            sys.exit(f"bot.py: payload failed: {p.stderr}")
        print(p.stdout, end="")


if __name__ == "__main__":
    main()
