#!/usr/bin/env node
// Memory of a registry-scale streamed run (issue 14: "--format jsonl, constant memory for million-file
// runs"). Generates folders of N small files under .bench/jsonl-N (a 24-byte benign pickle, a text file
// and a 1-line JSON config in turn, 100 per sub-folder) and scans each with the built CLI:
//   node dist-cli/modelgate.js scan --format jsonl --no-progress -o /dev/null DIR
// printing the peak RSS (GNU time's maximum resident set size) next to the same run with --format json,
// which keeps every report by design. Run: npm run build:cli && node test/bench/jsonl-memory.mjs
// Env: MG_JSONL_COUNTS="2000,20000,100000" (default "2000,20000"); MG_JSONL_FORMATS="jsonl" (default "jsonl,json").
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'dist-cli/modelgate.js');
const COUNTS = (process.env.MG_JSONL_COUNTS ?? '2000,20000').split(',').map(Number).filter((n) => n > 0);
const FORMATS = (process.env.MG_JSONL_FORMATS ?? 'jsonl,json').split(',').filter((f) => f === 'jsonl' || f === 'json');

/** Protocol 4 pickle of {'a': 1} (benign, allowlisted builtins only). */
const PICKLE = Buffer.from('8004950a000000000000007d948c0161944b01732e', 'hex');

function makeTree(n) {
  const dir = join(ROOT, '.bench', `jsonl-${n}`);
  if (existsSync(join(dir, 'done'))) return dir;
  for (let i = 0; i < n; i++) {
    const sub = join(dir, `d${Math.floor(i / 100)}`);
    if (i % 100 === 0) mkdirSync(sub, { recursive: true });
    if (i % 3 === 0) writeFileSync(join(sub, `m${i}.pkl`), PICKLE);
    else if (i % 3 === 1) writeFileSync(join(sub, `notes${i}.txt`), `model card ${i}\n`);
    else writeFileSync(join(sub, `config${i}.json`), `{"model_type": "bert", "hidden_size": ${i}}\n`);
  }
  writeFileSync(join(dir, 'done'), '');
  return dir;
}

function measure(dir, format) {
  const started = Date.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, CLI, 'scan', '--format', format, '--no-progress', '-o', '/dev/null', dir],
    { encoding: 'utf8', maxBuffer: 1 << 26 });
  const kb = Number(/(\d+)\s*$/.exec(r.stderr.trim())?.[1] ?? NaN);
  return { code: r.status, seconds: (Date.now() - started) / 1000, mb: kb / 1024 };
}

if (!existsSync(CLI)) {
  console.error('build the CLI first: npm run build:cli');
  process.exit(2);
}
console.log('| files | format | exit | wall s | peak RSS MB |');
console.log('|---:|---|---:|---:|---:|');
const rows = [];
for (const n of COUNTS) {
  const dir = makeTree(n);
  for (const format of FORMATS) {
    const m = measure(dir, format);
    rows.push({ n, format, ...m });
    console.log(`| ${n} | ${format} | ${m.code} | ${m.seconds.toFixed(1)} | ${m.mb.toFixed(1)} |`);
  }
}
for (const format of FORMATS) {
  const r = rows.filter((x) => x.format === format);
  if (r.length < 2) continue;
  const a = r[0], b = r.at(-1);
  console.log(`${format}: ${(((b.mb - a.mb) * 1024 * 1024) / (b.n - a.n)).toFixed(0)} bytes of peak RSS per extra file (${a.n} → ${b.n} files)`);
}
