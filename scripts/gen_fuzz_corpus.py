#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (Fuzz/Corpus/<target>/) from the repository's
own inputs: bodies from the wire fixtures, the shared API examples, the examples, the golden
cases' analyses and the hostile-input suite; candle files from the candle fixtures and the
examples; for the byte-driven targets (scene, painter), seeded random inputs. Deterministic:
the same tree gives the same files. Run from anywhere: python3 scripts/gen_fuzz_corpus.py"""
import glob, hashlib, json, os, random, shutil

root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
corpus = os.path.join(root, "Fuzz", "Corpus")
# A seed larger than this is left out (libFuzzer's inputs stay small; the smoke reads each seed).
MAX_SEED = 24 << 10


def put(target, data, seen):
    if len(data) > MAX_SEED:
        return
    digest = hashlib.sha1(data).hexdigest()
    if digest in seen:
        return
    seen.add(digest)
    with open(os.path.join(corpus, target, digest[:16]), "wb") as f:
        f.write(data)


def files(*patterns):
    out = []
    for p in patterns:
        out += sorted(glob.glob(os.path.join(root, p), recursive=True))
    return out


def bodies(seen):
    for path in files("Tests/ChartDrawWireTests/Fixtures/*.json", "../shared/examples/*-analysis.json",
                      "Examples/*/analysis.json", "Tests/Hostile/cases/*"):
        put("body", open(path, "rb").read(), seen)
    for path in files("golden-images/**/*.json"):
        case = json.load(open(path))
        if isinstance(case, dict) and isinstance(case.get("analysis"), dict):
            put("body", json.dumps(case["analysis"], ensure_ascii=False).encode(), seen)
    # A drawing with a repeated "style" (one object, one not): the fixed point's first finding.
    base = json.load(open(os.path.join(root, "Tests/ChartDrawWireTests/Fixtures/create-analysis.json")))
    text = json.dumps(base, ensure_ascii=False)
    put("body", text.replace('"style": {', '"style": 7, "style": {', 1).encode(), seen)


def candles(seen):
    for path in files("Tests/ChartDrawWireTests/Fixtures/candles/*.csv", "Tests/ChartDrawWireTests/Fixtures/candles/*.json",
                      "Examples/*/*.json", "Examples/*/candles*.csv"):
        if path.endswith("analysis.json"):
            continue
        data = open(path, "rb").read()
        if path.endswith(".csv") and len(data) > 4096:
            data = b"".join(data.splitlines(keepends=True)[:40])
        put("candles", data, seen)


def random_seeds(target, count, seed, seen):
    rng = random.Random(seed)
    for n in range(count):
        size = rng.choice([8, 16, 32, 64, 128, 256, 512, 1024, 2048])
        put(target, bytes(rng.randrange(256) for _ in range(size)), seen)


def main():
    for target, fill in [("body", bodies), ("candles", candles), ("scene", None), ("painter", None)]:
        folder = os.path.join(corpus, target)
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        seen = set()
        if fill:
            fill(seen)
        else:
            random_seeds(target, 48, target, seen)
        size = sum(os.path.getsize(os.path.join(folder, f)) for f in os.listdir(folder))
        print(f"{target}: {len(os.listdir(folder))} seeds, {size} bytes")


main()
