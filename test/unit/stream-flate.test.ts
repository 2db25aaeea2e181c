// The scan worker's DEFLATE decoder (workers/stream-flate.ts) over a stand-in DecompressionStream that
// behaves as the browsers' do (a TransformStream whose transform inflates the written chunk whole and
// enqueues every piece before the write resolves), and the engine driving that asynchronous decoder:
// byte-exact output, corrupt and truncated data refused, a compressed pickle found, a bomb still
// stopped at the ratio cap with a bounded overshoot.
import { afterEach, describe, expect, it } from 'vitest';
import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { streamFlate, type DecompressionStreamCtor } from '../../workers/stream-flate';
import { fflateFactory, PLATFORM_MIN_INPUT_BYTES, usePlatformFlate, type FlateFormat } from '../../src/engine/io/flate';
import { scan, fromBytes } from '../../src/engine';
import { Budget } from '../../src/engine/limits';
import { inflateRawBounded } from '../../src/engine/io/inflate';

/** A DecompressionStream stand-in: fflate inside a TransformStream, counting the streams made. */
let made = 0;
class FakeDecompressionStream {
  readonly readable: ReadableStream<Uint8Array>;
  readonly writable: WritableStream<BufferSource>;
  constructor(format: FlateFormat) {
    if (!['gzip', 'deflate', 'deflate-raw'].includes(format)) throw new TypeError(`unsupported format ${format}`);
    made++;
    let enqueue: (c: Uint8Array) => void = () => {};
    const d = fflateFactory(format, (c) => enqueue(c.slice()));
    const t = new TransformStream<BufferSource, Uint8Array>({
      start(controller) { enqueue = (c) => controller.enqueue(c); },
      transform(chunk) { void d.push(new Uint8Array(chunk as ArrayBuffer), false); },
      flush() { void d.push(new Uint8Array(0), true); },
    });
    this.readable = t.readable;
    this.writable = t.writable;
  }
}
const Fake = FakeDecompressionStream as unknown as DecompressionStreamCtor;

const data = Buffer.from(Array.from({ length: 200_000 }, (_, i) => `row ${i % 977} ${i * 31 % 101}\n`).join(''));
/** posix.system('id') after 200 KB of incompressible bytes, so the gzip is above PLATFORM_MIN_INPUT_BYTES. */
const EVIL_PICKLE = Buffer.concat([Buffer.from('\x80\x04', 'latin1'), Buffer.from([0x42, 0x40, 0x0d, 0x03, 0x00]), randomBytes(200_000),
  Buffer.from('0cposix\nsystem\nX\x02\x00\x00\x00id\x85R.', 'latin1')]);

afterEach(() => usePlatformFlate(undefined));

describe('DecompressionStream adapter', () => {
  const factory = streamFlate(Fake)!;

  it('is offered only where all three formats are supported', () => {
    expect(factory).toBeTypeOf('function');
    expect(streamFlate(null)).toBeUndefined();
    class NoRaw extends FakeDecompressionStream {
      constructor(f: FlateFormat) { if (f === 'deflate-raw') throw new TypeError('no'); super(f); }
    }
    expect(streamFlate(NoRaw as unknown as DecompressionStreamCtor)).toBeUndefined();
  });

  for (const [format, packed] of [['deflate-raw', deflateRawSync(data)], ['deflate', deflateSync(data)], ['gzip', gzipSync(data)]] as const) {
    it(`decodes ${format} cut into odd pieces to the same bytes, each piece's output in before its push resolves`, async () => {
      const parts: Uint8Array[] = [];
      const d = factory(format, (c) => parts.push(c));
      let expected = 0; // what a synchronous decoder has handed over after the same pieces
      const ref = fflateFactory(format, (c) => { expected += c.length; });
      for (let i = 0; i < packed.length; i += 777) {
        const piece = packed.subarray(i, i + 777), last = i + 777 >= packed.length;
        await d.push(piece, last);
        void ref.push(piece, last);
        expect(parts.reduce((n, p) => n + p.length, 0)).toBe(expected);
      }
      expect(Buffer.concat(parts).equals(data)).toBe(true);
    });
  }

  it('rejects corrupt data and a stream cut short', async () => {
    const bad = gzipSync(data);
    bad[10] = 0x07; // the first block after the 10-byte gzip header: BFINAL, BTYPE 11 (reserved, RFC 1951 3.2.3)
    const run = async (bytes: Uint8Array) => {
      const d = factory('gzip', () => {});
      for (let i = 0; i < bytes.length; i += 4096) await d.push(bytes.subarray(i, i + 4096), i + 4096 >= bytes.length);
    };
    await expect(run(bad)).rejects.toThrow();
    await expect(run(gzipSync(data).subarray(0, 5000))).rejects.toThrow();
  });
});

describe('the engine on an asynchronous platform decoder', () => {
  it('finds the pickle inside a gzip stream, decoded by the injected decoder', async () => {
    usePlatformFlate(streamFlate(Fake), 'DecompressionStream', PLATFORM_MIN_INPUT_BYTES);
    made = 0;
    const r = await scan(fromBytes(gzipSync(EVIL_PICKLE), 'model.pkl.gz'));
    expect(made).toBeGreaterThan(0);
    expect(r.findings.find((f) => f.ruleId === 'pickle/dangerous-call')?.severity).toBe('critical');
    expect(r.nodes.find((n) => n.format === 'compressed')?.notes).toMatchObject({ inflater: 'DecompressionStream' });
  });

  it('stops a deflate bomb at the ratio cap, not at the end of its 256 MiB', async () => {
    usePlatformFlate(streamFlate(Fake), 'DecompressionStream', PLATFORM_MIN_INPUT_BYTES);
    const bomb = deflateRawSync(Buffer.alloc(256 * 1024 * 1024));
    const budget = new Budget();
    const r = await inflateRawBounded(fromBytes(bomb), budget);
    expect(r.cut).toBe('ratio');
    expect(r.bytes.length).toBe(r.limit);
    expect(r.limit).toBeLessThan(64 * 1024 * 1024);
  });
});
