// DecompressionStream (WHATWG Compression Streams) as the engine's DEFLATE decoder in the scan worker:
// the browser's own zlib, several times faster than fflate, injected like Node's zlib in the CLI
// (engine/io/flate.ts usePlatformFlate; the engine stays environment-free, fflate stays the fallback).
// The engine's caps are checked after every push, so push must not resolve while output of its chunk
// is still to come. In the browsers' implementations the transform of one written chunk inflates it
// whole and enqueues every output piece before the write resolves (Chromium inflate_transformer.cc,
// the spec's "decompress and enqueue a chunk"); a reader kept waiting takes them, and one macrotask
// later (every microtask has run by then) all of them are in. The engine paces its pieces so one
// push yields about 256 KiB (PacedFlate), so a bomb's piece cannot fill memory inside the transform.
import type { FlateDecoder, FlateFactory, FlateFormat } from '../src/engine/io/flate';

/** The constructor the adapter uses: the platform's, or a stand-in with the same behaviour (tests). */
export type DecompressionStreamCtor = new (format: FlateFormat) => { readable: ReadableStream<Uint8Array>; writable: WritableStream<BufferSource> };

/** Resolves after the current macrotask: every pending microtask (the reader's takes) has run. */
function nextTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
  return new Promise((r) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => { ch.port1.close(); r(); };
    ch.port2.postMessage(0);
  });
}

class StreamFlate implements FlateDecoder {
  private readonly writer: WritableStreamDefaultWriter<BufferSource>;
  private readonly drained: Promise<void>;
  private failure: unknown;
  private done = false;

  constructor(Ctor: DecompressionStreamCtor, format: FlateFormat, onData: (chunk: Uint8Array) => void) {
    const ds = new Ctor(format);
    this.writer = ds.writable.getWriter();
    const reader = ds.readable.getReader();
    this.drained = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        if (value.length) onData(value);
      }
    })().catch((e: unknown) => { this.failure ??= e; });
  }

  async push(chunk: Uint8Array, final: boolean): Promise<void> {
    if (this.done) return;
    this.check();
    try {
      if (chunk.length) await this.writer.write(chunk as Uint8Array<ArrayBuffer>);
      if (final) {
        this.done = true;
        await this.writer.close(); // a stream cut short fails here
        await this.drained;
      } else {
        await nextTask();
      }
    } catch (e) {
      this.failure ??= e;
    }
    this.check();
  }

  private check(): void {
    if (this.failure === undefined) return;
    this.done = true;
    const e = this.failure;
    throw e instanceof Error ? e : new Error(String(e));
  }
}

/**
 * The factory for this platform, or undefined when it has no DecompressionStream or lacks one of the
 * three formats ('deflate-raw' came last: Chrome 103, Firefox 113, Safari 16.4): the engine keeps fflate.
 */
export function streamFlate(Ctor: DecompressionStreamCtor | null = (globalThis as { DecompressionStream?: DecompressionStreamCtor }).DecompressionStream ?? null): FlateFactory | undefined {
  if (!Ctor) return undefined;
  try {
    for (const f of ['deflate-raw', 'deflate', 'gzip'] as const) new Ctor(f);
  } catch {
    return undefined;
  }
  return (format, onData) => new StreamFlate(Ctor, format, onData);
}
