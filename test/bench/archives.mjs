// Issue 5 bench case: a 1 GB tar.gz of model files (bench.mjs EXTRA_CASES 'archives'). Streamed
// through node:zlib, never held in memory: four safetensors shards of deterministic pseudo-random F16
// data (xorshift32, so gzip cannot shrink them to nothing), a .npy, a small protocol-2 pickle of plain
// data, config.json. Written once under outDir and reused while its size matches.
import { createWriteStream, existsSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';

const TARGET_BYTES = 1e9;
const SHARDS = 4;
const CHUNK = 8 * 1024 * 1024;

function octal(buf, at, len, v) {
  buf.write(v.toString(8).padStart(len - 1, '0').slice(-(len - 1)), at, 'latin1');
  buf[at + len - 1] = 0;
}

/** POSIX ustar header (POSIX.1-2017 pax, ustar Interchange Format): a regular file, or another
 * typeflag (`x` for a pax extended header). Shared with hostile.mjs. */
export function tarHeader(name, size, type = '0') {
  const h = Buffer.alloc(512);
  h.write(name, 0, 100, 'utf8');
  octal(h, 100, 8, 0o644); octal(h, 108, 8, 0); octal(h, 116, 8, 0);
  octal(h, 124, 12, size); octal(h, 136, 12, 0);
  h.fill(0x20, 148, 156);
  h.write(type, 156, 1, 'latin1');
  h.write('ustar\0', 257, 'latin1'); h.write('00', 263, 'latin1');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1');
  return h;
}

function safetensorsHeader(bytes) {
  const cols = 4096;
  const rows = Math.floor(bytes / (cols * 2));
  let json = JSON.stringify({ __metadata__: { format: 'pt' }, weight: { dtype: 'F16', shape: [rows, cols], data_offsets: [0, rows * cols * 2] } });
  json += ' '.repeat((8 - (json.length % 8)) % 8);
  const prefix = Buffer.alloc(8);
  prefix.writeBigUInt64LE(BigInt(json.length));
  return { head: Buffer.concat([prefix, Buffer.from(json, 'latin1')]), dataBytes: rows * cols * 2 };
}

function npy() {
  let header = "{'descr': '<f4', 'fortran_order': False, 'shape': (256,), }";
  header += ' '.repeat(64 - ((10 + header.length + 1) % 64)) + '\n';
  const pre = Buffer.alloc(10);
  pre.write('\x93NUMPY', 0, 'latin1'); pre[6] = 1; pre[7] = 0; pre.writeUInt16LE(header.length, 8);
  return Buffer.concat([pre, Buffer.from(header, 'latin1'), Buffer.alloc(1024, 0x3f)]);
}

/** pickle protocol 2 of {'epoch': 3, 'lr': 0.001} (hand-assembled opcodes: plain data, no globals). */
function pickle() {
  const lr = Buffer.alloc(8); lr.writeDoubleBE(0.001);
  return Buffer.concat([Buffer.from([0x80, 0x02, 0x7d, 0x71, 0x00, 0x28]),
    Buffer.from('X\x05\x00\x00\x00epoch', 'latin1'), Buffer.from([0x4b, 0x03]),
    Buffer.from('X\x02\x00\x00\x00lr', 'latin1'), Buffer.from([0x47]), lr, Buffer.from('u.', 'latin1')]);
}

async function writeTarGz(path) {
  const tmp = `${path}.tmp`;
  const gz = createGzip({ level: 1 });
  const out = createWriteStream(tmp);
  gz.pipe(out);
  const write = async (b) => { if (!gz.write(b)) await once(gz, 'drain'); };
  const pad = async (n) => { if (n % 512) await write(Buffer.alloc(512 - (n % 512))); };
  const small = [['model/config.json', Buffer.from('{"model_type": "llama", "hidden_size": 4096}\n')],
    ['model/stats.npy', npy()], ['model/training_args.bin', pickle()]];
  for (const [name, data] of small) { await write(tarHeader(name, data.length)); await write(data); await pad(data.length); }
  let x = 0x9e3779b9;
  const perShard = Math.floor((TARGET_BYTES - 64 * 1024) / SHARDS);
  for (let s = 0; s < SHARDS; s++) {
    const { head, dataBytes } = safetensorsHeader(perShard - 4096);
    const size = head.length + dataBytes;
    await write(tarHeader(`model/model-0000${s + 1}-of-0000${SHARDS}.safetensors`, size));
    await write(head);
    for (let done = 0; done < dataBytes;) {
      const n = Math.min(CHUNK, dataBytes - done);
      const words = new Uint32Array(Math.ceil(n / 4));
      for (let i = 0; i < words.length; i++) { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; words[i] = x & 0x3bff3bff; }
      await write(Buffer.from(words.buffer, 0, n));
      done += n;
    }
    await pad(size);
  }
  await write(Buffer.alloc(1024));
  gz.end();
  await once(out, 'close');
  renameSync(tmp, path);
}

/** [{label, path, size}] for bench.mjs; writes outDir/model-1gb.tar.gz when absent. */
export async function archiveCases(outDir) {
  const path = join(outDir, 'model-1gb.tar.gz');
  if (!existsSync(path)) {
    process.stderr.write(`bench: preparing ${path} (1 GB of model files, gzip level 1) …\n`);
    await writeTarGz(path);
  }
  // Issue 15: the scan next to `gzip -dc > /dev/null` of the same file (started from node, as bench.mjs
  // runs every reference: its wall time includes ~0.05 s of node start-up).
  const gunzip = `require('node:child_process').execFileSync('gzip', ['-dc', ${JSON.stringify(path)}], { stdio: ['ignore', 'ignore', 'inherit'] })`;
  return [{ label: 'tar.gz of model files (~1 GB tar)', path, size: statSync(path).size,
    reference: { label: 'gzip -dc > /dev/null', argv: ['-e', gunzip] } }];
}
