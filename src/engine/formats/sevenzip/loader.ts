// Loads 7-Zip (7z-wasm 1.2.0: 7-Zip 24.09 built with Emscripten) lazily, so the ~1.6 MB .wasm and its
// 83 KB glue are fetched only when a 7z archive is scanned. The engine is environment-free: where the
// .wasm lives is the host's business. In Node the module finds 7zz.wasm next to its own script; a
// browser build must call setSevenZipLocator with the bundled asset's URL (e.g. Vite's
// `import wasmUrl from '7z-wasm/7zz.wasm?url'` in the worker) before the first scan.
import type { SevenZipModule } from '7z-wasm';
import { observeInstances, stackOf, type WasmStack } from '../../io/wasm-stack';

/** Emscripten's locateFile: maps '7zz.wasm' to where the host serves it. */
export type SevenZipLocator = (file: string, scriptDirectory: string) => string;

let locator: SevenZipLocator | undefined;
let factory: Promise<(opts: object) => Promise<SevenZipModule>> | undefined;

/** Tells the loader where 7zz.wasm is served (browser builds); undefined restores the default. */
export function setSevenZipLocator(fn: SevenZipLocator | undefined): void {
  locator = fn;
  generation++;
}

/** Counts locator/binary changes: instances made before a change are not reused (session.ts). */
let generation = 0;
export function sevenZipLoaderGeneration(): number {
  return generation;
}

let binary: (() => Uint8Array) | undefined;

/** Hands the loader 7zz.wasm's bytes (a build with nothing to fetch, e.g. the single-file page). */
export function setSevenZipWasmBinary(fn: (() => Uint8Array) | undefined): void {
  binary = fn;
  generation++;
}

export interface SevenZipOutput {
  /** stdout, one call per line. */
  print(line: string): void;
  /** stderr, one call per line. */
  printErr(line: string): void;
}

/**
 * A fresh 7-Zip instance. callMain can be called repeatedly (the build keeps noExitRuntime, so exit()
 * throws an ExitStatus that callMain turns into its return value), but 7-Zip's heap only grows, and an
 * uncaught C++ exception (which 24.09 throws for an encrypted header opened with a wrong password)
 * leaves the instance in an unknown state. Creating one costs 30-200 ms in Node, so session.ts keeps
 * an instance for the next archive when neither happened.
 */
export async function createSevenZip(out: SevenZipOutput): Promise<{ mod: SevenZipModule; stack?: WasmStack }> {
  factory ??= import('7z-wasm').then((m) => (m as unknown as { default: (opts: object) => Promise<SevenZipModule> }).default);
  const make = await factory;
  // The instance's C stack: callMain stackAllocs argv and never frees it (session.ts resets it).
  const { value: mod, instances } = await observeInstances(() => make({
    print: out.print,
    printErr: out.printErr,
    stdin: () => null, // never block on a password prompt: EOF
    noExitRuntime: true,
    ...(locator ? { locateFile: locator } : {}),
    ...(binary ? { wasmBinary: binary() } : {}),
  }));
  // 7z-wasm's module does not expose its memory: when two instances were made at once, neither is known.
  return { mod, stack: stackOf(instances) };
}
