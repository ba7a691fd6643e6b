#!/usr/bin/env python3
"""Writes the small files of the hostile-input suite (Tests/Hostile/cases/) from the official
create example. The expected outcomes are in Tests/Hostile/expected.tsv, checked by
Tests/ChartDrawCLITests/HostileInputTests.swift; large inputs are built by that test."""
import json, math, os

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "..", "Tests", "Hostile", "cases")
base = json.load(open(os.path.join(here, "..", "Tests", "ChartDrawWireTests", "Fixtures", "create-analysis.json")))


def body(change):
    b = json.loads(json.dumps(base))
    change(b)
    return json.dumps(b, ensure_ascii=False).encode()


def put(name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)


def ulps(b):
    b.pop("drawings")
    b["drawings"] = []
    b["metadata"]["preferenceText"] = "Levels one double apart."
    p = 1.9
    b["levels"]["support"]["price"] = math.nextafter(p, 0)
    b["levels"]["pivot"]["price"] = p
    b["levels"]["resistance"]["price"] = math.nextafter(p, 10)


put("ulps-levels.json", body(ulps))
put("price-1e308.json", body(lambda b: b["levels"]["resistance"].update(price=1e308)))
put("price-1e-320.json", body(lambda b: b["levels"]["support"].update(price=1e-320)))
put("price-line-1e300.json", body(lambda b: b["drawings"][0]["points"][0].update(price=1e300)))
put("escape-member.json", body(lambda b: b.update({"x\n/forged.json: valid: 0 errors\u001b[2J": 1})))
put("escape-id.json", body(lambda b: b["drawings"][0].update(clientObjectId="a\u001b]0;title\u0007")))
put("bidi-member.json", body(lambda b: b["metadata"].update({"\u202egnp.exe": 1})))
deep = "[" * 300 + "]" * 300
put("deep-unknown.json", json.dumps(base)[:-1].encode() + b', "deep": ' + deep.encode() + b"}")
put("empty.json", b"")
put("not-object.json", b"[]")
put("nul-in-string.json", json.dumps(base).replace("Watch for volume", "Watch\\u0000for volume").encode().replace(b"\\u0000", b"\x00"))
put("invalid-utf8.json", json.dumps(base).encode().replace(b"Watch", b"W\xffatch"))
put("year-10000.json", json.dumps(base).replace('"2026-01-08T12:00:00Z"', '"10000-01-08T12:00:00Z"', 1).encode())
put("year-0000.json", json.dumps(base).replace('"2026-01-08T12:00:00Z"', '"0000-01-08T12:00:00Z"', 1).encode())
put("expiry-huge.json", body(lambda b: b["metadata"]["expiry"].update(hours=10**15)))
put("number-1e400.json", json.dumps(base).replace('"price": 1.345', '"price": 1e400', 1).encode())
put("lone-surrogate-key.json", json.dumps(base)[:-1].encode() + b', "\\ud800": 1}')
put("trailing-garbage.json", json.dumps(base).encode() + b"\x1b[31m")
put("dup-keys-1000.json", b"{" + b",".join([b'"sender": "a@b.c"'] * 1000) + b"," + json.dumps(base).encode()[1:])
put("drawings-not-array.json", body(lambda b: b.update(drawings={"a": 1})))
put("many-links.json", body(lambda b: b["metadata"].update(preferenceText="[[target:x]]" * 400)))
