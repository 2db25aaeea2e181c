// The one h5wasm (libhdf5 in WebAssembly) instance of a thread, kept sound for thousands of files.
// h5wasm's throwing error handler (activate_throwing_error_handler, hdf5_util.cc) prints HDF5's error
// stack into a tmpfile() and throws a JS exception from inside the handler; the throw unwinds the C
// frames without running the rest of them, so every HDF5 error left behind
//   - its C stack frames: __stack_pointer is not restored (about 800 bytes per error, measured),
//   - the tmpfile's stream and FILE (never fclose'd: one file descriptor per error),
//   - and the object ids the h5wasm helper had opened (H5Oopen, H5Gopen2, ...), which keep the HDF5
//     file itself open after H5Fclose (libhdf5's default "weak" close degree), with its descriptor and
//     metadata cache: the wasm heap grew ~55 KB per malformed HDF5 file (18 to 165 MiB over 2,750
//     mutated fixtures/stats files; flat at 18 MiB without the throwing handler).
// In one long-lived thread the stack ran past its end into libhdf5's static data after ~2,600
// malformed files and the next file looped forever (a 9 ms file hung > 4 minutes; fuzz "timeouts not
// reproduced on a fresh thread", issue 15), and descriptors run out at 4,096 (EMFILE).
// So the throwing handler is not used. HDF5's default handler prints the error stack to stderr, which
// is captured here instead of reaching the console; h5() runs one h5wasm call to its end (its helper
// closes what it opened) and then throws that text, as the throwing handler did, with nothing left
// open. h5wasm's own throw_error (a JS throw when a first open fails, nothing held yet) still unwinds C
// frames: each synchronous section restores the stack pointer and closes streams it left open.
import { closeStreamsOpenedSince, openStreamIds, type EmscriptenFS } from '../../io/emfs';
import { utf8 } from '../../io/text';
import { instanceOf, observeInstances, stackOf, type WasmStack } from '../../io/wasm-stack';

export interface H5Runtime {
  ns: typeof import('h5wasm');
  /** h5wasm's Emscripten module (typed by the caller). */
  Module: { FS: unknown; HEAPU8: Uint8Array };
  /**
   * The instance's C stack, seen while it was instantiated; undefined when h5wasm was loaded before
   * this file could see it (the stack cannot be repaired then; tests check it is seen).
   */
  stack?: WasmStack;
  /** HDF5's error stack text printed since the last h5() call (stderr, captured). */
  errors: { text: string };
  /** Heap growths refused (MAX_HDF5_HEAP_BYTES) over the thread's life. */
  heap: { refused: number };
}

/**
 * The most wasm memory libhdf5 may have. Wasm memory is never given back while the instance lives, and
 * there is one instance per thread: a 15 KB mutated .keras made libhdf5 grow it by 1 GiB (of the 2 GiB
 * h5wasm allows), which the thread then kept for every later file (test/fuzz/wasm-state.mjs). Reading
 * metadata needs little: a benign Keras file stays at h5wasm's initial 18 MiB, attributes are capped at
 * 64 MiB each (MAX_ATTR_BYTES) and sampled chunks at 16 MiB (MAX_STATS_CHUNK_BYTES). Past this, the
 * allocation fails inside libhdf5 (an HDF5 error) and the file is reported as not fully read.
 */
export const MAX_HDF5_HEAP_BYTES = 512 * 1024 ** 2;
const WASM_PAGE_BYTES = 65536;

/** Error text kept per call: HDF5's stack for one failure is a few hundred bytes; a flood needs only its start. */
const MAX_ERROR_TEXT = 16 * 1024;

/** What the repairs have done in this thread (tests and the fuzz driver read it). */
export const h5Repairs = { sections: 0, stackRestored: 0, stackBytesRestored: 0, streamsClosed: 0 };

let loading: Promise<H5Runtime> | undefined;

/** Loads h5wasm once per thread, keeping a handle on its instance's stack pointer. */
export function loadH5Runtime(): Promise<H5Runtime> {
  return (loading ??= load());
}

async function load(): Promise<H5Runtime> {
  // h5wasm makes its instance when its module is first evaluated and gives no option to see it.
  const { value, instances } = await observeInstances(async () => {
    const ns = await import('h5wasm');
    return { ns, Module: (await ns.default.ready) as unknown as H5Runtime['Module'] };
  });
  const M = value.Module as H5Runtime['Module'] & { deactivate_throwing_error_handler?(): number };
  // HDF5's default automatic error reporting (H5Eprint2 to stderr), in case anything activated the throwing one.
  M.deactivate_throwing_error_handler?.();
  const heapBuffer = value.Module.HEAPU8.buffer;
  const heap = { refused: 0 };
  guardHeap(instanceOf(instances, heapBuffer)?.memory as GrowableMemory | undefined, heap);
  return { ...value, stack: stackOf(instances, heapBuffer), errors: captureStderr(M.FS as StderrFS), heap };
}

interface GrowableMemory { readonly buffer: ArrayBuffer; grow(delta: number): number }

/** Refuses growth of the instance's own memory past MAX_HDF5_HEAP_BYTES (Emscripten's resize then fails: malloc returns NULL). */
function guardHeap(memory: GrowableMemory | undefined, heap: { refused: number }): void {
  if (!memory) return;
  const grow = memory.grow.bind(memory);
  memory.grow = (delta: number): number => {
    if (memory.buffer.byteLength + delta * WASM_PAGE_BYTES > MAX_HDF5_HEAP_BYTES) { heap.refused++; throw new RangeError('libhdf5 heap limit'); }
    return grow(delta);
  };
}

interface StderrFS { getStream(fd: number): { stream_ops: Record<string, unknown> } | null }

/** Sends what the module writes to file descriptor 2 (HDF5's error stacks) into a string instead of the console. */
function captureStderr(FS: StderrFS): { text: string } {
  const errors = { text: '' };
  const stream = FS.getStream(2);
  if (!stream) return errors;
  stream.stream_ops = {
    ...stream.stream_ops,
    write(_stream: unknown, buffer: Uint8Array, offset: number, length: number): number {
      if (errors.text.length < MAX_ERROR_TEXT) errors.text += utf8(buffer.subarray(offset, offset + length));
      return length;
    },
  };
  return errors;
}

/**
 * Runs one h5wasm call (or one high-level h5wasm operation) to its end, then throws HDF5's error text
 * if it reported an error meanwhile; an Error thrown by h5wasm itself carries that text too.
 */
export function h5<T>(rt: H5Runtime, call: () => T): T {
  rt.errors.text = '';
  let value: T;
  try {
    value = call();
  } catch (e) {
    const text = takeErrors(rt);
    throw text ? new Error(text) : e;
  }
  const text = takeErrors(rt);
  if (text) throw new Error(text);
  return value;
}

function takeErrors(rt: H5Runtime): string {
  const text = rt.errors.text;
  rt.errors.text = '';
  return text;
}

/** The state a section starts from. */
export interface H5Section { sp?: number; streams: Set<number> }

/** Call right before the first HDF5 call of a synchronous section (open ... close). */
export function enterH5Section(rt: H5Runtime): H5Section {
  h5Repairs.sections++;
  return { sp: rt.stack?.get(), streams: openStreamIds(rt.Module.FS as EmscriptenFS) };
}

/**
 * Call after the section's last HDF5 call (after H5Fclose), with no HDF5 frame on the stack: the stack
 * pointer goes back to where the section started, and streams the section opened and left open (the
 * error handler's tmpfiles, a file held open by leaked object ids) are closed. Nothing else runs in the
 * instance between enter and leave: the section is synchronous.
 */
export function leaveH5Section(rt: H5Runtime, s: H5Section): void {
  const stack = rt.stack;
  if (stack && s.sp !== undefined && stack.get() !== s.sp) {
    h5Repairs.stackRestored++;
    h5Repairs.stackBytesRestored += s.sp - stack.get();
    stack.set(s.sp);
  }
  h5Repairs.streamsClosed += closeStreamsOpenedSince(rt.Module.FS as EmscriptenFS, s.streams);
}

/** The instance's state now: stack pointer, open streams and heap size (for tests and measurements). */
export function h5RuntimeState(rt: H5Runtime): { stackPointer?: number; openStreams: number; heapBytes: number } {
  return { stackPointer: rt.stack?.get(), openStreams: openStreamIds(rt.Module.FS as EmscriptenFS).size, heapBytes: rt.Module.HEAPU8.length };
}
