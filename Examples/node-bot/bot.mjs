#!/usr/bin/env node
// A trading bot's last step, in plain Node (no packages): build an analysis from Binance
// klines, validate it, render a preview and print the canonical body, all through the
// `chartdraw` command and its JSON output.
//
//   node bot.mjs [--chartdraw PATH] [--candles klines.json] [--out preview.png]
//
// The candles are Binance GET /api/v3/klines output (12-element arrays, prices as strings),
// passed to chartdraw as they are.
import { spawnSync } from "node:child_process";
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

// --chartdraw, $CHARTDRAW, `chartdraw` on PATH, or the package's debug build.
function findChartdraw() {
  const onPath = (process.env.PATH ?? "").split(":").map((d) => join(d, "chartdraw"));
  const candidates = [option("chartdraw"), process.env.CHARTDRAW, ...onPath, join(here, "..", "..", ".build", "debug", "chartdraw")];
  const found = candidates.find((p) => p && executable(p));
  if (!found) {
    console.error("bot.mjs: cannot find chartdraw; pass --chartdraw PATH or build it with `swift build`");
    process.exit(1);
  }
  return found;
}

// Epoch milliseconds as ISO-8601 UTC without the milliseconds (the API's form).
const iso = (ms) => new Date(ms).toISOString().replace(".000Z", "Z");

function buildAnalysis(klines) {
  const candles = klines.map((k) => ({ t: k[0], o: +k[1], h: +k[2], l: +k[3], c: +k[4] }));
  const recent = candles.slice(-24);
  const high = Math.max(...recent.map((c) => c.h));
  const low = Math.min(...recent.map((c) => c.l));
  const last = candles[candles.length - 1];
  const pivot = Math.round(((high + low + last.c) / 3) * 1e5) / 1e5;
  const bullish = last.c >= pivot;
  const swingHigh = candles.slice(0, 24).reduce((a, b) => (b.h > a.h ? b : a));
  return {
    sender: "node-bot@example.com",
    metadata: {
      direction: bullish ? "BULLISH" : "BEARISH",
      entryPlacement: bullish ? "ABOVE_CURRENT" : "BELOW_CURRENT",
      expiry: { type: "HOURS", hours: 12 },
      title: "EURUSD lower highs",
      preferenceText: bullish
        ? "Above [[pivot:the pivot]] the range top at [[res:resistance]] is next."
        : "Below [[pivot:the pivot]], sell rallies to [[lh:the falling trend line]]; target [[sup:support]].",
      timeframe: "1h",
      symbol: "EURUSD",
    },
    levels: {
      pivot: { price: pivot, clientObjectId: "pivot", time: iso(last.t) },
      resistance: { price: high, clientObjectId: "res", time: iso(last.t) },
      support: { price: low, clientObjectId: "sup", time: iso(last.t) },
    },
    drawings: [
      {
        type: "LINE",
        clientObjectId: "lh",
        points: [
          { time: iso(swingHigh.t), price: swingHigh.h },
          { time: iso(last.t), price: Math.max(last.h, pivot) },
        ],
        endHead: "ARROW",
        style: { color: "#E53935", lineWidth: 2, lineStyle: "DASHED" },
      },
    ],
  };
}

const run = (cmd, args) => spawnSync(cmd, args, { encoding: "utf8" });

const chartdraw = findChartdraw();
const candlesPath = option("candles", join(here, "klines.json"));
const out = option("out", join(tmpdir(), "node-bot-preview.png"));
const analysis = buildAnalysis(JSON.parse(readFileSync(candlesPath, "utf8")));
const tmp = mkdtempSync(join(tmpdir(), "node-bot-"));
try {
  const body = join(tmp, "analysis.json");
  writeFileSync(body, JSON.stringify(analysis));

  // 1. Validate: one JSON record per file on stdout.
  const v = run(chartdraw, ["validate", "--format", "json", body]);
  const record = JSON.parse(v.stdout.split("\n")[0]);
  for (const i of record.issues) {
    const hint = i.suggestion ? ` (did you mean ${JSON.stringify(i.suggestion)}?)` : "";
    console.error(`${i.severity}: ${i.path}: ${i.code}${hint}`);
  }
  if (!record.valid) {
    console.error("bot.mjs: the analysis is invalid; not posting it");
    process.exit(1);
  }

  // 2. Render a preview over the klines; the report is one JSON object on stderr.
  const r = run(chartdraw, ["render", body, "--candles", candlesPath, "-o", out, "--report", "json"]);
  const report = JSON.parse(r.stderr);
  if (r.status !== 0) {
    console.error(`bot.mjs: render failed: ${JSON.stringify(report.error ?? report.issues)}`);
    process.exit(1);
  }
  console.error(`preview: ${report.output} (${(report.warnings ?? []).length} warnings)`);

  // 3. The canonical body, ready to POST.
  const p = run(chartdraw, ["payload", "create", "--report", "json", body]);
  if (p.status !== 0) {
    console.error(`bot.mjs: payload failed: ${p.stderr}`);
    process.exit(1);
  }
  process.stdout.write(p.stdout);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
