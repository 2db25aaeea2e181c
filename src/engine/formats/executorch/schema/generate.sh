#!/bin/sh
# Regenerates the TypeScript accessors from program.fbs (+ scalar_type.fbs) with flatc
# (flatbuffers-compiler 2.0.8, Debian package; the runtime is the `flatbuffers` npm package), the way
# ../../tflite/schema/generate.sh does. The output compiles under tsconfig.engine.json unchanged; the one
# mechanical tweak is renaming flatc's barrel file (program_generated.ts) to index.ts.
# The generated accessors do NOT bounds-check: ../parse.ts only ever hands them a CheckedByteBuffer.
set -eu
cd "$(dirname "$0")"
rm -rf generated
flatc --ts --gen-all -o generated program.fbs
mv generated/program_generated.ts generated/index.ts
