#!/bin/sh
# Regenerates cntk.js / cntk.d.ts (static protobufjs decoders, decode only) from the vendored
# CNTK.proto (microsoft/CNTK, MIT, see README.md and LICENSE.md). trim.cjs drops NDArrayView's
# tensor values. Static code only: protobufjs reflection compiles decoders with Function(), which
# the app's CSP blocks. Run from the repository root: sh src/engine/formats/cntk/schema/generate.sh
set -eu
D=src/engine/formats/cntk/schema
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
node "$D/trim.cjs" "$tmp/cntk.json"
npx pbjs -t static-module -w es6 --keep-case --no-create --no-encode --no-verify --no-convert \
  --no-delimited --no-typeurl --no-service -o "$D/cntk.js" "$tmp/cntk.json"
npx pbts -o "$D/cntk.d.ts" "$D/cntk.js"
# CSP: the generated code must not compile code at run time.
if grep -nE '(^|[^A-Za-z_.])(Function|eval)\(|codegen|fromJSON|fromObject' "$D/cntk.js"; then
  echo "generated code uses reflection" >&2; exit 1
fi
