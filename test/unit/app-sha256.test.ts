// The browser's own incremental SHA-256 (workers/sha256.ts on the unrolled WASM compression function
// that tools/gen-sha256-wasm.mjs writes): it must equal node:crypto's digest exactly, on the FIPS 180-4
// examples, on every length around the padding boundaries (55/56/63/64 bytes mod 64) and the copy
// chunk (64 KiB), on random lengths split at random points, and on a 40 MiB input of repeated chunks.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSha256 } from '../../workers/sha256';

const nodeSha = (...parts: Uint8Array[]) => { const h = createHash('sha256'); for (const p of parts) h.update(p); return h.digest('hex'); };
const bytes = (n: number, seed = 7) => Uint8Array.from({ length: n }, (_, i) => (i * 131 + seed * 17 + (i >> 8)) & 0xff);

async function ours(...parts: Uint8Array[]): Promise<string> {
  const h = await createSha256();
  for (const p of parts) h.update(p);
  return h.digestHex();
}

describe('createSha256 (unrolled WASM)', () => {
  it('gives the FIPS 180-4 digests of "", "abc" and the 448-bit and 896-bit messages', async () => {
    const t = (s: string) => new TextEncoder().encode(s);
    expect(await ours()).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(await ours(t('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await ours(t('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
    expect(await ours(t('abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu')))
      .toBe('cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1');
  });

  it('matches node:crypto on every length from 0 to 300 and around the 64 KiB copy chunk', async () => {
    for (let n = 0; n <= 300; n++) { const d = bytes(n, n); expect(await ours(d), `length ${n}`).toBe(nodeSha(d)); }
    for (const n of [65535, 65536, 65537, 65536 + 55, 65536 + 56, 131072 + 63, 131072 + 64]) {
      const d = bytes(n, n);
      expect(await ours(d), `length ${n}`).toBe(nodeSha(d));
    }
  });

  it('matches node:crypto on random lengths split into random parts', async () => {
    let x = 42;
    const rnd = (m: number) => { x = (Math.imul(x, 1664525) + 1013904223) >>> 0; return x % m; };
    for (let trial = 0; trial < 60; trial++) {
      const d = bytes(rnd(300_000), trial);
      const parts: Uint8Array[] = [];
      for (let off = 0; off < d.length;) { const n = Math.min(d.length - off, rnd(trial % 2 ? 200 : 90_000) + 1); parts.push(d.subarray(off, off + n)); off += n; }
      expect(await ours(...parts), `trial ${trial}, ${d.length} bytes in ${parts.length} parts`).toBe(nodeSha(d));
    }
  });

  it('matches node:crypto on 40 MiB of repeated 1 MiB + 3 chunks (lengths past 2^25 bits)', async () => {
    const chunk = bytes(1024 * 1024 + 3);
    const parts = Array.from({ length: 40 }, () => chunk);
    expect(await ours(...parts)).toBe(nodeSha(...parts));
  });

  it('refuses to be used after its digest, so a reused hasher never gives a wrong digest', async () => {
    const h = await createSha256();
    h.update(bytes(10));
    h.digestHex();
    expect(() => h.update(bytes(1))).toThrow(/already digested/);
    expect(() => h.digestHex()).toThrow(/already digested/);
  });
});
