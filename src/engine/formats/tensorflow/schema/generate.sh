#!/bin/sh
# Regenerates tf.js / tf.d.ts (static protobufjs decoders for the TensorFlow messages the scanner
# reads) from the descriptors compiled into the installed tensorflow wheel. See README.md.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../../.." && pwd)
py=${TF_PYTHON:-/work/venvs/tf/bin/python}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
TF_CPP_MIN_LOG_LEVEL=3 "$py" "$here/collect.py" "$tmp/tf.pb" | tail -1 > "$tmp/version"
node "$here/to-json.cjs" "$tmp/tf.pb" "$tmp/tf.json"
cd "$root"
npx pbjs -t static-module -w es6 --keep-case --no-create --no-encode --no-verify --no-convert \
  --no-delimited --no-typeurl --no-service -o "$here/tf.js" "$tmp/tf.json"
npx pbts -o "$here/tf.d.ts" "$here/tf.js"
# The app's CSP forbids eval: the generated code must not build functions at run time.
if grep -nE '(^|[^A-Za-z_.])(Function|eval)\(|codegen|fromJSON|fromObject' "$here/tf.js"; then
  echo "generated code uses reflection" >&2; exit 1
fi
TF_CPP_MIN_LOG_LEVEL=3 "$py" "$here/ops.py" "$here/../ops.generated.ts" >/dev/null
echo "tensorflow $(cat "$tmp/version")" > "$here/VERSION"
