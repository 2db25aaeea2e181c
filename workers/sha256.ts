// Incremental SHA-256 (FIPS 180-4) on the unrolled WASM compression function of sha256-wasm.ts: the
// browser's hashing thread runs this, 1.16-1.21× faster than hash-wasm in Chromium (README, browser
// hashing). Input is copied into the module's memory in CHUNK_BYTES pieces and compressed in place. The
// last partial block and the padding (§5.1.1: 0x80, zeros, the bit length as a big-endian 64-bit
// integer) are done here. Tested against node:crypto on the FIPS vectors and on many lengths and splits
// (test/unit/app-sha256.test.ts).
import { SHA256_WASM_BASE64 } from './sha256-wasm';

/** Bytes copied into the module's memory per compress call: many blocks per call, well inside 2 pages. */
const CHUNK_BYTES = 64 * 1024;
/** Where input goes in the module's memory (the state H0..H7 is at 0..31). */
const INPUT_AT = 64;
const IV = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

let compiled: Promise<WebAssembly.Module> | undefined;

function moduleBytes(): Uint8Array {
  const bin = atob(SHA256_WASM_BASE64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export interface Sha256 {
  update(data: Uint8Array): void;
  /** Lower-case hex digest of everything updated so far; the hasher is then spent. */
  digestHex(): string;
}

export async function createSha256(): Promise<Sha256> {
  compiled ??= WebAssembly.compile(moduleBytes() as Uint8Array<ArrayBuffer>);
  const instance = await WebAssembly.instantiate(await compiled);
  const { memory, compress } = instance.exports as { memory: WebAssembly.Memory; compress: (p: number, n: number) => void };
  const mem = new Uint8Array(memory.buffer);
  const state = new DataView(memory.buffer);
  IV.forEach((h, i) => state.setUint32(i * 4, h, true));
  let fill = 0; // bytes waiting at INPUT_AT (always < CHUNK_BYTES)
  let total = 0;
  let done = false;
  return {
    update(data) {
      if (done) throw new Error('SHA-256 already digested');
      total += data.length;
      let off = 0;
      while (off < data.length) {
        const n = Math.min(CHUNK_BYTES - fill, data.length - off);
        mem.set(data.subarray(off, off + n), INPUT_AT + fill);
        fill += n;
        off += n;
        if (fill === CHUNK_BYTES) { compress(INPUT_AT, CHUNK_BYTES / 64); fill = 0; }
      }
    },
    digestHex() {
      if (done) throw new Error('SHA-256 already digested');
      done = true;
      const whole = fill - (fill % 64);
      if (whole > 0) {
        compress(INPUT_AT, whole / 64);
        mem.copyWithin(INPUT_AT, INPUT_AT + whole, INPUT_AT + fill);
        fill -= whole;
      }
      const padded = fill < 56 ? 64 : 128;
      mem.fill(0, INPUT_AT + fill, INPUT_AT + padded);
      mem[INPUT_AT + fill] = 0x80;
      state.setBigUint64(INPUT_AT + padded - 8, BigInt(total) * 8n, false);
      compress(INPUT_AT, padded / 64);
      let hex = '';
      for (let i = 0; i < 8; i++) hex += state.getUint32(i * 4, true).toString(16).padStart(8, '0');
      return hex;
    },
  };
}
