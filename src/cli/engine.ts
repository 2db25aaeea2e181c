// The engine, loaded on first need: `--help`, `--version` and usage errors never parse it (start-up is
// then Node's own). A scan's main thread loads only the host half (engine/host.ts: reports, policy,
// output); the scanners load in the scan threads (scan-thread.ts), or here for in-process scans.
export type Engine = typeof import('../engine/host');
let loaded: Engine | undefined;

export async function loadEngine(): Promise<Engine> {
  loaded ??= await import('../engine/host');
  return loaded;
}

/** The engine's host half once loadEngine() has run (the scan path loads it before anything else). */
export function engine(): Engine {
  if (!loaded) throw new Error('modelgate: the engine is used before it was loaded');
  return loaded;
}

type Scanning = typeof import('../engine');
let scanning: Promise<Scanning> | undefined;

/** The whole engine, for scans in this thread (from sources, where there is no thread script: tests). */
export function loadScanning(): Promise<Scanning> {
  scanning ??= Promise.all([import('../engine'), import('./node-flate')]).then(([e, { nodeFlate }]) => {
    // Node's native zlib for every DEFLATE stream the engine decodes in-process (engine/io/flate.ts).
    e.usePlatformFlate(nodeFlate());
    return e;
  });
  return scanning;
}

export function errText(e: unknown): string {
  const code = (e as { code?: string })?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ?? (e instanceof Error ? e.message : String(e));
}
