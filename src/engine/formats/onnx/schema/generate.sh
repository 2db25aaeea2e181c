#!/bin/sh
# Regenerates onnx.js / onnx.d.ts from the vendored onnx.proto (onnx 1.23.1 wheel, Apache-2.0, see
# LICENSE). Static code only: protobufjs reflection compiles decoders with Function(), which the app's
# CSP blocks. Only the leaf messages that cannot hold weights are generated (filter.json): the scanner
# walks the weight-bearing messages (Model, Graph, Node, Attribute, Tensor, Function) itself, field by
# field over bounded windows (../parse.ts), so a 2 GB model is never decoded as one message.
# Run from the repository root: sh src/engine/formats/onnx/schema/generate.sh
set -eu
D=src/engine/formats/onnx/schema
npx pbjs -t static-module -w es6 --filter "$D/filter.json" \
  --no-create --no-encode --no-verify --no-convert --no-delimited --no-typeurl \
  -o "$D/onnx.js" "$D/onnx.proto"
npx pbts -o "$D/onnx.d.ts" "$D/onnx.js"
# CSP: the generated code must not compile code at run time.
if grep -nE 'Function\(|eval\(' "$D/onnx.js"; then echo "generated code uses Function/eval" >&2; exit 1; fi
