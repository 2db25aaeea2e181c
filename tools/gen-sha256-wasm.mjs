#!/usr/bin/env node
// Writes workers/sha256-wasm.ts: the SHA-256 compression function (FIPS 180-4 §6.2.2) as a WebAssembly
// module, all 64 rounds unrolled with the working variables renamed each round instead of moved, and
// Maj computed as b ^ ((a ^ b) & (b ^ c)) with this round's a ^ b reused as the next round's b ^ c.
// Measured in Chromium, in memory: 1.16-1.21× hash-wasm 4.13's SHA-256 (README, browser hashing). The
// module is encoded here byte by byte (WebAssembly core spec §5), so no toolchain is needed: run
// `node tools/gen-sha256-wasm.mjs` and commit the result.
//
// Module: memory 0 (exported as "memory", 2 pages); func compress(p: i32, n: i32) hashes n 64-byte
// blocks at p into the state H0..H7 at bytes 0..31 (little-endian i32s). workers/sha256.ts does the
// padding and the incremental buffering.
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const K = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

const uleb = (n) => { const out = []; do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; out.push(b); } while (n); return out; };
const sleb = (n) => { const out = []; n |= 0; for (;;) { const b = n & 0x7f; n >>= 7; if ((n === 0 && !(b & 0x40)) || (n === -1 && (b & 0x40))) { out.push(b); return out; } out.push(b | 0x80); } };
const section = (id, bytes) => [id, ...uleb(bytes.length), ...bytes];
const vec = (items) => [...uleb(items.length), ...items.flat()];

// Locals: params p=0, n=1; then a..h = 2..9, w0..w15 = 10..25, t1 = 26, t2 = 27, ab = 28, bc = 29.
const P = 0, N = 1, V = { a: 2, b: 3, c: 4, d: 5, e: 6, f: 7, g: 8, h: 9 }, W = (i) => 10 + i, T1 = 26, T2 = 27, AB = 28, BC = 29;
const get = (i) => [0x20, ...uleb(i)], set = (i) => [0x21, ...uleb(i)], cst = (x) => [0x41, ...sleb(x)];
const add = [0x6a], sub = [0x6b], and = [0x71], or = [0x72], xor = [0x73], shru = [0x76], rotl = [0x77], rotr = [0x78], eqz = [0x45];
const load = (off) => [0x28, 0x02, ...uleb(off)], store = (off) => [0x36, 0x02, ...uleb(off)];
const rot = (x, n) => [...get(x), ...cst(n), ...rotr];

const code = [];
const emit = (...parts) => { for (const p of parts) code.push(...p); };
const names0 = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
names0.forEach((x, i) => emit(cst(0), load(i * 4), set(V[x])));
emit([0x02, 0x40], [0x03, 0x40]); // block $done, loop $blocks
emit(get(N), eqz, [0x0d, 0x01]); // br_if $done
for (let i = 0; i < 16; i++) { // big-endian word: rotr(x, 8) & 0xff00ff00 | rotl(x, 8) & 0x00ff00ff
  emit(get(P), load(i * 4), set(T1), rot(T1, 8), cst(0xff00ff00), and, get(T1), cst(8), rotl, cst(0x00ff00ff), and, or, set(W(i)));
}
let names = [...names0];
emit(get(V.b), get(V.c), xor, set(BC));
for (let t = 0; t < 64; t++) {
  const [a, b, c, d, e, f, g, h] = names.map((x) => V[x]);
  const w = W(t & 15);
  if (t >= 16) {
    const w15 = W((t - 15) & 15), w2 = W((t - 2) & 15), w7 = W((t - 7) & 15);
    emit(get(w), rot(w15, 7), rot(w15, 18), xor, get(w15), cst(3), shru, xor, add, get(w7), rot(w2, 17), rot(w2, 19), xor, get(w2), cst(10), shru, xor, add, add, set(w));
  }
  // t1 = h + Σ1(e) + Ch(e, f, g) + K[t] + W[t]; Ch = g ^ (e & (f ^ g))
  emit(get(h), rot(e, 6), rot(e, 11), xor, rot(e, 25), xor, add, get(g), get(e), get(f), get(g), xor, and, xor, cst(K[t]), add, add, get(w), add, set(T1));
  // t2 = Σ0(a) + Maj(a, b, c)
  emit(get(a), get(b), xor, set(AB));
  emit(rot(a, 2), rot(a, 13), xor, rot(a, 22), xor, get(b), get(AB), get(BC), and, xor, add, set(T2));
  emit(get(AB), set(BC));
  emit(get(d), get(T1), add, set(d));
  emit(get(T1), get(T2), add, set(h));
  names = [names[7], names[0], names[1], names[2], names[3], names[4], names[5], names[6]];
}
// 64 renamings are the identity: add the block's result into the state.
names0.forEach((x, i) => emit(get(V[x]), cst(0), load(i * 4), add, set(V[x]), cst(0), get(V[x]), store(i * 4)));
emit(get(P), cst(64), add, set(P), get(N), cst(1), sub, set(N), [0x0c, 0x00], [0x0b], [0x0b]); // br $blocks; end loop; end block
emit([0x0b]); // end func

const body = [...vec([[...uleb(28), 0x7f]]), ...code]; // 28 locals of i32 after the 2 params
const bytes = [
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, vec([[0x60, ...vec([[0x7f], [0x7f]]), ...vec([])]])), // type 0: (i32, i32) -> ()
  ...section(3, vec([[0x00]])), // func 0: type 0
  ...section(5, vec([[0x00, 0x02]])), // memory 0: min 2 pages
  ...section(7, vec([
    [...vec([...'memory'].map((ch) => [ch.charCodeAt(0)])), 0x02, 0x00],
    [...vec([...'compress'].map((ch) => [ch.charCodeAt(0)])), 0x00, 0x00],
  ])),
  ...section(10, vec([[...uleb(body.length), ...body]])),
];

const out = resolve(dirname(fileURLToPath(import.meta.url)), '../workers/sha256-wasm.ts');
const b64 = Buffer.from(bytes).toString('base64');
writeFileSync(out, `// Generated by tools/gen-sha256-wasm.mjs (do not edit): the SHA-256 compression function as a
// WebAssembly module, ${bytes.length} bytes, base64. See that script for the layout and why it is unrolled.
export const SHA256_WASM_BASE64 =
${b64.match(/.{1,100}/g).map((l) => `  '${l}'`).join(' +\n')};
`);
console.log(`wrote ${out}: ${bytes.length} bytes of WASM`);
