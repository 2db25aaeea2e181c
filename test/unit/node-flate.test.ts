// The CLI's native DEFLATE decoder (src/cli/node-flate.ts) must behave like the fflate fallback where
// the engine relies on it: output handed over during push, corrupt and truncated data thrown, all
// three framings, byte-exact output however the input is cut.
import { describe, expect, it } from 'vitest';
import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { nodeFlate } from '../../src/cli/node-flate';
import { fflateFactory } from '../../src/engine/io/flate';

const data = Buffer.from(Array.from({ length: 300_000 }, (_, i) => `row ${i % 977} ${i * 31 % 101}\n`).join(''));

describe('node-flate', () => {
  const node = nodeFlate()!;
  it('is available on this Node', () => expect(node).toBeTypeOf('function'));

  for (const [format, packed] of [['deflate-raw', deflateRawSync(data)], ['deflate', deflateSync(data)], ['gzip', gzipSync(data)]] as const) {
    it(`decodes ${format} cut into odd pieces to the same bytes as fflate`, () => {
      for (const factory of [node, fflateFactory]) {
        const parts: Uint8Array[] = [];
        const d = factory(format, (c) => parts.push(c.slice()));
        for (let i = 0; i < packed.length; i += 777) d.push(packed.subarray(i, i + 777), i + 777 >= packed.length);
        expect(Buffer.concat(parts).equals(data)).toBe(true);
      }
    });
  }

  it('hands over a bomb\'s output in bounded pieces during push (the caller can stop)', () => {
    const bomb = deflateRawSync(Buffer.alloc(64 * 1024 * 1024));
    let biggest = 0, total = 0;
    const d = node('deflate-raw', (c) => { biggest = Math.max(biggest, c.length); total += c.length; });
    d.push(bomb.subarray(0, 4096), false);
    expect(total).toBeGreaterThan(1024 * 1024);
    expect(biggest).toBeLessThanOrEqual(256 * 1024);
  });

  it('throws on data that is not deflate, and on a truncated stream at the final push', () => {
    expect(() => node('gzip', () => {}).push(Buffer.from('this is not gzip data'), true)).toThrow();
    const packed = deflateRawSync(data);
    expect(() => node('deflate-raw', () => {}).push(packed.subarray(0, packed.length >> 1), true)).toThrow();
  });
});
