// GGUF case for bench.mjs (issue 5): an 8 GB SPARSE GGUF v3 file whose header is what a large-vocabulary
// model ships (Qwen/Llama-3 class): tokenizer.ggml.tokens with 150,000 strings, scores (f32 ×150,000),
// token_type (i32 ×150,000), merges (150,000 strings), a long chat template, and 300 tensor infos. The
// tensor data region (≈8 GB) is a hole made by ftruncate, so the file costs a few MB of disk. The header
// layout follows ggml docs/gguf.md (little-endian, u64 counts and lengths, string = u64 len + bytes,
// array = u32 item type + u64 count + items; tensor info = name, u32 n_dims, u64 dims, u32 type, u64
// offset; data starts at the header end aligned to general.alignment = 32). Written here rather than
// with test/builders/gguf.ts because the bench runs under plain node, which cannot import TypeScript.
import { closeSync, existsSync, openSync, statSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const VOCAB = 150_000;
const MERGES = 150_000;
const TENSORS = 300;
const TARGET_BYTES = 8 * 1024 ** 3;
const ALIGN = 32;
const GGML_F16 = 1;
const T = { u32: 4, i32: 5, f32: 6, string: 8, array: 9, u64: 10 };

class Writer {
  constructor() { this.chunks = []; this.buf = Buffer.alloc(1 << 20); this.n = 0; this.total = 0; }
  ensure(k) { if (this.n + k > this.buf.length) this.flush(Math.max(k, 1 << 20)); }
  flush(next = 1 << 20) { this.chunks.push(this.buf.subarray(0, this.n)); this.buf = Buffer.alloc(next); this.n = 0; }
  u32(v) { this.ensure(4); this.buf.writeUInt32LE(v >>> 0, this.n); this.n += 4; this.total += 4; }
  i32(v) { this.ensure(4); this.buf.writeInt32LE(v, this.n); this.n += 4; this.total += 4; }
  f32(v) { this.ensure(4); this.buf.writeFloatLE(v, this.n); this.n += 4; this.total += 4; }
  u64(v) { this.ensure(8); this.buf.writeBigUInt64LE(BigInt(v), this.n); this.n += 8; this.total += 8; }
  str(s) { const b = Buffer.from(s, 'utf8'); this.u64(b.length); this.ensure(b.length); b.copy(this.buf, this.n); this.n += b.length; this.total += b.length; }
  raw(s) { this.ensure(s.length); this.buf.write(s, this.n, 'latin1'); this.n += s.length; this.total += s.length; }
  pad(align) { while (this.total % align) { this.ensure(1); this.buf[this.n++] = 0; this.total++; } }
  bytes() { this.flush(); return Buffer.concat(this.chunks); }
}

/** Token text that looks like a byte-level BPE vocabulary (Ġ-prefixed words, byte tokens, specials). */
function token(i) {
  if (i < 256) return `<0x${i.toString(16).toUpperCase().padStart(2, '0')}>`;
  if (i >= VOCAB - 16) return `<|reserved_special_token_${i - (VOCAB - 16)}|>`;
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let s = (i % 3 === 0 ? '\u0120' : '');
  for (let n = i; n > 0; n = Math.floor(n / 26)) s += letters[n % 26];
  return s;
}

const CHAT_TEMPLATE = "{% set loop_messages = messages %}{% for message in loop_messages %}{% set content = '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n'+ message['content'] | trim + '<|eot_id|>' %}{% if loop.index0 == 0 %}{% set content = bos_token + content %}{% endif %}{{ content }}{% endfor %}{% if add_generation_prompt %}{{ '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{% endif %}";

/** Header bytes and the total file size (header + tensor data). */
function header() {
  const w = new Writer();
  const kvs = [
    ['general.architecture', T.string, 'llama'],
    ['general.name', T.string, 'modelgate bench 150k vocabulary'],
    ['general.alignment', T.u32, ALIGN],
    ['llama.context_length', T.u32, 8192],
    ['llama.embedding_length', T.u32, 4096],
    ['llama.block_count', T.u32, 32],
    ['tokenizer.ggml.model', T.string, 'gpt2'],
    ['tokenizer.ggml.tokens', 'tokens'],
    ['tokenizer.ggml.scores', 'scores'],
    ['tokenizer.ggml.token_type', 'types'],
    ['tokenizer.ggml.merges', 'merges'],
    ['tokenizer.ggml.bos_token_id', T.u32, 1],
    ['tokenizer.chat_template', T.string, CHAT_TEMPLATE],
  ];
  w.raw('GGUF');
  w.u32(3);
  w.u64(TENSORS);
  w.u64(kvs.length);
  for (const [key, type, value] of kvs) {
    w.str(key);
    if (type === 'tokens' || type === 'merges') {
      w.u32(T.array); w.u32(T.string); w.u64(type === 'tokens' ? VOCAB : MERGES);
      for (let i = 0; i < (type === 'tokens' ? VOCAB : MERGES); i++) w.str(type === 'tokens' ? token(i) : `${token(256 + (i % 5000))} ${token(256 + ((i * 7) % 5000))}`);
    } else if (type === 'scores') {
      w.u32(T.array); w.u32(T.f32); w.u64(VOCAB);
      for (let i = 0; i < VOCAB; i++) w.f32(-i / VOCAB);
    } else if (type === 'types') {
      w.u32(T.array); w.u32(T.i32); w.u64(VOCAB);
      for (let i = 0; i < VOCAB; i++) w.i32(i < 256 ? 6 : i >= VOCAB - 16 ? 3 : 1);
    } else {
      w.u32(type);
      if (type === T.string) w.str(value); else w.u32(value);
    }
  }
  // 300 F16 tensors of equal size filling ~8 GB: [rows, 4096], offsets relative to the data start.
  const cols = 4096;
  const rowBytes = cols * 2;
  const rows = Math.floor(TARGET_BYTES / TENSORS / rowBytes);
  const per = rows * rowBytes;
  for (let i = 0; i < TENSORS; i++) {
    w.str(`blk.${Math.floor(i / 9)}.w${i % 9}.weight`);
    w.u32(2); w.u64(cols); w.u64(rows);
    w.u32(GGML_F16);
    w.u64(i * per);
  }
  w.pad(ALIGN);
  const bytes = w.bytes();
  return { bytes, size: bytes.length + TENSORS * per };
}

/** Writes (or reuses) the sparse GGUF under outDir; returns cases in bench.mjs's shape. */
export function ggufCases(outDir, log = (s) => process.stderr.write(s)) {
  const path = join(outDir, 'gguf-8gb-150k-vocab.gguf');
  const { bytes, size } = header();
  if (!(existsSync(path) && statSync(path).size === size)) {
    log(`bench: writing ${path} (${(bytes.length / 1e6).toFixed(1)} MB header, sparse data) …\n`);
    const fd = openSync(path, 'w');
    try { writeSync(fd, bytes); } finally { closeSync(fd); }
    truncateSync(path, size);
  } else {
    log(`bench: reusing ${path}\n`);
  }
  return [{ key: 'gguf-8gb', label: `gguf 8 GB sparse (${VOCAB / 1000}k vocab, ${MERGES / 1000}k merges, ${TENSORS} tensors)`, path, size }];
}
