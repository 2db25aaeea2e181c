// --shard I/N: a deterministic partition of the walked files. A file belongs to shard
// (hash(path) mod N) + 1, the hash taken over its path as the report shows it (relative to the given
// PATH), so every machine that runs the same command agrees, whatever the walk order or the host.

/** FNV-1a, 32 bits, over the UTF-8 bytes of the path. */
export function pathHash(path: string): number {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(path.replace(/\\/g, '/'))) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function inShard(path: string, shard: { index: number; count: number }): boolean {
  return pathHash(path) % shard.count === shard.index - 1;
}
