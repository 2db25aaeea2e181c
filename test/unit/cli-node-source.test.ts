import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromNodeFile } from '../../src/cli/node-source';
import { sha256File } from '../../src/cli/hash';
import { fromBytes, sha256Of } from '../../src/engine';

const GiB = 1024 ** 3;
const FIVE_GIB = 5 * GiB;
const MARKER_AT = 4 * GiB + 100;           // past 2^32: where Node 20's openAsBlob goes wrong
const MARKER = Buffer.from('MODELGATE-MARK');
const END_MARKER = Buffer.from('END!');

let dir: string;
let big: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mg-src-'));
  big = join(dir, 'sparse-5g.bin');
  writeFileSync(big, '');
  await truncate(big, FIVE_GIB);             // sparse: a few KB on disk
  const fh = await open(big, 'r+');
  try {
    await fh.write(MARKER, 0, MARKER.length, MARKER_AT);
    await fh.write(END_MARKER, 0, END_MARKER.length, FIVE_GIB - END_MARKER.length);
  } finally {
    await fh.close();
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('node file source', () => {
  it('reports the true size of a 5 GiB file and reads a marker written past 4 GiB', async () => {
    const src = await fromNodeFile(big, 'sparse-5g.bin');
    try {
      expect(src.size).toBe(FIVE_GIB);
      expect(Buffer.from(await src.read(MARKER_AT, MARKER.length)).toString()).toBe('MODELGATE-MARK');
      expect(Buffer.from(await src.read(FIVE_GIB - 4, 4)).toString()).toBe('END!');
    } finally {
      await src.close();
    }
  });

  it('clamps reads at the end and before the start instead of reading past the file', async () => {
    const src = await fromNodeFile(big);
    try {
      expect((await src.read(FIVE_GIB - 2, 100)).length).toBe(2);
      expect((await src.read(FIVE_GIB + 10, 100)).length).toBe(0);
      expect((await src.read(-5, 3)).length).toBe(3);
      expect((await src.read(10, -1)).length).toBe(0);
    } finally {
      await src.close();
    }
  });

  it('slices a window past 4 GiB that reads relative to its start and stays inside it', async () => {
    const src = await fromNodeFile(big);
    try {
      const win = src.slice(MARKER_AT - 10, MARKER_AT + 20, 'member');
      expect(win.size).toBe(30);
      expect(win.name).toBe('member');
      expect(Buffer.from(await win.read(10, 9)).toString()).toBe('MODELGATE');
      expect((await win.read(25, 100)).length).toBe(5);      // clamped to the window, not the file
      const inner = win.slice(10, 14);
      expect(Buffer.from(await inner.read(0, 100)).toString()).toBe('MODE');
    } finally {
      await src.close();
    }
  });

  it('rejects reads after close and tolerates a second close', async () => {
    const src = await fromNodeFile(big);
    const win = src.slice(0, 10);
    await src.close();
    await src.close();
    await expect(src.read(0, 4)).rejects.toThrow(/after close/);
    await expect(win.read(0, 4)).rejects.toThrow(/after close/);
  });

  it('fails to open a directory or a missing file, leaving no handle behind', async () => {
    await expect(fromNodeFile(dir)).rejects.toThrow();
    await expect(fromNodeFile(join(dir, 'missing.bin'))).rejects.toThrow(/ENOENT/);
  });
});

describe('cli sha256', () => {
  it('gives the same digest as the engine hash-wasm helper, across chunk boundaries', async () => {
    const bytes = new Uint8Array(8 * 1024 * 1024 + 12345).map((_, i) => (i * 31 + 7) & 0xff);
    const src = fromBytes(bytes, 'x.bin');
    const seen: number[] = [];
    expect(await sha256File(src, (n) => seen.push(n))).toBe(await sha256Of(src));
    expect(seen.at(-1)).toBe(bytes.length);
    expect(await sha256File(fromBytes(new Uint8Array(0)))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('stops without a digest when the scan is aborted', async () => {
    expect(await sha256File(fromBytes(new Uint8Array(10)), undefined, { aborted: true })).toBeUndefined();
  });
});
