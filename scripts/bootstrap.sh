#!/usr/bin/env bash
# Installs what ChartDraw needs on a fresh Debian machine, only when it is missing:
# Cairo's headers (libcairo2-dev, which brings FreeType, zlib and libpng), Pango's
# (libpango1.0-dev, which brings HarfBuzz, FriBidi and fontconfig), Intel ISA-L's (libisal-dev, the
# PNG encoder's deflate), pkg-config, the pinned fonts
# (fonts-dejavu-core, fonts-noto-core, fonts-noto-cjk, fonts-noto-color-emoji), SQLite's headers (libsqlite3-dev, for the sandbox's GRDB),
# and for the tests python3 with jsonschema (the JSON report schema; the Python example),
# nodejs (the Node example) and curl (api --dry-run output is run). Needs root for apt-get;
# prints what it does.
set -euo pipefail

missing=()
pkg-config --exists cairo 2>/dev/null || missing+=(libcairo2-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
pkg-config --exists pangocairo 2>/dev/null || missing+=(libpango1.0-dev)
pkg-config --exists libisal 2>/dev/null || missing+=(libisal-dev)
pkg-config --exists sqlite3 2>/dev/null || missing+=(libsqlite3-dev)
command -v curl >/dev/null 2>&1 || missing+=(curl)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] &&
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf ] || missing+=(fonts-dejavu-core)
# The Noto files the engine pins (Sources/ChartDrawRender/PinnedFonts.swift), one per package.
[ -f /usr/share/fonts/truetype/noto/NotoSansThai-Bold.ttf ] || missing+=(fonts-noto-core)
[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc ] || missing+=(fonts-noto-cjk)
[ -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || missing+=(fonts-noto-color-emoji)
command -v python3 >/dev/null 2>&1 || missing+=(python3 python3-jsonschema)
command -v node >/dev/null 2>&1 || missing+=(nodejs)

if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]} with apt-get" >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "bootstrap: apt-get needs root; run as root or install: ${missing[*]}" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! python3 -c 'import jsonschema' >/dev/null 2>&1; then
  echo "bootstrap: installing the Python package jsonschema" >&2
  if [ "$(id -u)" -eq 0 ] && [ "$(command -v python3)" = /usr/bin/python3 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-jsonschema >/dev/null
  else
    python3 -m pip install -q jsonschema
  fi
fi

# The server tests check the OpenAPI document with openapi-spec-validator and drive the running
# server with schemathesis (PyPI).
if ! python3 -c 'import openapi_spec_validator, schemathesis' >/dev/null 2>&1; then
  echo "bootstrap: installing the Python packages openapi-spec-validator and schemathesis" >&2
  python3 -m pip install -q openapi-spec-validator schemathesis
fi

if ! command -v swift >/dev/null 2>&1; then
  if [ -x /opt/swift/usr/bin/swift ]; then
    echo "bootstrap: add /opt/swift/usr/bin to PATH" >&2
  else
    echo "bootstrap: Swift 6 is required (https://www.swift.org/install/linux/)" >&2
  fi
  exit 1
fi
