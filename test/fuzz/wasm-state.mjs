#!/usr/bin/env node
// Does a long-lived thread get slower? (issue 15: fuzz inputs over 10 s on a long-lived thread that took
// 0.2 s alone.) `node test/fuzz/wasm-state.mjs [GROUPS] [RUNS] [SEED] [--every N]` scans RUNS mutated
// fixtures (fixtures/<group>/, comma-separated groups, .h5/.hdf5/.keras/.7z/.rar) one after another in
// ONE thread, as the CLI's kept scan threads and the fuzz harness do, and prints per block of N inputs
// the scan time (p50, p99, max), the C stack depth of every WebAssembly instance the engine made (how far
// its stack pointer moved since the instance's first scan), their wasm memory, and the JS heap.
// The engine is bundled under .fuzz/wasm-state (vite, as fuzz.mjs does). Instances are seen by wrapping
// WebAssembly.instantiate before the engine loads, so the same script measures an older tree too; they
// are held weakly, and with `node --expose-gc` the "alive" count is what the engine still holds after a GC.
// A scan that never returns stops the run: `timeout` it; .fuzz/wasm-state/current.{txt,bin} hold that input.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const flag = (name, dflt) => { const i = argv.indexOf(name); if (i < 0) return dflt; const v = argv[i + 1]; argv.splice(i, 2); return v; };
const every = Number(flag('--every', 1000));
const [groupsArg = 'stats,keras', runsArg = '10000', seedArg = '1'] = argv;

// Every instance the engine makes, with its stack reader (h5wasm exports __stack_pointer; 7-Zip only
// emscripten_stack_get_current).
const instances = [];
const WA = globalThis.WebAssembly;
for (const name of ['instantiate', 'instantiateStreaming']) {
  const original = WA[name];
  if (!original) continue;
  WA[name] = function (...args) {
    return original.apply(this, args).then((r) => {
      const ex = (r.instance ?? r).exports;
      const sp = ex.__stack_pointer ? () => ex.__stack_pointer.value : typeof ex.emscripten_stack_get_current === 'function' ? () => ex.emscripten_stack_get_current() : null;
      // Held weakly: an instance the engine dropped must be collectable, or the driver itself would grow the heap.
      if (sp) instances.push(new WeakRef({ kind: ex.H5_libinit_g ? 'hdf5' : '7zip', sp, start: undefined, memory: ex.memory, ex }));
      return r;
    });
  };
}

const { build } = await import('vite');
const out = join(ROOT, '.fuzz/wasm-state');
await build({ root: ROOT, logLevel: 'warn', configFile: false, publicDir: false,
  build: { ssr: join(ROOT, 'src/engine/index.ts'), outDir: out, emptyOutDir: true, target: 'node20', minify: false,
    rollupOptions: { output: { entryFileNames: 'engine.js' } } },
  ssr: { noExternal: true } });
const { mkdirSync, copyFileSync } = await import('node:fs');
mkdirSync(join(out, 'assets'), { recursive: true });
copyFileSync(join(ROOT, 'node_modules/7z-wasm/7zz.wasm'), join(out, 'assets/7zz.wasm'));
const engine = await import(pathToFileURL(join(out, 'engine.js')).href);

function walk(dir, acc = []) {
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) walk(p, acc);
    else if (/\.(h5|hdf5|keras|7z|rar)$/.test(n)) acc.push(p);
  }
  return acc;
}
const seeds = groupsArg.split(',').flatMap((g) => walk(join(ROOT, 'fixtures', g))).map((p) => ({ p, bytes: new Uint8Array(readFileSync(p)) }));

let x = Number(seedArg) >>> 0 || 0x9e3779b9;
const r = () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x; };
/** 1-4 bit flips or byte sets, sometimes a truncation: most inputs stay parseable far enough to reach the library. */
function mutate(base) {
  let b = new Uint8Array(base);
  for (let k = 1 + (r() % 4); k > 0; k--) {
    const at = r() % b.length;
    if (r() % 2) b[at] ^= 1 << (r() % 8); else b[at] = [0, 0xff, 0x7f, 0x80][r() % 4];
  }
  if (r() % 8 === 0) b = b.slice(0, r() % b.length);
  return b;
}

/** Instances not yet collected (a deref keeps its target alive until the current job ends). */
const live = () => instances.map((w) => w.deref()).filter(Boolean);
const pct = (a, q) => a[Math.min(a.length - 1, Math.floor(q * a.length))];
const runs = Number(runsArg);
const all = [];
let block = [];
console.log(`wasm-state: ${seeds.length} seeds (${groupsArg}), ${runs} inputs, seed ${seedArg}, one thread`);
console.log('| inputs | p50 ms | p99 ms | max ms | stack depth (bytes, per instance) | wasm memory MiB | JS heap MiB |');
console.log('|---|---|---|---|---|---|---|');
for (let i = 1; i <= runs; i++) {
  const s = seeds[r() % seeds.length];
  const bytes = mutate(s.bytes);
  writeFileSync(join(out, 'current.txt'), `${i} ${s.p}\n`);
  writeFileSync(join(out, 'current.bin'), bytes); // the input to re-run alone if this one never returns
  let heapBefore = new Map(live().map((v) => [v, v.memory.buffer.byteLength]));
  const t = performance.now();
  await engine.scan(engine.fromBytes(bytes, s.p.split('/').pop()), { weightStats: true });
  const ms = performance.now() - t;
  // An input that grew an instance's memory by 64 MiB or more (wasm memory is never given back): kept to look at.
  live().forEach((v) => {
    const grew = v.memory.buffer.byteLength - (heapBefore.get(v) ?? 0);
    if (grew >= 64 * 2 ** 20) {
      const file = join(out, `grew-${i}.bin`);
      writeFileSync(file, bytes);
      console.log(`input ${i} (${s.p.slice(ROOT.length + 1)}) grew ${v.kind} memory by ${(grew / 2 ** 20).toFixed(0)} MiB: ${file}`);
    }
  });
  block.push(ms); all.push(ms);
  for (const inst of live()) inst.start ??= inst.sp();
  heapBefore = undefined;
  if (i % every === 0 || i === runs) {
    // With --expose-gc: collect in a fresh job (no deref pending), so "alive" counts only what the engine holds.
    await new Promise((res) => setImmediate(res));
    globalThis.gc?.();
    block.sort((a, b) => a - b);
    const last = live().slice(-4);
    console.log(`| ${i} | ${pct(block, 0.5).toFixed(1)} | ${pct(block, 0.99).toFixed(1)} | ${block[block.length - 1].toFixed(1)} | ` +
      `${last.map((v) => `${v.kind} ${v.start - v.sp()}`).join(', ')} (${instances.length} made, ${last.length < 4 ? last.length : live().length} alive) | ` +
      `${last.map((v) => (v.memory.buffer.byteLength / 2 ** 20).toFixed(0)).join(', ')} | ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} |`);
    block = [];
  }
}
all.sort((a, b) => a - b);
console.log(`\nall ${all.length}: p50 ${pct(all, 0.5).toFixed(1)} ms, p99 ${pct(all, 0.99).toFixed(1)} ms, max ${all[all.length - 1].toFixed(1)} ms`);
process.exit(0);
