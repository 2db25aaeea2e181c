// Test sources: a wrapper that records every read (to prove what a scan touches) and sparse files on
// disk (multi-GB models that cost a header's worth of disk), read through the CLI's file source.
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ByteSource } from '../../src/engine';
import { fromNodeFile, type NodeFileSource } from '../../src/cli/node-source';

/** Wraps a source and counts the bytes every read returns (slices and children included). */
export function counting(src: ByteSource): { source: ByteSource; stats: { bytesRead: number; reads: Array<[number, number]> } } {
  const stats = { bytesRead: 0, reads: [] as Array<[number, number]> };
  const wrap = (s: ByteSource, base: number): ByteSource => ({
    name: s.name,
    size: s.size,
    async read(offset, length) {
      const out = await s.read(offset, length);
      stats.bytesRead += out.length;
      stats.reads.push([base + offset, out.length]);
      return out;
    },
    slice(start, end, name) { return wrap(s.slice(start, end, name), base + start); },
  });
  return { source: wrap(src, 0), stats };
}

/**
 * Writes `head` to a temp file, extends it to `size` with a hole, and hands `use` the file as a
 * ByteSource; the file and its folder are removed afterwards.
 */
export async function withSparseFile<T>(name: string, head: Uint8Array, size: number,
  use: (file: NodeFileSource) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'mg-sparse-'));
  try {
    const path = join(dir, name);
    await writeFile(path, head);
    await truncate(path, size);
    const file = await fromNodeFile(path, name);
    try { return await use(file); } finally { await file.close(); }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
