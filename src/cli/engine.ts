// The engine, loaded on first need: `--help`, `--version` and usage errors never parse its ≈1 MB of
// code (start-up is then Node's own), and scans from the bundle run it in their threads anyway.
import { nodeFlate } from './node-flate';

export type Engine = typeof import('../engine');
let loaded: Engine | undefined;

export async function loadEngine(): Promise<Engine> {
  if (loaded) return loaded;
  loaded = await import('../engine');
  // Node's native zlib for every DEFLATE stream the engine decodes in-process (engine/io/flate.ts).
  loaded.usePlatformFlate(nodeFlate());
  return loaded;
}

/** The engine once loadEngine() has run (the scan path loads it before anything else). */
export function engine(): Engine {
  if (!loaded) throw new Error('modelgate: the engine is used before it was loaded');
  return loaded;
}

export function errText(e: unknown): string {
  const code = (e as { code?: string })?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ?? (e instanceof Error ? e.message : String(e));
}
