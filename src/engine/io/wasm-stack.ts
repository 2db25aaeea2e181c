// The C stack of an Emscripten instance, for libraries the engine keeps alive across files (h5wasm,
// 7-Zip). Emscripten keeps the C stack pointer in a wasm global; nothing resets it when a JS exception
// unwinds C frames (h5wasm's throwing error handler), and callMain stackAllocs argv without freeing it.
// Each such call leaves the stack a little deeper until it runs past its end into the instance's static
// data, and the library then misbehaves (measured: 7-Zip's 64 KiB stack after ~250 RAR archives,
// libhdf5's after ~2,600 HDF5 errors; both then hung on files that take milliseconds; issue 15). The
// glue does not hand its exports to the caller, so they are observed while the instance is made.

/** Read and reset one instance's C stack pointer. */
export interface WasmStack { get(): number; set(sp: number): void }

type Exports = Record<string, unknown>;
type Instantiate = (...args: unknown[]) => Promise<unknown>;
interface WasmNamespace { instantiate: Instantiate; instantiateStreaming?: Instantiate }

const observers = new Set<Exports[]>();
let originals: WasmNamespace | undefined;

function wasm(): WasmNamespace {
  return (globalThis as unknown as { WebAssembly: WasmNamespace }).WebAssembly;
}

function note(result: unknown): unknown {
  const r = result as { instance?: { exports?: Exports }; exports?: Exports };
  const exports = (r.instance ?? r).exports;
  if (exports) for (const list of observers) list.push(exports);
  return result;
}

function install(): void {
  if (originals) return;
  const WA = wasm();
  const saved: WasmNamespace = { instantiate: WA.instantiate, instantiateStreaming: WA.instantiateStreaming };
  originals = saved;
  WA.instantiate = function (this: unknown, ...args: unknown[]) { return saved.instantiate.apply(this, args).then(note); };
  if (saved.instantiateStreaming) {
    const streaming = saved.instantiateStreaming;
    WA.instantiateStreaming = function (this: unknown, ...args: unknown[]) { return streaming.apply(this, args).then(note); };
  }
}

function uninstall(): void {
  if (!originals) return;
  const WA = wasm();
  WA.instantiate = originals.instantiate;
  if (originals.instantiateStreaming) WA.instantiateStreaming = originals.instantiateStreaming;
  originals = undefined;
}

/** Runs `load` (which makes an Emscripten instance) and returns its value with the exports of every instance made meanwhile. */
export async function observeInstances<T>(load: () => Promise<T>): Promise<{ value: T; instances: Exports[] }> {
  const list: Exports[] = [];
  observers.add(list);
  install();
  try {
    return { value: await load(), instances: list };
  } finally {
    observers.delete(list);
    if (!observers.size) uninstall();
  }
}

/** The exports of the instance whose memory is `heap` (without it: the only instance made). */
export function instanceOf(instances: readonly Exports[], heap?: ArrayBufferLike): Exports | undefined {
  return heap ? instances.find((e) => (e.memory as { buffer?: unknown } | undefined)?.buffer === heap)
    : instances.length === 1 ? instances[0] : undefined;
}

/**
 * The stack of the instance among `instances` whose memory is `heap` (the module's HEAPU8.buffer, when
 * the module exposes it; without it, the only instance made), or undefined when there is no such one
 * (loaded before observing, or two made at once) or it exports no way to move its stack.
 */
export function stackOf(instances: readonly Exports[], heap?: ArrayBufferLike): WasmStack | undefined {
  const ex = instanceOf(instances, heap);
  if (!ex) return undefined;
  const global = ex.__stack_pointer as { value: number } | undefined;
  if (global && typeof global.value === 'number') return { get: () => global.value, set: (sp) => { global.value = sp; } };
  const current = ex.emscripten_stack_get_current as (() => number) | undefined;
  const restore = ex._emscripten_stack_restore as ((sp: number) => void) | undefined;
  if (typeof current === 'function' && typeof restore === 'function') return { get: () => current(), set: (sp) => restore(sp) };
  return undefined;
}
