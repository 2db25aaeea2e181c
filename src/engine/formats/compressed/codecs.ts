/// <reference path="./vendor.d.ts" />
// Bounded decoders, one per codec, all writing into a Sink that stops them at the output cap. Input is
// read through the caller's counted source in chunks where the decoder can stream (fflate, xz, lz4);
// the bzip2 and LZMA decoders are synchronous, so their input is held whole (bounded by maxMemberBytes).
import { PacedFlate, type FlateFormat } from '../../io/flate';
import Bunzip from 'seek-bzip';
import { XzReadableStream } from 'xz-decompress';
import type { ByteSource } from '../../types';
import { LimitExceeded } from '../../types';
import { readExact } from '../../io/byte-source';
import type { Codec } from './sniff';
import { Sink, SinkFull } from './sink';
import { decodeLz4 } from './lz4';
import { decodeLzmaAlone } from './lzma';
import { decodeZstd, MAX_ZSTD_WINDOW_BYTES } from './zstd';

/** Compressed bytes fetched per read (as io/inflate.ts). */
const READ_CHUNK_BYTES = 1024 * 1024;
/** Output bytes batched before a synchronous decoder hands them to the sink. */
const SYNC_OUT_CHUNK = 64 * 1024;

/** `windowTooLarge`: a frame asked for more decoder memory than the named limit (output so far is kept). */
export interface DecodeResult { error?: string; unsupported?: string; windowTooLarge?: { offset: number; message: string } }

type Decoder = (src: ByteSource, sink: Sink, checkAborted: () => void, maxInput: number) => Promise<DecodeResult>;

export const DECODERS: Record<Codec, Decoder | null> = {
  'gzip': (src, sink, abort) => flate(src, sink, abort, 'gzip'),
  'zlib': (src, sink, abort) => flate(src, sink, abort, 'deflate'),
  'joblib-zfile': (src, sink, abort) => flate(src, sink, abort, 'deflate'),
  'bz2': bzip2,
  'xz': xz,
  'lz4': async (src, sink, abort) => {
    try { await decodeLz4(src, sink, abort); return {}; } catch (e) { return failure(e); }
  },
  'lzma': lzmaAlone,
  'zstd': zstd,
};

async function zstd(src: ByteSource, sink: Sink, checkAborted: () => void): Promise<DecodeResult> {
  try {
    const out = await decodeZstd(src, sink, checkAborted);
    if (out.kind === 'window') {
      return { windowTooLarge: { offset: out.offset, message: `The Zstandard frame at byte ${out.offset} needs a ${out.windowSize}-byte window, above the ${MAX_ZSTD_WINDOW_BYTES}-byte limit` } };
    }
    if (out.kind === 'dictionary') return { unsupported: `the Zstandard frame at byte ${out.offset} needs dictionary ${out.dictionaryId}, which is not in the file` };
    return {};
  } catch (e) {
    return failure(e);
  }
}

function failure(e: unknown): DecodeResult {
  if (e instanceof LimitExceeded || (e instanceof Error && e.name === 'ScanAborted')) throw e;
  return { error: e instanceof Error ? e.message : String(e) };
}

async function lzmaAlone(src: ByteSource, sink: Sink, checkAborted: () => void, maxInput: number): Promise<DecodeResult> {
  if (src.size > maxInput) return { unsupported: `LZMA input of ${src.size} bytes is above the ${maxInput}-byte limit for in-memory decoding` };
  const input = await readExact(src, 0, src.size);
  try {
    const out = decodeLzmaAlone(input, sink.limit, checkAborted);
    sink.push(out.bytes);
    if (out.cut) sink.overflowed();
    return {};
  } catch (e) {
    return failure(e);
  }
}

async function flate(src: ByteSource, sink: Sink, checkAborted: () => void, format: FlateFormat): Promise<DecodeResult> {
  const stream = new PacedFlate(format, (chunk) => { sink.push(chunk); }, src.size);
  try {
    for (let pos = 0; pos < src.size && !sink.full; pos += READ_CHUNK_BYTES) {
      checkAborted();
      const block = await readExact(src, pos, Math.min(READ_CHUNK_BYTES, src.size - pos));
      await stream.push(block, pos + block.length >= src.size, () => sink.full);
    }
  } catch (e) {
    if (!sink.full) return failure(e);
  }
  return {};
}

async function bzip2(src: ByteSource, sink: Sink, checkAborted: () => void, maxInput: number): Promise<DecodeResult> {
  if (src.size > maxInput) return { unsupported: `bzip2 input of ${src.size} bytes is above the ${maxInput}-byte limit for in-memory decoding` };
  checkAborted();
  const input = await readExact(src, 0, src.size);
  let at = 0;
  // seek-bzip's stream interface (lib/stream.js): readByte, read, seek, eof.
  const inStream = {
    readByte: () => (at < input.length ? input[at++]! : -1),
    read: (dst: Uint8Array, off: number, n: number) => {
      const k = Math.min(n, input.length - at);
      if (k <= 0) return -1;
      dst.set(input.subarray(at, at + k), off);
      at += k;
      return k;
    },
    seek: (p: number) => { at = p; },
    eof: () => at >= input.length,
  };
  let buf = new Uint8Array(SYNC_OUT_CHUNK);
  let n = 0;
  const flush = () => {
    if (n && !sink.push(buf.subarray(0, n))) throw new SinkFull();
    buf = new Uint8Array(SYNC_OUT_CHUNK); n = 0;
  };
  const outStream = { writeByte: (b: number) => { buf[n++] = b; if (n === buf.length) flush(); } };
  const g = globalThis as { Buffer?: unknown };
  const saved = g.Buffer;
  // seek-bzip allocates its tables with `new Buffer(n)` and reads block magics with buf.toString('hex').
  // A Uint8Array with that one method does the same job, in a browser worker (no Buffer) and in Node,
  // where the real `new Buffer(n)` prints DEP0005 on every CLI run that meets a bzip2 stream. The
  // shim lives only for this synchronous call.
  g.Buffer = function BufferShim(n: number) { return new HexBytes(n); };
  try {
    Bunzip.decode(inStream, outStream, true);
    flush();
  } catch (e) {
    if (e instanceof SinkFull) return {};
    if (n && !sink.full) sink.push(buf.subarray(0, n));
    return failure(e);
  } finally {
    if (saved === undefined) delete g.Buffer; else g.Buffer = saved;
  }
  return {};
}

class HexBytes extends Uint8Array {
  override toString(): string {
    let out = '';
    for (const b of this) out += b.toString(16).padStart(2, '0');
    return out;
  }
}

interface StreamReader { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> }
type StreamCtor = new (source: { pull(controller: { enqueue(c: Uint8Array): void; close(): void }): Promise<void> }) => { getReader(): StreamReader };

async function xz(src: ByteSource, sink: Sink, checkAborted: () => void): Promise<DecodeResult> {
  const RS = (globalThis as unknown as { ReadableStream?: StreamCtor }).ReadableStream;
  if (!RS) return { unsupported: 'this runtime has no ReadableStream for the xz decoder' };
  let pos = 0;
  const input = new RS({
    async pull(controller) {
      checkAborted();
      if (pos >= src.size) { controller.close(); return; }
      const block = await readExact(src, pos, Math.min(READ_CHUNK_BYTES, src.size - pos));
      pos += block.length;
      controller.enqueue(block);
    },
  });
  const reader = (new XzReadableStream(input as never) as unknown as { getReader(): StreamReader }).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return {};
      if (value && !sink.push(value)) { await reader.cancel(); return {}; }
    }
  } catch (e) {
    return failure(e);
  }
}
