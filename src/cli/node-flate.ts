// Node's zlib as the engine's DEFLATE decoder (engine/io/flate.ts FlateFactory): native inflate is
// several times faster than fflate. The engine's decoders are synchronous push streams (the output of
// a piece is handed over before push returns, so every cap is checked after every piece); Node's
// public zlib API is asynchronous streams or one-shot calls, and its synchronous step
// (_processChunk → processChunkSync in lib/zlib.js) closes the stream after one call. So this drives
// the zlib handle's writeSync the way processChunkSync does (Node 20-24 lib/zlib.js), without the
// close. If this Node's zlib does not look like that, the factory hands out fflate's decoders.
import * as zlib from 'node:zlib';
import { fflateFactory, type FlateDecoder, type FlateFactory, type FlateFormat } from '../engine/io/flate';

/** Output buffer per writeSync: large enough that a bomb's pieces do not cost many calls. */
const OUT_CHUNK_BYTES = 256 * 1024;

interface ZlibHandle {
  writeSync(flush: number, input: Uint8Array, inOff: number, inLen: number, out: Uint8Array, outOff: number, outLen: number): void;
}
interface ZlibInternals {
  _handle: ZlibHandle | null;
  _writeState: Uint32Array;     // [availOutAfter, availInAfter], filled by writeSync
  errored?: Error | null;
  destroyed: boolean;
  on(event: 'error', listener: () => void): void;
  close(): void;
}

const MAKE: Record<FlateFormat, () => ZlibInternals> = {
  'deflate-raw': () => zlib.createInflateRaw() as unknown as ZlibInternals,
  'deflate': () => zlib.createInflate() as unknown as ZlibInternals,
  'gzip': () => zlib.createGunzip() as unknown as ZlibInternals,
};

class NodeFlate implements FlateDecoder {
  private readonly z: ZlibInternals;
  private readonly scratch = new Uint8Array(OUT_CHUNK_BYTES);
  private done = false;

  constructor(format: FlateFormat, private readonly onData: (chunk: Uint8Array) => void) {
    this.z = MAKE[format]();
    this.z.on('error', () => {}); // errors are thrown from push; the stream's own event would be uncaught
  }

  push(chunk: Uint8Array, final: boolean): void {
    if (this.done) return;
    const handle = this.z._handle;
    if (!handle) throw new Error('zlib stream closed');
    const flush = final ? zlib.constants.Z_FINISH : zlib.constants.Z_NO_FLUSH;
    let inOff = 0, inLen = chunk.length;
    const out = this.scratch;
    for (;;) {
      handle.writeSync(flush, chunk, inOff, inLen, out, 0, out.length);
      if (this.z.destroyed || this.z.errored) {
        this.done = true;
        throw this.z.errored ?? new Error('invalid compressed data');
      }
      const [outLeft, inLeft] = [this.z._writeState[0]!, this.z._writeState[1]!];
      const have = out.length - outLeft;
      // A copy of exactly what was produced: the engine keeps output chunks (a streamed tar holds its
      // window of them), and a view would pin the whole scratch-sized buffer behind every small one.
      if (have > 0) this.onData(out.slice(0, have));
      // Output buffer full: more output may be waiting for the same input (processChunkSync's loop).
      if (outLeft !== 0) break;
      inOff += inLen - inLeft;
      inLen = inLeft;
    }
    if (final) this.finish();
  }

  private finish(): void {
    this.done = true;
    try { this.z.close(); } catch { /* already closed */ }
  }
}

/**
 * The factory. Whether this Node's zlib can be driven synchronously is checked on the first stream, not
 * at start-up (a few ms of every run that inflates nothing, issue 15 fast start); if it cannot, every
 * stream is fflate's.
 */
export function nodeFlate(): FlateFactory {
  let works: boolean | undefined;
  return (format, onData) => {
    works ??= probe();
    return works ? new NodeFlate(format, onData) : fflateFactory(format, onData);
  };
}

/** A round trip through the internals NodeFlate drives: true when they behave as Node 20-24's do. */
function probe(): boolean {
  try {
    const z = MAKE['deflate-raw']();
    if (!z._handle || typeof z._handle.writeSync !== 'function' || !(z._writeState instanceof Uint32Array)) return false;
    z.close();
    // Just over one output buffer, so the loop over full buffers runs too; filled natively and deflated
    // once, this costs a few ms where a 1 MB string took tens (issue 15).
    const plain = Buffer.alloc(OUT_CHUNK_BYTES + 4096, 'modelgate ');
    const chunks: Uint8Array[] = [];
    const d = new NodeFlate('deflate-raw', (c) => { chunks.push(c); });
    const packed = zlib.deflateRawSync(plain);
    d.push(packed.subarray(0, 10), false);
    d.push(packed.subarray(10), true);
    return chunks.length >= 2 && Buffer.concat(chunks).equals(plain);
  } catch {
    return false;
  }
}
