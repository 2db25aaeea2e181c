// Issue 15 bench cases: compression bombs (bench.mjs EXTRA_CASES 'bombs'). Written once under outDir:
//   - bomb-nested.zip: 42.zip-like, five levels of 16 identical members; the leaves are 16 deflated
//     members of 256 MiB of zeros each (16^5 × 256 MiB = 256 TiB in all; ≈ 65 KB on disk: each level's member
//     compresses to under deflate's 32 KiB window, so its 15 copies cost almost nothing one level up);
//   - bomb-ratio.zip: one deflated member of 2 GiB of zeros (≈ 2 MB on disk, ratio ≈ 1000:1).
// Every deflate stream of zeros is made once with node:zlib and reused for every identical member.
// Reference for both rows: bare Node start-up (`node -e 0`), measured in the same run.
import { closeSync, existsSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createDeflateRaw, crc32 as zcrc32, deflateRawSync } from 'node:zlib';
import { once } from 'node:events';

const CHUNK = 64 * 1024 * 1024;

/** Raw deflate and CRC-32 of `size` zero bytes, streamed (never held whole). */
async function deflateZeros(size) {
  const d = createDeflateRaw({ level: 9, memLevel: 9 });
  const parts = [];
  d.on('data', (b) => parts.push(b));
  const zeros = Buffer.alloc(CHUNK);
  let crc = 0;
  for (let done = 0; done < size;) {
    const n = Math.min(CHUNK, size - done);
    const piece = zeros.subarray(0, n);
    crc = zcrc32(piece, crc);
    if (!d.write(piece)) await once(d, 'drain');
    done += n;
  }
  d.end();
  await once(d, 'end');
  return { data: Buffer.concat(parts), crc: crc >>> 0, size };
}

/** A plain zip (no ZIP64) of members {name, data (already compressed), method, crc, size}. */
function zipOf(members) {
  const out = [];
  const central = [];
  let offset = 0;
  for (const m of members) {
    const name = Buffer.from(m.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(m.method, 8);
    local.writeUInt16LE(0x21, 12); local.writeUInt32LE(m.crc, 14);
    local.writeUInt32LE(m.data.length, 18); local.writeUInt32LE(m.size, 22); local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0); cd.writeUInt16LE(20, 4); cd.writeUInt16LE(20, 6); cd.writeUInt16LE(m.method, 10);
    cd.writeUInt16LE(0x21, 14); cd.writeUInt32LE(m.crc, 16); cd.writeUInt32LE(m.data.length, 20); cd.writeUInt32LE(m.size, 24);
    cd.writeUInt16LE(name.length, 28); cd.writeUInt32LE(offset, 42);
    out.push(local, name, m.data);
    central.push(cd, name);
    offset += 30 + name.length + m.data.length;
  }
  const cdBytes = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0); eocd.writeUInt16LE(members.length, 8); eocd.writeUInt16LE(members.length, 10);
  eocd.writeUInt32LE(cdBytes.length, 12); eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, cdBytes, eocd]);
}

const deflated = (name, plain) => ({ name, data: deflateRawSync(plain, { level: 9 }), method: 8, crc: zcrc32(plain) >>> 0, size: plain.length });

function write(path, bytes) {
  const fd = openSync(path + '.tmp', 'w');
  try { writeSync(fd, bytes); } finally { closeSync(fd); }
  renameSync(path + '.tmp', path);
}

async function makeNested(path) {
  const leaf = await deflateZeros(256 * 1024 ** 2);
  let level = zipOf(Array.from({ length: 16 }, (_, i) => ({ name: `0x${i.toString(16)}.bin`, method: 8, ...leaf })));
  for (let depth = 1; depth < 5; depth++) {
    level = zipOf(Array.from({ length: 16 }, (_, i) => deflated(`lib ${depth}-${i.toString(16)}.zip`, level)));
  }
  write(path, level);
}

async function makeRatio(path) {
  write(path, zipOf([{ name: 'zeros.bin', method: 8, ...(await deflateZeros(2 * 1024 ** 3)) }]));
}

/** [{label, path, size, reference}] for bench.mjs; writes the bombs under outDir when absent. */
export async function bombCases(outDir) {
  const cases = [];
  for (const [file, label, make] of [['bomb-nested.zip', 'zip bomb, nested 42.zip-like (16^5 × 256 MiB)', makeNested],
    ['bomb-ratio.zip', 'zip bomb, high ratio (2 GiB of zeros)', makeRatio]]) {
    const path = join(outDir, file);
    if (!existsSync(path)) {
      process.stderr.write(`bench: preparing ${path} …\n`);
      await make(path);
    }
    cases.push({ label, path, size: statSync(path).size, reference: { label: 'node -e 0', argv: ['-e', '0'] } });
  }
  return cases;
}
