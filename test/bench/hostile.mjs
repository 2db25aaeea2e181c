// Structurally hostile inputs (bench.mjs EXTRA_CASES 'hostile'): the extremes of counts and lengths a
// format allows, which mutation fuzzing does not reach. Each once ended in minutes, gigabytes or a
// crash; the rows show what each costs now and how it ends (exit code, complete or not). Written once
// under outDir (~1.1 GB in all) and reused while present.
//   - a safetensors header of a million tensors (67 MB; the format caps headers at 100 MB, not counts),
//     beside Node's JSON.parse of the same header and the safetensors library itself (Rust, via Python,
//     when MG_BENCH_PYTHON has it): once 25 s and 1.3 GB;
//   - a SavedModel of 13 M tiny nodes (327 MB): ran the CLI out of memory (V8 heap abort after 109 s);
//   - a Core ML spec of 20 M empty layers (40 MB): 2.8 GB decoded;
//   - a zip of 1,000 members each named with 30,000 '/' (120 MB): the folder check was quadratic in
//     the name (4,000 such members ran past 300 s);
//   - a tar of 300 members each named with 1 MiB by pax (313 MB): the JSON report outgrew V8's largest
//     string ("internal error: RangeError: Invalid string length");
//   - a tar of 2,000 members each named with 60 KB by pax (124 MB): 17-29 s, in Maps keyed by the names
//     (V8 hashes a string of more than 16,383 characters by its length alone: io/name-map.ts);
//   - a tar of 5,000 one-byte members (5 MB): each cost a pickle parse (a Machine built, a FormatError
//     thrown) and a TextDecoder call or two before it was called unrecognised (pickle/sniff.ts mayParse).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tarHeader } from './archives.mjs';

const PYTHON = process.env.MG_BENCH_PYTHON ?? '/usr/bin/python3';

/** Writes `chunks()` (an iterable of Buffers) to `path` once, through a temporary name. */
function once(path, chunks) {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    const fd = openSync(`${path}.tmp`, 'w');
    try { for (const c of chunks()) writeSync(fd, c); } finally { closeSync(fd); }
    renameSync(`${path}.tmp`, path);
  }
  return statSync(path).size;
}

function varint(n) {
  const out = [];
  while (n >= 0x80) { out.push((n % 128) | 0x80); n = Math.floor(n / 128); }
  out.push(n);
  return Buffer.from(out);
}
/** A length-delimited protobuf field. */
const ld = (field, payload) => Buffer.concat([varint(field * 8 + 2), varint(payload.length), payload]);

function* safetensors() {
  const parts = [];
  for (let i = 0; i < 1_000_000; i++) parts.push(`"t${i}":{"dtype":"F32","shape":[0],"data_offsets":[0,0]}`);
  let json = `{${parts.join(', ')}}`;
  json += ' '.repeat((8 - (json.length % 8)) % 8);
  const prefix = Buffer.alloc(8);
  prefix.writeBigUInt64LE(BigInt(json.length));
  yield prefix;
  yield Buffer.from(json, 'latin1');
}

/** SavedModel { saved_model_schema_version = 1: 1, meta_graphs = 2: { meta_info_def = 1: { tags = 4 },
 * graph_def = 2: { node = 1: NodeDef { name = 1, op = 2, input = 3 } × 13 M } } } (saved_model.proto). */
function* savedModel() {
  const COUNT = 13_000_000;
  const node = (i) => ld(1, Buffer.concat([ld(1, Buffer.from(`n${i}`)), ld(2, Buffer.from('Identity')), ld(3, Buffer.from('x'))]));
  let bytes = 0;
  for (let i = 0; i < COUNT; i++) bytes += node(i).length; // lengths first: the graph's own length leads it
  const meta = ld(1, ld(4, Buffer.from('serve')));
  const graphHead = Buffer.concat([varint(2 * 8 + 2), varint(bytes)]);
  const metaLen = meta.length + graphHead.length + bytes;
  yield Buffer.concat([varint(1 * 8), varint(1), varint(2 * 8 + 2), varint(metaLen), meta, graphHead]);
  for (let i = 0; i < COUNT; i += 65536) {
    const batch = [];
    for (let j = i; j < Math.min(COUNT, i + 65536); j++) batch.push(node(j));
    yield Buffer.concat(batch);
  }
}

/** Model { specificationVersion = 1: 4, neuralNetwork = 500: { layers = 1: empty × 20 M } } (Model.proto). */
function* coreml() {
  const layers = Buffer.alloc(2 * 20_000_000);
  for (let i = 0; i < layers.length; i += 2) layers[i] = 0x0a;
  yield Buffer.concat([varint(1 * 8), varint(4), varint(500 * 8 + 2), varint(layers.length)]);
  yield layers;
}

/** A stored zip of `count` empty members named `d/d/…/m<i>` with `slashes` separators. */
function* zipOfLongNames(count, slashes) {
  const central = [];
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const name = Buffer.from(`${'d/'.repeat(slashes)}m${i}`);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x21, 12);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0); cd.writeUInt16LE(20, 4); cd.writeUInt16LE(20, 6); cd.writeUInt16LE(0x21, 14);
    cd.writeUInt16LE(name.length, 28); cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    yield local; yield name;
    offset += local.length + name.length;
  }
  const cdBytes = central.reduce((n, b) => n + b.length, 0);
  yield* central;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0); eocd.writeUInt16LE(count, 8); eocd.writeUInt16LE(count, 10);
  eocd.writeUInt32LE(cdBytes, 12); eocd.writeUInt32LE(offset, 16);
  yield eocd;
}

const pad512 = (n) => Buffer.alloc((512 - (n % 512)) % 512);

/** A tar of `count` one-byte members, each named by a pax `path` record of about `eights` × 8 bytes (1 MiB by default). */
function* tarOfHugeNames(count, eights = 131_000) {
  for (let i = 0; i < count; i++) {
    const body = `path=${'abcdefgh'.repeat(eights)}/m${i}.bin\n`;
    // A pax record is "<length> <key>=<value>\n", the length counting its own digits.
    let len = body.length + 2;
    while (String(len).length + 1 + body.length !== len) len = String(len).length + 1 + body.length;
    const record = Buffer.from(`${len} ${body}`, 'latin1');
    yield tarHeader(`PaxHeaders/m${i}`, record.length, 'x'); yield record; yield pad512(record.length);
    yield tarHeader(`m${i}.bin`, 1, '0'); yield Buffer.from('x'); yield pad512(1);
  }
  yield Buffer.alloc(1024);
}

/** A tar of `count` members of one byte each (every byte value in turn), named m<i>.bin. */
function* tarOfTinyMembers(count) {
  for (let i = 0; i < count; i++) { yield tarHeader(`m${i}.bin`, 1, '0'); yield Buffer.from([i & 0xff]); yield pad512(1); }
  yield Buffer.alloc(1024);
}

const JSON_PARSE = `const b = require('fs').readFileSync(process.argv[1]);
const n = Number(b.readBigUInt64LE(0)); JSON.parse(b.subarray(8, 8 + n).toString('utf8'));`;
const SAFE_OPEN = 'import sys\nfrom safetensors import safe_open\nwith safe_open(sys.argv[1], "np") as f: len(list(f.keys()))';

export async function hostileCases(outDir) {
  const file = (name, chunks) => { const path = join(outDir, name); process.stderr.write(`bench: preparing ${path}\n`); return { path, size: once(path, chunks) }; };
  const hasLib = spawnSync(PYTHON, ['-c', 'import safetensors'], { stdio: 'ignore' }).status === 0;
  const st = file('million-tensors.safetensors', safetensors);
  return [
    { label: 'safetensors header of 1 M tensors (67 MB)', ...st, scanOnly: true,
      references: [
        { label: 'node JSON.parse of the header', argv: ['-e', JSON_PARSE, st.path] },
        ...(hasLib ? [{ label: 'safetensors safe_open + keys (Rust)', command: PYTHON, argv: ['-c', SAFE_OPEN, st.path] }] : []),
      ] },
    { label: 'SavedModel of 13 M tiny nodes (limit)', ...file('hostile/saved_model.pb', savedModel), scanOnly: true },
    { label: 'Core ML spec of 20 M empty layers (limit)', ...file('hostile-20m-layers.mlmodel', coreml), scanOnly: true },
    { label: 'zip, 1,000 members named with 30,000 "/"', ...file('hostile-long-names.zip', () => zipOfLongNames(1000, 30_000)), scanOnly: true },
    { label: 'tar, 300 members named with 1 MiB (pax)', ...file('hostile-huge-names.tar', () => tarOfHugeNames(300)), scanOnly: true },
    { label: 'tar, 2,000 members named with 60 KB (pax)', ...file('hostile-long-names.tar', () => tarOfHugeNames(2000, 7_500)), scanOnly: true },
    { label: 'tar, 5,000 one-byte members', ...file('hostile-tiny-members.tar', () => tarOfTinyMembers(5000)), scanOnly: true },
  ];
}
