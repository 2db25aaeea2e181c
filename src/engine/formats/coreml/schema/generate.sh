#!/bin/sh
# Regenerates coreml.js / coreml.d.ts (static protobufjs decoders, decode only) from the vendored
# Core ML .proto files (apple/coremltools mlmodel/format, BSD-3-Clause, see README.md and
# LICENSE.txt). trim.cjs keeps only the messages the scanner reads. Static code only: protobufjs
# reflection compiles decoders with Function(), which the app's CSP blocks.
# Run from the repository root: sh src/engine/formats/coreml/schema/generate.sh
set -eu
D=src/engine/formats/coreml/schema
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
node "$D/trim.cjs" "$tmp/coreml.json"
npx pbjs -t static-module -w es6 --keep-case --no-create --no-encode --no-verify --no-convert \
  --no-delimited --no-typeurl --no-service -o "$D/coreml.js" "$tmp/coreml.json"
npx pbts -o "$D/coreml.d.ts" "$D/coreml.js"
# CSP: the generated code must not compile code at run time.
if grep -nE '(^|[^A-Za-z_.])(Function|eval)\(|codegen|fromJSON|fromObject' "$D/coreml.js"; then
  echo "generated code uses reflection" >&2; exit 1
fi
