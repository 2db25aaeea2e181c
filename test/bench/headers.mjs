// Hostile-header bench case (bench.mjs EXTRA_CASES 'headers'): a safetensors file whose 67 MB header
// lists a million empty tensors. The format allows it (safetensors refuses headers above 100 MB, not
// tensor counts), and it once took 25 s and 1.3 GB here. References in the same run: Node's own
// JSON.parse of the same header (what any JavaScript reader pays), and the safetensors library itself
// (Rust, via Python) opening the file, when MG_BENCH_PYTHON (default /usr/bin/python3) has it.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const TENSORS = 1_000_000;
const PYTHON = process.env.MG_BENCH_PYTHON ?? '/usr/bin/python3';

function write(path) {
  const parts = [];
  for (let i = 0; i < TENSORS; i++) parts.push(`"t${i}":{"dtype":"F32","shape":[0],"data_offsets":[0,0]}`);
  let json = `{${parts.join(', ')}}`;
  json += ' '.repeat((8 - (json.length % 8)) % 8);
  const prefix = Buffer.alloc(8);
  prefix.writeBigUInt64LE(BigInt(json.length));
  const fd = openSync(path, 'w');
  try { writeSync(fd, prefix); writeSync(fd, Buffer.from(json, 'latin1')); } finally { closeSync(fd); }
  return statSync(path).size;
}

const JSON_PARSE = `const b = require('fs').readFileSync(process.argv[1]);
const n = Number(b.readBigUInt64LE(0)); JSON.parse(b.subarray(8, 8 + n).toString('utf8'));`;
const SAFE_OPEN = 'import sys\nfrom safetensors import safe_open\nwith safe_open(sys.argv[1], "np") as f: len(list(f.keys()))';

export async function headerCases(outDir) {
  const path = join(outDir, 'million-tensors.safetensors');
  const size = existsSync(path) ? statSync(path).size : write(path);
  const hasLib = spawnSync(PYTHON, ['-c', 'import safetensors'], { stdio: 'ignore' }).status === 0;
  return [{
    label: 'safetensors header of 1 M tensors (67 MB)', path, size, scanOnly: true,
    references: [
      { label: 'node JSON.parse of the header', argv: ['-e', JSON_PARSE, path] },
      ...(hasLib ? [{ label: 'safetensors safe_open + keys (Rust)', command: PYTHON, argv: ['-c', SAFE_OPEN, path] }] : []),
    ],
  }];
}
