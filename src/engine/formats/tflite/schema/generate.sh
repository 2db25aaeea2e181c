#!/bin/sh
# Regenerates the TypeScript accessors from schema.fbs with flatc (flatbuffers-compiler 2.0.8 here; the
# runtime is the `flatbuffers` npm package). Then checks schema.fbs against the tensorflow wheel's
# flatc-generated Python (check_schema.py) when that wheel is around.
# The output compiles under tsconfig.engine.json (ES2022, strict, verbatimModuleSyntax) unchanged; the
# one mechanical tweak is renaming flatc's barrel file (schema_generated.ts) to index.ts.
# The generated accessors do NOT bounds-check: parse.ts only ever hands them a CheckedByteBuffer.
set -eu
cd "$(dirname "$0")"
rm -rf generated
flatc --ts -o generated schema.fbs
mv generated/schema_generated.ts generated/index.ts
PY=$(ls /work/venvs/tf/lib/python3*/site-packages/tensorflow/lite/python/schema_py_generated.py 2>/dev/null | head -1 || true)
if [ -n "$PY" ]; then python3 check_schema.py "$PY"; else echo "tensorflow wheel not found: check_schema.py skipped"; fi
