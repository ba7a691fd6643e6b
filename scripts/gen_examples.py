#!/usr/bin/env python3
"""Writes the example analyses and their candles under Examples/ (deterministic, standard library).

  python3 scripts/gen_examples.py

Each example is a Chart Analysis create body (analysis.json) and an OHLC series (candles.csv,
`time,open,high,low,close,volume`, ISO-8601 UTC). Prices follow a piecewise-linear path through
the example's story (a dip into a zone, a bounce, a swing) with seeded noise, so the drawings sit
where a trader would have put them. GBPUSDBounce's body is the API's official example verbatim.
"""
import json
import math
import os
import random
import shutil
from datetime import datetime, timedelta, timezone

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def iso(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def candles(start, step, n, path, noise, seed, decimals, volume=1000.0):
    """path: list of (fraction 0..1, price) knots; noise: relative sigma per candle."""
    return candles_at([start + step * i for i in range(n)], path, noise, seed, decimals, volume)


def candles_at(times, path, noise, seed, decimals, volume=1000.0):
    """candles() at the given times (markets that close: weekends, sessions)."""
    rng = random.Random(seed)
    rows = []
    prev_close = path[0][1]
    n = len(times)
    for i in range(n):
        f = i / max(1, n - 1)
        for (f0, p0), (f1, p1) in zip(path, path[1:]):
            if f0 <= f <= f1:
                target = p0 + (p1 - p0) * (f - f0) / (f1 - f0)
                break
        o = prev_close
        c = target * (1 + rng.gauss(0, noise))
        hi = max(o, c) * (1 + abs(rng.gauss(0, noise * 0.8)))
        lo = min(o, c) * (1 - abs(rng.gauss(0, noise * 0.8)))
        o, hi, lo, c = (round(x, decimals) for x in (o, hi, lo, c))
        hi, lo = max(hi, o, c), min(lo, o, c)
        v = round(volume * math.exp(rng.gauss(0, 0.35)), 2)
        rows.append((times[i], o, hi, lo, c, v))
        prev_close = c
    return rows


def write(name, body, rows, decimals):
    d = os.path.join(ROOT, "Examples", name)
    os.makedirs(d, exist_ok=True)
    if isinstance(body, str):
        shutil.copyfile(body, os.path.join(d, "analysis.json"))
    else:
        with open(os.path.join(d, "analysis.json"), "w") as f:
            json.dump(body, f, indent=2)
            f.write("\n")
    fmt = "{:.%df}" % decimals
    with open(os.path.join(d, "candles.csv"), "w") as f:
        f.write("time,open,high,low,close,volume\n")
        for t, o, h, l, c, v in rows:
            f.write(",".join([iso(t)] + [fmt.format(x) for x in (o, h, l, c)] + [f"{v:.2f}"]) + "\n")


def pt(t, p):
    return {"time": iso(t), "price": p}


def main():
    utc = timezone.utc
    # 1. The official GBP/USD example: a dip into the demand zone (1.338-1.347) on 7-8 Jan, then a
    #    bounce towards the pivot. H1 candles from 6 Jan 00:00 to 8 Jan 12:00 (the analysis time).
    shared = os.path.join(ROOT, "..", "shared", "examples", "create-analysis.json")
    src = shared if os.path.exists(shared) else os.path.join(ROOT, "Examples", "GBPUSDBounce", "analysis.json")
    rows = candles(datetime(2026, 1, 6, tzinfo=utc), timedelta(hours=1), 61,
                   [(0, 1.3478), (0.25, 1.3466), (0.55, 1.3402), (0.72, 1.3396), (1, 1.3451)],
                   0.00042, 7, 5)
    if src != os.path.join(ROOT, "Examples", "GBPUSDBounce", "analysis.json"):
        write("GBPUSDBounce", src, rows, 5)
    else:
        write("GBPUSDBounce", json.load(open(src)), rows, 5)

    # 2. BTC/USDT H4: a swing from 58,400 to 71,900, retracing into the 0.5-0.618 zone inside a rising
    #    channel; Fibonacci retracement over the swing, channel along the rise.
    t0 = datetime(2026, 3, 1, tzinfo=utc)
    h4 = timedelta(hours=4)
    rows = candles(t0, h4, 120, [(0, 60500), (0.18, 58400), (0.62, 71900), (0.82, 66600), (1, 65900)],
                   0.006, 42, 1, volume=350)
    lo_i = min(range(0, 50), key=lambda i: rows[i][3])
    hi_i = max(range(50, 100), key=lambda i: rows[i][2])
    lo_t, lo_p = rows[lo_i][0], rows[lo_i][3]
    hi_t, hi_p = rows[hi_i][0], rows[hi_i][2]
    start = round(lo_p + 0.5 * (hi_p - lo_p), 1)
    body = {
        "sender": "swing-bot@example.com",
        "metadata": {
            "direction": "BULLISH",
            "entryPlacement": "BELOW_CURRENT",
            "expiry": {"type": "HOURS", "hours": 72},
            "title": "BTC retests the golden pocket inside its rising channel",
            "preferenceText": "Buy the [[fib_swing:0.5-0.618 retracement]] while price holds the [[rise_channel:channel]] floor; first target [[res_swing:the swing high]].",
            "alternativeText": "A 4-hour close below the channel floor invalidates the setup.",
            "comments": "Funding has reset; watch spot volume on the retest.",
            "timeframe": "H4",
            "symbol": "BTC/USDT",
        },
        "levels": {
            "pivot": {"price": round(lo_p + 0.382 * (hi_p - lo_p), 1), "clientObjectId": "pivot_382", "time": iso(hi_t)},
            "resistance": {"price": hi_p, "clientObjectId": "res_swing", "time": iso(hi_t)},
            "support": {"price": round(lo_p + 0.382 * (hi_p - lo_p) - 0.236 * (hi_p - lo_p), 1), "clientObjectId": "sup_786", "time": iso(hi_t)},
        },
        "drawings": [
            {"type": "PARALLEL", "clientObjectId": "rise_channel",
             "points": [pt(lo_t, lo_p), pt(hi_t, round(hi_p - 0.12 * (hi_p - lo_p), 1)),
                        pt(lo_t + (hi_t - lo_t) / 2, round((lo_p + hi_p) / 2 + 0.16 * (hi_p - lo_p), 1))],
             "style": {"color": "#2962FF", "lineWidth": 2, "lineStyle": "SOLID", "fillColor": "#2962FF1F"}},
            {"type": "FIBONACCI_RETRACEMENT", "clientObjectId": "fib_swing",
             "points": [pt(lo_t, lo_p), pt(hi_t, hi_p)],
             "levels": [0, 0.236, 0.382, 0.5, 0.618, 0.786, 1],
             "style": {"color": "#F57C00", "lineWidth": 1, "lineStyle": "SOLID"}},
            {"type": "LINE", "clientObjectId": "path_up",
             "points": [pt(rows[-1][0], start), pt(rows[-1][0] + 14 * h4, hi_p)],
             "startHead": "NONE", "endHead": "ARROW",
             "style": {"color": "#089981", "lineWidth": 2, "lineStyle": "DASHED"}},
        ],
        "idempotencyKey": "btc-h4-golden-pocket-0301",
    }
    write("BTCFibChannel", body, rows, 1)

    # 3. US500 M15: a bearish bounce from a supply zone, a falling trend line, and a 6-hour expiry
    #    that lands inside the view.
    t0 = datetime(2026, 5, 12, 8, 0, tzinfo=utc)
    m15 = timedelta(minutes=15)
    rows = candles(t0, m15, 96, [(0, 5812), (0.3, 5868), (0.45, 5841), (0.62, 5866), (0.8, 5829), (1, 5846)],
                   0.0011, 7, 2, volume=12000)
    top_a = max(range(20, 40), key=lambda i: rows[i][2])
    top_b = max(range(50, 70), key=lambda i: rows[i][2])
    body = {
        "sender": "index-desk-bot",
        "metadata": {
            "direction": "BEARISH",
            "entryPlacement": "ABOVE_CURRENT",
            "expiry": {"type": "HOURS", "hours": 6},
            "title": "US500 fades the supply zone under a falling trend line",
            "preferenceText": "Short a retest of [[supply:the 5,860 supply zone]] below [[lower_highs:the falling trend line]]; target [[sup_day:the day's low]].",
            "alternativeText": "A 15-minute close above the zone cancels the idea.",
            "comments": "CPI at 12:30 UTC; keep size small into the print.",
            "timeframe": "M15",
            "symbol": "US500",
        },
        "levels": {
            "pivot": {"price": 5846.0, "clientObjectId": "pivot_mid", "time": iso(rows[-1][0])},
            "resistance": {"price": 5870.5, "clientObjectId": "res_top", "time": iso(rows[top_a][0])},
            "support": {"price": 5818.25, "clientObjectId": "sup_day", "time": iso(rows[4][0])},
        },
        "drawings": [
            {"type": "RECTANGLE", "clientObjectId": "supply",
             "points": [pt(rows[top_a][0] - 2 * m15, 5868.5), pt(rows[-1][0] + 16 * m15, 5858.0)],
             "style": {"fillColor": "#F2364526", "borderColor": "#F23645", "lineWidth": 1}},
            {"type": "LINE", "clientObjectId": "lower_highs",
             "points": [pt(rows[top_a][0], rows[top_a][2]), pt(rows[top_b][0], rows[top_b][2])],
             "startHead": "NONE", "endHead": "NONE",
             "style": {"color": "#9C27B0", "lineWidth": 2, "lineStyle": "SOLID"}},
            {"type": "HORIZONTAL_LINE", "clientObjectId": "target",
             "points": [pt(rows[4][0], 5822.0)],
             "style": {"color": "#089981", "lineWidth": 2, "lineStyle": "DASHED"}},
        ],
        "idempotencyKey": "us500-m15-supply-0512",
    }
    write("US500Supply", body, rows, 2)

    # 4. USD/JPY H1 over two weekends: forex closes Friday 22:00 UTC and opens Sunday 22:00 UTC.
    #    A demand zone drawn on Friday reaches into Monday; the trend line crosses the weekend.
    hour = timedelta(hours=1)
    times = []
    t = datetime(2026, 1, 14, 0, tzinfo=utc)  # Wednesday
    while t < datetime(2026, 1, 21, 6, tzinfo=utc):
        closed = (t.weekday() == 4 and t.hour >= 22) or t.weekday() == 5 or (t.weekday() == 6 and t.hour < 22)
        if not closed:
            times.append(t)
        t += hour
    rows = candles_at(times, [(0, 158.62), (0.3, 157.41), (0.42, 157.05), (0.55, 157.32), (0.7, 158.05), (1, 158.74)],
                      0.0007, 11, 3, volume=5200)
    fri = max(i for i, r in enumerate(rows) if r[0].weekday() == 4)
    low_i = min(range(0, fri + 1), key=lambda i: rows[i][3])
    mon = next(i for i, r in enumerate(rows) if r[0].weekday() == 0 and r[0].hour >= 6)
    body = {
        "sender": "fx-desk-bot",
        "metadata": {
            "direction": "BULLISH",
            "entryPlacement": "BELOW_CURRENT",
            "expiry": {"type": "HOURS", "hours": 36},
            "title": "USD/JPY holds the Friday demand zone across the weekend",
            "preferenceText": "Buy dips into [[demand:the Friday demand zone]] while [[trend:the rising trend line]] holds; first target [[target:158.90 resistance]].",
            "alternativeText": "An hourly close under [[sup_zone:support]] cancels the idea.",
            "comments": "The weekend gap closed on the Monday open.",
            "timeframe": "H1",
            "symbol": "USD/JPY",
        },
        "levels": {
            "support": {"price": 157.2, "clientObjectId": "sup_zone", "time": iso(rows[low_i][0])},
            "pivot": {"price": 158.15, "clientObjectId": "pivot_week", "time": iso(rows[mon][0])},
            "resistance": {"price": 159.02, "clientObjectId": "res_high", "time": iso(rows[-1][0])},
        },
        "drawings": [
            {"type": "RECTANGLE", "clientObjectId": "demand",
             "points": [pt(rows[low_i][0] - 3 * hour, round(rows[low_i][3] + 0.32, 3)),
                        pt(rows[mon][0] + 6 * hour, round(rows[low_i][3] - 0.05, 3))],
             "style": {"fillColor": "#08998126", "borderColor": "#089981", "lineWidth": 1}},
            {"type": "LINE", "clientObjectId": "trend",
             "points": [pt(rows[low_i][0], rows[low_i][3]), pt(rows[-1][0] + 12 * hour, round(rows[low_i][3] + 1.55, 3))],
             "startHead": "NONE", "endHead": "NONE",
             "style": {"color": "#2962FF", "lineWidth": 2, "lineStyle": "SOLID"}},
            {"type": "HORIZONTAL_LINE", "clientObjectId": "target",
             "points": [pt(rows[-1][0], 158.9)],
             "style": {"color": "#F23645", "lineWidth": 2, "lineStyle": "DASHED"}},
        ],
        "idempotencyKey": "usdjpy-h1-weekend-0119",
    }
    write("USDJPYWeekend", body, rows, 3)

    # 5. AAPL M15 over three regular sessions (14:30-21:00 UTC): nights take no room on the bar
    #    axis. A breakout level from the first session, a trend line over the session lows.
    m15 = timedelta(minutes=15)
    times = []
    for day in (4, 5, 6):  # Wednesday to Friday, 4-6 March 2026
        t = datetime(2026, 3, day, 14, 30, tzinfo=utc)
        while t < datetime(2026, 3, day, 21, 0, tzinfo=utc):
            times.append(t)
            t += m15
    rows = candles_at(times, [(0, 227.4), (0.2, 229.85), (0.35, 228.1), (0.6, 229.2), (0.8, 231.6), (1, 232.3)],
                      0.0016, 5, 2, volume=180000)
    lows = [min(range(k * 26, k * 26 + 26), key=lambda i: rows[i][3]) for k in range(3)]
    top = max(range(0, 26), key=lambda i: rows[i][2])
    body = {
        "sender": "equity-desk-bot",
        "metadata": {
            "direction": "BULLISH",
            "entryPlacement": "ABOVE_CURRENT",
            "expiry": {"type": "HOURS", "hours": 20},
            "title": "AAPL breaks out above Wednesday's high on rising session lows",
            "preferenceText": "Buy the hold of [[breakout:the breakout level]] with [[lows:higher session lows]] intact; target [[res_ath:the record high]].",
            "alternativeText": "Back under the breakout level by the close of the session cancels it.",
            "comments": "Regular-session candles only.",
            "timeframe": "M15",
            "symbol": "AAPL",
        },
        "levels": {
            "support": {"price": rows[lows[1]][3], "clientObjectId": "sup_thu", "time": iso(rows[lows[1]][0])},
            "resistance": {"price": 233.5, "clientObjectId": "res_ath", "time": iso(rows[-1][0])},
        },
        "drawings": [
            {"type": "HORIZONTAL_LINE", "clientObjectId": "breakout",
             "points": [pt(rows[top][0], rows[top][2])],
             "style": {"color": "#2962FF", "lineWidth": 2, "lineStyle": "DASHED"}},
            {"type": "LINE", "clientObjectId": "lows",
             "points": [pt(rows[lows[0]][0], rows[lows[0]][3]), pt(rows[lows[2]][0], rows[lows[2]][3])],
             "startHead": "NONE", "endHead": "NONE",
             "style": {"color": "#9C27B0", "lineWidth": 2, "lineStyle": "SOLID"}},
            {"type": "RECTANGLE", "clientObjectId": "base",
             "points": [pt(rows[lows[1]][0] - 4 * m15, round(rows[lows[1]][3] + 0.9, 2)),
                        pt(rows[lows[1]][0] + 10 * m15, round(rows[lows[1]][3] - 0.2, 2))],
             "style": {"fillColor": "#9C27B01F", "borderColor": "#9C27B0", "lineWidth": 1}},
        ],
        "idempotencyKey": "aapl-m15-sessions-0306",
    }
    write("AAPLSessions", body, rows, 2)


if __name__ == "__main__":
    main()
