#!/usr/bin/env node
// Browser hashing bench (issue 15 item 5; outside CI, never part of npm test): drives the built app
// (`npx vite build` first) in real Chromium through Playwright and prints
//   - SHA-256 MB/s of the app's hash worker on a warm 1 GiB file, twice each (the second is warm):
//     (i) a REAL file on disk, warm in the page cache, given through the app's file input (what an
//     analyst's dropped file is; Chromium reads it from disk in its browser process), and (ii) an
//     in-memory Blob made in the page (stored by the browser process); the digest is checked against
//     node:crypto's;
//   - references measured in the same run, on a page of their own (a worker holding hash-wasm): the raw
//     read rate of the same file and Blob (the BYOB stream reader the app uses, and the sliced
//     `arrayBuffer()` reads it used before), hash-wasm and our unrolled WASM SHA-256 (workers/sha256.ts,
//     what the app hashes with) alone on an in-memory buffer (the hashing ceilings), Web Crypto `digest()` of in-memory 16 MiB buffers (the browser's native SHA-256, one-shot
//     only), the previous reader (16 MiB slices with read-ahead) feeding hash-wasm, and the BYOB reader
//     feeding hash-wasm on one thread (the app reads on a second worker: workers/hash-relay.ts);
//   - time from drop to verdict for a 6 GiB file, and that the hash was still running then.
// Each row also gives the CPU seconds of Chromium's busiest thread and of all its threads (from /proc,
// Linux only): on a machine shared with other work, MB per busiest-thread CPU second estimates the rate a
// quiet machine gives when one thread is the bottleneck. The load average is printed before and after.
// The in-page files are safetensors-shaped (a real header, then data): a Blob made in the page from one
// 16 MiB Blob of pseudo-random bytes referenced again and again, so Chromium holds 16 MiB, not 6 GiB
// ("sparse-like"); the disk file has the same bytes. Env: MG_BENCH_PORT (4179), CHROMIUM_PATH
// (/usr/bin/chromium), MG_BENCH_WARM_MIB (1024), MG_BENCH_BIG_MIB (6144), MG_BENCH_DIST (dist: another
// build to compare), MG_BENCH_FILE_DIR (.bench: where the disk file is written, reused while its size
// fits), MG_BENCH_SKIP_BIG=1 (no 6 GiB row).
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createReadStream, existsSync, mkdirSync, openSync, closeSync, readdirSync, readFileSync, statSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PORT = Number(process.env.MG_BENCH_PORT || 4179);
const URL_ = `http://127.0.0.1:${PORT}/`;
const WARM_MIB = Number(process.env.MG_BENCH_WARM_MIB || 1024);
const BIG_MIB = Number(process.env.MG_BENCH_BIG_MIB || 6144);
const MIB = 1024 * 1024;
const SLICE = 16 * MIB;
const FILE_DIR = resolve(ROOT, process.env.MG_BENCH_FILE_DIR || '.bench');
/** A reference slower than this (minutes for 1 GiB even on a loaded machine) is stuck. */
const REF_TIMEOUT_MS = 300_000;

const DIST = resolve(ROOT, process.env.MG_BENCH_DIST || 'dist');
if (!existsSync(resolve(DIST, 'index.html'))) {
  console.error(`${DIST} is missing: run \`npx vite build\` first`);
  process.exit(1);
}

// node itself, not npx: killing npx can leave its vite child serving.
const server = spawn(process.execPath, [resolve(ROOT, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', DIST],
  { cwd: ROOT, stdio: 'ignore' });
const stopServer = () => { try { server.kill('SIGTERM'); } catch { /* gone */ } };
process.on('exit', stopServer);

async function waitForServer() {
  for (let i = 0; i < 200; i++) {
    try { if ((await fetch(URL_)).ok) return; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`vite preview did not start on ${URL_}`);
}

/**
 * In the page: drops a safetensors-shaped file of `mib` MiB of data and times, from the drop, the
 * verdict and the SHA-256 on the file card (polled every 10 ms). `waitHash: false` returns at the verdict
 * and records whether the hash was still pending then.
 */
function dropAndTime({ name, mib, waitHash }) {
  const SLICE = 16 * 1024 * 1024;
  const n = mib * 1024 * 1024;
  let json = JSON.stringify({ weight: { dtype: 'U8', shape: [n], data_offsets: [0, n] } });
  json += ' '.repeat((8 - (json.length % 8)) % 8);
  const head = new Uint8Array(8 + json.length);
  new DataView(head.buffer).setBigUint64(0, BigInt(json.length), true);
  head.set(new TextEncoder().encode(json), 8);
  const chunk = new Uint8Array(SLICE);
  let x = 12345;
  for (let i = 0; i < SLICE; i++) { x = (Math.imul(x, 1664525) + 1013904223) >>> 0; chunk[i] = x >>> 24; }
  const part = new Blob([chunk]);
  const file = new File([head, ...Array.from({ length: n / SLICE }, () => part)], name);
  const zone = document.querySelector('[data-testid="dropzone"]');
  const dt = new DataTransfer();
  dt.items.add(file);
  const t0 = performance.now();
  for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  return new Promise((resolve) => {
    let verdictMs;
    let pendingAtVerdict;
    const timer = setInterval(() => {
      const now = performance.now() - t0;
      const code = document.querySelector('[data-testid="verdict"]')?.getAttribute('data-exit-code');
      const card = document.querySelector(`[data-testid="file-report"][data-path="${name}"]`);
      if (verdictMs === undefined && code && /^[012]$/.test(code)) {
        verdictMs = now;
        pendingAtVerdict = !card?.querySelector('[data-testid="sha256"], .sha');
        if (!waitHash) { clearInterval(timer); resolve({ size: file.size, verdictMs, pendingAtVerdict }); }
      }
      const sha = card?.querySelector('[data-testid="sha256"], .sha');
      if (verdictMs !== undefined && sha) {
        clearInterval(timer);
        resolve({ size: file.size, verdictMs, pendingAtVerdict, hashMs: now, sha256: sha.textContent.replace('sha256 ', '').trim() });
      }
    }, 10);
  });
}

// ------------------------------------------------------------------ the disk file
/** The header the page builds (dropAndTime), for `mib` MiB of data. */
function safetensorsHeader(mib) {
  const n = mib * MIB;
  let json = JSON.stringify({ weight: { dtype: 'U8', shape: [n], data_offsets: [0, n] } });
  json += ' '.repeat((8 - (json.length % 8)) % 8);
  const head = Buffer.alloc(8 + json.length);
  head.writeBigUInt64LE(BigInt(json.length), 0);
  head.write(json, 8, 'latin1');
  return head;
}

/** The page's 16 MiB chunk: a 32-bit LCG (Numerical Recipes constants), top byte of each step. */
function lcgChunk() {
  const chunk = Buffer.alloc(SLICE);
  let x = 12345;
  for (let i = 0; i < SLICE; i++) { x = (Math.imul(x, 1664525) + 1013904223) >>> 0; chunk[i] = x >>> 24; }
  return chunk;
}

/**
 * Writes (or reuses) the safetensors-shaped file of `mib` MiB on disk, reads it once so it is warm in
 * the page cache, and returns its path and node:crypto SHA-256.
 */
async function diskFile(mib) {
  mkdirSync(FILE_DIR, { recursive: true });
  const path = join(FILE_DIR, `browser-hash-${mib}mib.safetensors`);
  const head = safetensorsHeader(mib);
  if (!existsSync(path) || statSync(path).size !== head.length + mib * MIB) {
    const chunk = lcgChunk();
    const fd = openSync(path, 'w');
    try {
      writeSync(fd, head);
      for (let i = 0; i < (mib * MIB) / SLICE; i++) writeSync(fd, chunk);
    } finally { closeSync(fd); }
  }
  const h = createHash('sha256');
  for await (const part of createReadStream(path, { highWaterMark: 4 * MIB })) h.update(part);
  return { path, sha256: h.digest('hex') };
}

// ------------------------------------------------------------------ CPU time per browser thread
const CLK_TCK = 100; // USER_HZ on Linux

/** utime + stime of every thread of every process under this one (Chromium's), by pid/tid; {} off Linux. */
function threadCpu() {
  const out = new Map();
  if (!existsSync('/proc/self/task')) return out;
  const children = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const st = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(st.slice(st.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(d));
    } catch { /* gone */ }
  }
  const pids = [...(children.get(process.pid) ?? [])];
  for (let i = 0; i < pids.length; i++) pids.push(...(children.get(pids[i]) ?? []));
  for (const pid of pids) {
    let tids = [];
    try { tids = readdirSync(`/proc/${pid}/task`); } catch { continue; }
    for (const tid of tids) {
      try {
        const st = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
        out.set(`${pid}/${tid}`, { name: st.slice(st.indexOf('(') + 1, st.lastIndexOf(')')), cpu: (Number(f[11]) + Number(f[12])) / CLK_TCK });
      } catch { /* gone */ }
    }
  }
  return out;
}

/** Runs `fn`, returning its result with the CPU seconds of Chromium's busiest thread and of all of them. */
async function withCpu(fn) {
  const before = threadCpu();
  const result = await fn();
  const after = threadCpu();
  let busiest = { name: '-', cpu: 0 };
  let total = 0;
  for (const [k, v] of after) {
    const d = v.cpu - (before.get(k)?.cpu ?? 0);
    total += d;
    if (d > busiest.cpu) busiest = { name: v.name, cpu: d };
  }
  return { result, busiest, total };
}

// ------------------------------------------------------------------ the reference page
/**
 * The references' worker: hash-wasm's UMD build (global `hashwasm`) plus these functions, started from a
 * blob: URL on a page with no CSP of its own. Each op resolves to { bytes, ms[, hex] }.
 */
function refWorkerMain() {
  const MIB = 1024 * 1024;
  async function byob(blob, onBytes) {
    const reader = blob.stream().getReader({ mode: 'byob' });
    let buf = new ArrayBuffer(4 * MIB);
    for (;;) {
      let filled = 0;
      let done = false;
      while (filled < buf.byteLength) {
        const r = await reader.read(new Uint8Array(buf, filled));
        if (r.value) buf = r.value.buffer;
        if (r.done) { done = true; break; }
        filled += r.value.byteLength;
      }
      if (filled) onBytes(new Uint8Array(buf, 0, filled));
      if (done) return;
    }
  }
  async function slices(blob, onBytes) {
    const S = 16 * MIB;
    const read = (off) => blob.slice(off, Math.min(blob.size, off + S)).arrayBuffer();
    let next = read(0);
    for (let off = 0; off < blob.size; off += S) {
      const buf = await next;
      next = off + S < blob.size ? read(off + S) : null;
      onBytes(new Uint8Array(buf));
    }
  }
  const ops = {
    readByob: (blob) => byob(blob, () => {}).then(() => ({ bytes: blob.size })),
    readSlices: (blob) => slices(blob, () => {}).then(() => ({ bytes: blob.size })),
    async hashSlices(blob) {
      const h = await hashwasm.createSHA256();
      h.init();
      await slices(blob, (b) => h.update(b));
      return { bytes: blob.size, hex: h.digest('hex') };
    },
    async hashByob(blob) {
      const h = await hashwasm.createSHA256();
      h.init();
      await byob(blob, (b) => h.update(b));
      return { bytes: blob.size, hex: h.digest('hex') };
    },
    async hashWasmMemory(_, total) {
      const h = await hashwasm.createSHA256();
      const buf = new Uint8Array(16 * MIB).fill(7);
      h.init();
      for (let d = 0; d < total; d += buf.length) h.update(buf);
      h.digest('hex');
      return { bytes: total };
    },
    async oursMemory(_, total) {
      // workers/sha256.ts's compression module (SHA256_WASM_BASE64, inlined below), fed as it feeds it.
      const bin = atob(SHA256_WASM_BASE64);
      const bytes = Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
      const { instance } = await WebAssembly.instantiate(bytes);
      const mem = new Uint8Array(instance.exports.memory.buffer);
      const buf = new Uint8Array(16 * MIB).fill(7);
      const CHUNK = 64 * 1024;
      for (let d = 0; d < total; d += buf.length) {
        for (let o = 0; o < buf.length; o += CHUNK) { mem.set(buf.subarray(o, o + CHUNK), 64); instance.exports.compress(64, CHUNK / 64); }
      }
      return { bytes: total };
    },
    async webCryptoMemory(_, total) {
      const buf = new Uint8Array(16 * MIB).fill(7);
      for (let d = 0; d < total; d += buf.length) await crypto.subtle.digest('SHA-256', buf);
      return { bytes: total };
    },
  };
  onmessage = async (e) => {
    const t0 = performance.now();
    try {
      const r = await ops[e.data.op](e.data.blob, e.data.total);
      postMessage({ ...r, ms: performance.now() - t0 });
    } catch (err) {
      postMessage({ error: String(err?.stack || err) });
    }
  };
}

const REF_HTML = `<!doctype html><meta charset="utf-8"><title>hash references</title><input type="file" id="file">
<script>
  const SLICE = ${SLICE};
  let worker;
  window.ref = (op, src, mib, code) => {
    worker ??= new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
    let blob;
    if (src === 'file') blob = document.getElementById('file').files[0];
    if (src === 'memory') {
      const chunk = new Uint8Array(SLICE);
      let x = 12345;
      for (let i = 0; i < SLICE; i++) { x = (Math.imul(x, 1664525) + 1013904223) >>> 0; chunk[i] = x >>> 24; }
      const part = new Blob([chunk]);
      blob = window.memBlob ??= new Blob(Array.from({ length: mib * 1048576 / SLICE }, () => part));
    }
    return new Promise((resolve, reject) => {
      worker.onmessage = (e) => (e.data.error ? reject(new Error(e.data.error)) : resolve(e.data));
      worker.postMessage({ op, blob, total: mib * 1048576 });
    });
  };
</script>`;

const mbps = (bytes, ms) => (bytes / 1e6 / (ms / 1000)).toFixed(0);
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

/** One printed row: what, bytes, wall MB/s, and the CPU columns. */
function row(what, bytes, ms, cpu, note = '') {
  const mb = bytes / 1e6;
  console.error(`  done: ${what} (${mbps(bytes, ms)} MB/s)`); // progress, on stderr
  return {
    what, bytes, note,
    wall: `${mbps(bytes, ms)} MB/s`,
    busiest: cpu.busiest.cpu > 0 ? `${(mb / cpu.busiest.cpu).toFixed(0)} MB/cpu-s (${cpu.busiest.name} ${cpu.busiest.cpu.toFixed(2)} s)` : '',
    all: cpu.total > 0 ? `${(mb / cpu.total).toFixed(0)} MB/cpu-s (${cpu.total.toFixed(2)} s)` : '',
  };
}

const hashwasmUmd = readFileSync(resolve(ROOT, 'node_modules/hash-wasm/dist/sha256.umd.min.js'), 'utf8');
const oursBase64 = readFileSync(resolve(ROOT, 'workers/sha256-wasm.ts'), 'utf8').match(/'[A-Za-z0-9+/=]+'/g).map((q) => q.slice(1, -1)).join('');
const refWorkerCode = `${hashwasmUmd}\n;const SHA256_WASM_BASE64 = ${JSON.stringify(oursBase64)};\n(${refWorkerMain.toString()})();\n`;

await waitForServer();
const loadBefore = load();
const disk = await diskFile(WARM_MIB);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  await page.goto(URL_);
  // Let the PWA's service worker finish precaching first: its thread would otherwise share the first row.
  await page.evaluate(() => Promise.race([navigator.serviceWorker?.ready, new Promise((r) => setTimeout(r, 10_000))]));
  await page.waitForTimeout(1_000);
  const rows = [];
  const clear = () => page.getByTestId('clear').click();

  // The app, a real file on disk through its file input: from setInputFiles to the SHA-256 on the card.
  const diskName = disk.path.split('/').pop();
  for (const run of ['1st', '2nd']) {
    const t0 = performance.now();
    const cpu = await withCpu(async () => {
      await page.getByTestId('file-input').setInputFiles(disk.path);
      const sha = page.locator(`[data-testid="file-report"][data-path="${diskName}"] [data-testid="sha256"]`);
      await sha.waitFor({ timeout: 600_000 });
      return (await sha.textContent()).replace('sha256 ', '').trim();
    });
    const ms = performance.now() - t0;
    rows.push(row(`app: disk file (warm page cache), file input, ${run}`, statSync(disk.path).size, ms, cpu,
      cpu.result === disk.sha256 ? 'digest = node:crypto' : `DIGEST MISMATCH ${cpu.result}`));
    await clear();
  }

  // The app, an in-memory Blob dropped on the page.
  for (const run of ['1st', '2nd']) {
    const cpu = await withCpu(() => page.evaluate(dropAndTime, { name: `warm-${run}.safetensors`, mib: WARM_MIB, waitHash: true }));
    const r = cpu.result;
    rows.push(row(`app: in-memory Blob, dropped, ${run}`, r.size, r.hashMs, cpu,
      `${r.sha256 === disk.sha256 ? 'digest = node:crypto' : `DIGEST MISMATCH ${r.sha256}`}; verdict ${r.verdictMs.toFixed(0)} ms`));
    await clear();
  }

  // The references, same run, on a page of their own (no service worker, no CSP: a worker holding hash-wasm).
  const refContext = await browser.newContext({ serviceWorkers: 'block' });
  const ref = await refContext.newPage();
  await ref.route(`${URL_}__bench-ref/`, (route) => route.fulfill({ contentType: 'text/html', body: REF_HTML }));
  await ref.goto(`${URL_}__bench-ref/`);
  await ref.locator('#file').setInputFiles(disk.path);
  const refs = [
    ['read only, disk file: BYOB stream reader (the app\'s reader)', 'readByob', 'file'],
    ['read only, disk file: 16 MiB slice().arrayBuffer() + read-ahead (the previous reader)', 'readSlices', 'file'],
    ['read only, in-memory Blob: BYOB stream reader', 'readByob', 'memory'],
    ['hash-wasm alone, in-memory 16 MiB buffer', 'hashWasmMemory', 'none'],
    ['our unrolled WASM SHA-256 alone (workers/sha256.ts, the app\'s hasher), in-memory', 'oursMemory', 'none'],
    ['Web Crypto digest() alone, in-memory 16 MiB buffers (native, one-shot)', 'webCryptoMemory', 'none'],
    ['previous app reader + hash-wasm, disk file (16 MiB slices + read-ahead)', 'hashSlices', 'file'],
    ['one worker: BYOB reader + hash-wasm on the same thread, disk file', 'hashByob', 'file'],
  ];
  for (const [what, op, src] of refs) {
    // A stuck reference fails the bench loudly instead of hanging it (one run hung once, cause unknown).
    const cpu = await withCpu(() => Promise.race([
      ref.evaluate(([op, src, mib, code]) => window.ref(op, src, mib, code), [op, src, WARM_MIB, refWorkerCode]),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`reference "${what}" took over ${REF_TIMEOUT_MS} ms`)), REF_TIMEOUT_MS)),
    ]));
    const r = cpu.result;
    rows.push(row(`ref: ${what}`, r.bytes, r.ms, cpu, r.hex ? (r.hex === disk.sha256 ? 'digest = node:crypto' : `DIGEST MISMATCH ${r.hex}`) : ''));
  }
  await refContext.close();

  if (process.env.MG_BENCH_SKIP_BIG !== '1') {
    const big = await page.evaluate(dropAndTime, { name: 'big.safetensors', mib: BIG_MIB, waitHash: false });
    rows.push({ what: `app: ${BIG_MIB} MiB in-memory Blob, drop to verdict`, bytes: big.size, wall: `${big.verdictMs.toFixed(0)} ms`,
      busiest: big.pendingAtVerdict ? 'hash still running at verdict' : 'hash already done at verdict', all: '', note: '' });
    await clear();
  }

  console.log(`\nBrowser hashing bench (Chromium, built app in ${DIST}); load average before ${loadBefore}, after ${load()}`);
  console.log(`  ${'case'.padEnd(92)} ${'bytes'.padStart(11)}  ${'wall'.padEnd(10)} ${'MB per CPU-s, busiest thread'.padEnd(48)} ${'MB per CPU-s, all threads'.padEnd(28)} note`);
  for (const r of rows) console.log(`  ${r.what.padEnd(92)} ${String(r.bytes).padStart(11)}  ${r.wall.padEnd(10)} ${r.busiest.padEnd(48)} ${r.all.padEnd(28)} ${r.note}`);
  console.log(`\n  targets (issue 15): verdict of a 6 GB file <= 2000 ms after drop; SHA-256 >= 400 MB/s on a warm file`);
} finally {
  await browser.close();
  stopServer();
}
