#!/usr/bin/env python3
"""Writes the candle fixtures: one set of 48 hourly EUR/USD candles in every form bots have,
each made by the library that makes it (pandas' to_csv/to_json, ccxt's parse_ohlcvs on Binance
klines, Python's json and datetime.isoformat, Node's JSON.stringify and Date.toISOString). Run
once by hand (needs pandas, ccxt and node);
the outputs are committed and the tests read them.

    python3 make_fixtures.py
"""
import csv
import datetime as dt
import io
import json
import os
import subprocess

import ccxt
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
START = dt.datetime(2026, 1, 6, tzinfo=dt.timezone.utc)


def base():
    """48 hourly candles: (datetime, open, high, low, close, volume), prices at 5 decimals."""
    rows = []
    price = 1.08500
    for k in range(48):
        o = round(price, 5)
        c = round(o + ((k * 37) % 11 - 5) * 0.00017, 5)
        h = round(max(o, c) + ((k * 13) % 7) * 0.00011 + 0.00005, 5)
        lo = round(min(o, c) - ((k * 17) % 5) * 0.00013 - 0.00004, 5)
        v = float(1000 + (k * 97) % 800)
        rows.append((START + dt.timedelta(hours=k), o, h, lo, c, v))
        price = c
    return rows


def write(name, text):
    with open(os.path.join(HERE, name), "w", newline="") as f:
        f.write(text)


def main():
    rows = base()
    # The reference: ChartDraw's own CSV form.
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["time", "open", "high", "low", "close", "volume"])
    for t, o, h, lo, c, v in rows:
        w.writerow([t.strftime("%Y-%m-%dT%H:%M:%SZ"), repr(o), repr(h), repr(lo), repr(c), repr(v)])
    write("reference.csv", out.getvalue())

    ms = [int(t.timestamp() * 1000) for t, *_ in rows]
    # Binance klines as GET /api/v3/klines returns them: 12 elements, prices as strings.
    klines = []
    for (t, o, h, lo, c, v), open_ms in zip(rows, ms):
        klines.append([
            open_ms, f"{o:.8f}", f"{h:.8f}", f"{lo:.8f}", f"{c:.8f}", f"{v:.8f}",
            open_ms + 3_599_999, f"{v * c:.8f}", 100 + open_ms % 7, f"{v / 2:.8f}", f"{v * c / 2:.8f}", "0",
        ])
    write("binance-klines.json", json.dumps(klines, separators=(",", ":")))
    # ccxt: fetch_ohlcv's result, made by ccxt's own parser from those klines.
    ohlcv = ccxt.binance().parse_ohlcvs(klines)
    write("ccxt-ohlcv.json", json.dumps(ohlcv))

    df = pd.DataFrame(
        {"open": [r[1] for r in rows], "high": [r[2] for r in rows], "low": [r[3] for r in rows],
         "close": [r[4] for r in rows], "volume": [r[5] for r in rows]},
        index=pd.DatetimeIndex([r[0] for r in rows]).tz_localize(None).rename("timestamp"))
    # pandas to_csv of a naive DatetimeIndex: "2026-01-06 00:00:00".
    write("pandas-to_csv.csv", df.to_csv())
    # pandas with a UTC-aware index: "2026-01-06 00:00:00+00:00".
    aware = df.copy()
    aware.index = aware.index.tz_localize("UTC")
    write("pandas-to_csv-utc.csv", aware.to_csv())
    # pandas with an unnamed index: the header starts with an empty field.
    write("pandas-to_csv-unnamed.csv", df.rename_axis(None).to_csv())
    # pandas to_csv with sep=";" and decimal="," (spreadsheet locales).
    write("pandas-to_csv-semicolon.csv", df.to_csv(sep=";", decimal=","))
    # pandas to_json(orient="records") with the time as a column: epoch milliseconds.
    write("pandas-to_json-records.json", df.reset_index().to_json(orient="records", date_format="epoch"))
    # Python's json of objects with datetime.isoformat() times, wrapped under "candles".
    objs = [{"time": t.isoformat(), "open": o, "high": h, "low": lo, "close": c, "volume": v} for t, o, h, lo, c, v in rows]
    write("python-isoformat-wrapped.json", json.dumps({"symbol": "EURUSD", "timeframe": "1h", "candles": objs}, indent=2))
    # A bot's API response: ccxt arrays under "data".
    write("ccxt-wrapped-data.json", json.dumps({"ok": True, "data": ohlcv}))
    # Times with a +02:00 offset naming the same instants.
    plus2 = dt.timezone(dt.timedelta(hours=2))
    objs2 = [{"t": t.astimezone(plus2).isoformat(), "o": o, "h": h, "l": lo, "c": c, "v": v} for t, o, h, lo, c, v in rows]
    write("offset-plus2.json", json.dumps(objs2))
    # Node: JSON.stringify of objects with Date.toISOString() times ("…T00:00:00.000Z").
    node = (
        "const rows = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'));"
        "process.stdout.write(JSON.stringify(rows.map(([t, o, h, l, c, v]) =>"
        " ({time: new Date(t).toISOString(), open: o, high: h, low: l, close: c, volume: v}))));")
    made = subprocess.run(["node", "-e", node, os.path.join(HERE, "ccxt-ohlcv.json")], check=True, capture_output=True, text=True)
    write("node-toISOString.json", made.stdout)


if __name__ == "__main__":
    main()
