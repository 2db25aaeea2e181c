// One archive inside one 7-Zip instance: the archive is mounted read-only (io/emfs.ts) so 7-Zip reads
// it lazily through ByteSource.readSync, commands run through callMain with stdout/stderr captured,
// and extracted members land in MEMFS (memory, never disk), where they are read and unlinked one by
// one. Sizes are checked by the caller against the listing BEFORE anything is extracted: 7-Zip writes
// exactly the declared size of each file of a 7z folder (CFolderOutStream), so the listing bounds
// what one extraction puts in memory.
import type { SevenZipModule } from '7z-wasm';
import type { ByteSource } from '../../types';
import { LimitExceeded } from '../../types';
import { canMount, mountSource, type EmscriptenFS } from '../../io/emfs';
import { readExact } from '../../io/byte-source';
import { createSevenZip, sevenZipLoaderGeneration } from './loader';
import type { WasmStack } from '../../io/wasm-stack';

/**
 * Archives without a synchronous reader (none today: Node and the worker both have one) are copied
 * into 7-Zip's memory file system, only up to this size: the copy is the whole archive in memory.
 */
export const MAX_IN_MEMORY_ARCHIVE_BYTES = 256 * 1024 ** 2;
/** Output lines kept per command; a hostile listing can print millions. Beyond this they are counted. */
const MAX_CAPTURED_LINES = 400_000;
/** stderr lines kept per command (errors are reported per line; a flood only needs its first lines). */
const MAX_ERROR_LINES = 200;
/**
 * A password must be given or 7-Zip prompts on stdin for encrypted archives. A wrong one makes
 * encrypted members fail to decode (they are never extracted on purpose) and encrypted headers fail.
 */
const DUMMY_PASSWORD = '-pmodelgate-no-password';
/**
 * 7-Zip's WebAssembly heap may grow to this much during one command (its build allows 2 GiB). The
 * archive declares its decoders' memory: a 159-byte 7z whose LZMA coder declares a 1.5 GiB dictionary
 * grew the heap to 1.7 GB (fixtures/sevenzip/malformed/lzma-dict-1536m.7z), and wasm memory is never
 * given back while the instance lives; in a browser tab that is most of what there is. 7-Zip's -mx9
 * uses a 64 MiB dictionary (PPMd: 192 MiB). Past this 7-Zip's allocation fails ("Can't allocate
 * required memory") and the archive is reported as not fully read (a limit), never clean.
 */
export const MAX_SEVENZIP_HEAP_BYTES = 512 * 1024 ** 2;
const WASM_PAGE_BYTES = 65536;
/** The one part of WebAssembly.Memory used here (the engine's tsconfig has no WebAssembly types). */
interface GrowableMemory { readonly buffer: ArrayBuffer; grow(delta: number): number }
const wasmMemoryPrototype = (): GrowableMemory => (globalThis as unknown as { WebAssembly: { Memory: { prototype: GrowableMemory } } }).WebAssembly.Memory.prototype;

export interface RunResult {
  rc: number; out: string[]; err: string[]; droppedLines: number; crashed?: string;
  /** 7-Zip asked for more heap than MAX_SEVENZIP_HEAP_BYTES and was refused during this command. */
  heapRefused?: boolean;
}

export interface ExtractedFile { outPath: string; ino: number; size: number }
export interface ExtractedLink { outPath: string; target: string }
export interface Extraction { files: ExtractedFile[]; links: ExtractedLink[]; run: RunResult; dir: string }

/**
 * 7-Zip instances kept between archives. Creating one (instantiating 7zz.wasm, initialising its heap and
 * file system) cost 30-200 ms per archive on the development machine, against ~1 ms for the commands
 * of a small archive in an instance already running: a folder of many small .7z/.rar files paid it
 * for each. An instance is kept only when it is known to be in a clean state: no C++ exception or
 * abort escaped 7-Zip (see run), its heap stayed small (MAX_REUSED_HEAP_BYTES) and everything the
 * archive left in its file system was removed.
 */
const MAX_IDLE_INSTANCES = 2;
/**
 * An instance whose wasm memory grew past this is dropped after its archive: wasm memory is never
 * given back, so reusing it would keep a hostile archive's heap (up to MAX_SEVENZIP_HEAP_BYTES) alive.
 */
export const MAX_REUSED_HEAP_BYTES = 64 * 1024 ** 2;

interface Instance {
  mod: SevenZipModule;
  /** The session whose commands are running: output lines go to it. */
  current?: SevenZipSession;
  /** Largest wasm memory size seen after a grow during this instance's commands. */
  heapBytes: number;
  /** Extraction folders and copied archives get names unique over the instance's life. */
  names: number;
  /** sevenZipLoaderGeneration() when it was made: a host that changes the locator gets fresh instances. */
  generation: number;
  /**
   * Its C stack (64 KiB). callMain stackAllocs argv and never frees it, and an exit() or exception
   * inside main leaves main's frames: without a reset after each command a kept instance ran past its
   * stack after ~250 RAR archives and then hung on some (issue 15). Undefined: never reused.
   */
  stack?: WasmStack;
}

const idle: Instance[] = [];
let created = 0;

/** 7-Zip instances created so far in this thread (tests check that instances are reused). */
export function sevenZipInstancesCreated(): number {
  return created;
}

/** 7-Zip instances kept for the next archive right now. */
export function sevenZipInstancesKept(): number {
  return idle.length;
}

/** The C stack pointers of the instances kept right now (tests check that archives leave them where they were). */
export function sevenZipKeptStacks(): Array<number | undefined> {
  return idle.map((i) => i.stack?.get());
}

/**
 * RAR archives share the kept instances too. They used to get a fresh instance each: fuzzing RAR with
 * kept instances (seeds 15 and 17, 160,000 inputs) gave 18 inputs over a 10 s timeout that each took
 * 30-90 ms on a fresh instance. The cause was the C stack (see Instance.stack): RAR commands left ~260
 * bytes each, and an instance ran past its 64 KiB after ~250 archives. With the stack reset after each
 * command, `npm run fuzz -- rar` with kept instances gave 0 timeouts in 60,000 inputs (seed 31) and
 * 100,000 (seed 33), where the same run without the reset (seed 31) gave 11 in 60,000, each 0.06-0.26 s
 * on a fresh thread (2026-12-07, issue 15).
 */
async function takeInstance(): Promise<Instance> {
  const generation = sevenZipLoaderGeneration();
  for (let kept = idle.pop(); kept; kept = idle.pop()) if (kept.generation === generation) return kept;
  const inst: Instance = { mod: undefined as unknown as SevenZipModule, heapBytes: 0, names: 0, generation };
  const made = await createSevenZip({
    print: (line) => inst.current?.capture('out', line),
    printErr: (line) => inst.current?.capture('err', line),
  });
  inst.mod = made.mod;
  inst.stack = made.stack;
  created++;
  return inst;
}

export class SevenZipSession {
  private out: string[] = [];
  private err: string[] = [];
  private dropped = 0;
  private dirs: string[] = [];
  private broken = false;
  private closed = false;

  /** 7-Zip's archive type for -t: '7z', or 'rar' / 'rar5' for formats/rar (never autodetected). */
  private type = '7z';

  private constructor(private readonly inst: Instance, readonly archivePath: string, private readonly release: () => void) {}

  private get mod(): SevenZipModule { return this.inst.mod; }

  /** Mounts `source` in a 7-Zip instance (a kept one or a fresh one); null when it has no sync reader and is too big to copy. */
  static async open(source: ByteSource, type: '7z' | 'rar' | 'rar5' = '7z'): Promise<SevenZipSession | null> {
    if (!canMount(source) && source.size > MAX_IN_MEMORY_ARCHIVE_BYTES) return null;
    const bytes = canMount(source) ? null : await readExact(source, 0, source.size);
    const inst = await takeInstance();
    const FS = inst.mod.FS;
    let session: SevenZipSession;
    if (bytes) {
      const path = `/in-${++inst.names}.7z`;
      FS.writeFile(path, bytes);
      session = new SevenZipSession(inst, path, () => FS.unlink(path));
    } else {
      const m = mountSource(FS as unknown as EmscriptenFS, source, 'a.7z');
      session = new SevenZipSession(inst, m.path, () => m.unmount());
    }
    session.type = type;
    inst.current = session;
    return session;
  }

  /** Called by the instance's print/printErr while this session's command runs. */
  capture(stream: 'out' | 'err', line: string): void {
    const into = stream === 'out' ? this.out : this.err;
    if (into.length < (stream === 'out' ? MAX_CAPTURED_LINES : MAX_ERROR_LINES)) into.push(line);
    else this.dropped++;
  }

  /** Runs one 7-Zip command. A C++ exception escaping main poisons the instance: later runs refuse. */
  run(args: string[]): RunResult {
    if (this.closed) throw new Error('7-Zip session used after close');
    if (this.broken) return { rc: -1, out: [], err: [], droppedLines: 0, crashed: '7-Zip failed earlier on this archive' };
    this.out = []; this.err = []; this.dropped = 0;
    let rc: number;
    let crashed: string | undefined;
    // Emscripten grows the heap with Memory.grow and treats a throw as out of memory (malloc returns
    // NULL). callMain is synchronous, so only this 7-Zip instance grows memory while the guard is in place.
    const memory = wasmMemoryPrototype();
    const grow = memory.grow;
    let refused = 0;
    const inst = this.inst;
    memory.grow = function (this: GrowableMemory, delta: number): number {
      if (this.buffer.byteLength + delta * WASM_PAGE_BYTES > MAX_SEVENZIP_HEAP_BYTES) { refused++; throw new RangeError('7-Zip heap limit'); }
      const pages = grow.call(this, delta);
      inst.heapBytes = Math.max(inst.heapBytes, this.buffer.byteLength);
      return pages;
    };
    const sp = inst.stack?.get();
    try {
      rc = this.mod.callMain(args) as unknown as number;
    } catch (e) {
      // Anything thrown through 7-Zip's frames (an abort, a C++ exception, our own limit) leaves its
      // heap and stack in an unknown state: this instance is never used again.
      this.broken = true;
      if (e instanceof LimitExceeded || (e instanceof Error && e.name === 'ScanAborted')) throw e;
      rc = -1;
      crashed = typeof e === 'number' ? 'an uncaught 7-Zip exception' : e instanceof Error ? e.message : String(e);
    } finally {
      memory.grow = grow;
      // No 7-Zip frame is live now: the stack goes back to where the command found it.
      if (sp !== undefined) inst.stack!.set(sp);
    }
    return { rc, out: this.out, err: this.err, droppedLines: this.dropped, crashed, ...(refused ? { heapRefused: true } : {}) };
  }

  /** `7zz l -slt -ba`: one record per member, no archive summary. -t<type>: never another format. */
  list(): RunResult {
    return this.run(['l', '-slt', '-ba', '-bd', `-t${this.type}`, DUMMY_PASSWORD, this.archivePath]);
  }

  /**
   * Extracts every member (names undefined) or the members with exactly these names (-spd: no
   * wildcards) into a fresh MEMFS folder. -aou keeps duplicate names as name_1, ... instead of
   * overwriting, so every copy is scanned.
   */
  extract(names?: readonly string[]): Extraction {
    const dir = `/x${++this.inst.names}`;
    this.dirs.push(dir);
    const args = ['x', `-t${this.type}`, '-bd', '-y', '-aou', DUMMY_PASSWORD, `-o${dir}`];
    if (names) args.push('-spd');
    args.push(this.archivePath);
    if (names) args.push('--', ...names);
    const run = this.run(args);
    const { files, links } = this.walk(dir);
    return { files, links, run, dir };
  }

  /** Regular files and symlinks under `dir`, in creation order (MEMFS inode numbers only grow). */
  private walk(dir: string): { files: ExtractedFile[]; links: ExtractedLink[] } {
    const FS = this.mod.FS;
    const files: ExtractedFile[] = [], links: ExtractedLink[] = [];
    const stack = [''];
    try { FS.lstat(dir); } catch { return { files, links }; }
    while (stack.length) {
      const rel = stack.pop()!;
      for (const name of FS.readdir(rel ? `${dir}/${rel}` : dir)) {
        if (name === '.' || name === '..') continue;
        const relPath = rel ? `${rel}/${name}` : name;
        const st = FS.lstat(`${dir}/${relPath}`);
        if (FS.isLink(st.mode)) links.push({ outPath: relPath, target: FS.readlink(`${dir}/${relPath}`) });
        else if (FS.isDir(st.mode)) stack.push(relPath);
        else if (FS.isFile(st.mode)) files.push({ outPath: relPath, ino: st.ino, size: st.size });
      }
    }
    files.sort((a, b) => a.ino - b.ino);
    return { files, links };
  }

  /** Reads an extracted file and frees it from MEMFS at once. */
  take(dir: string, outPath: string): Uint8Array {
    const path = `${dir}/${outPath}`;
    const bytes = this.mod.FS.readFile(path);
    this.mod.FS.unlink(path);
    return bytes;
  }

  /** Frees what is left of an extraction folder. */
  discard(x: Extraction): void {
    for (const f of x.files) { try { this.mod.FS.unlink(`${x.dir}/${f.outPath}`); } catch { /* taken already */ } }
  }

  /**
   * Unmounts the archive and removes what its commands left in MEMFS; the instance is kept for the next
   * archive only when that worked and 7-Zip is known to be in a clean state (see MAX_IDLE_INSTANCES).
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    const inst = this.inst;
    inst.current = undefined;
    let clean = !this.broken && inst.heapBytes <= MAX_REUSED_HEAP_BYTES && inst.stack !== undefined;
    try {
      this.release();
      for (const dir of this.dirs) removeTree(inst.mod.FS, dir);
    } catch {
      clean = false;
    }
    if (clean && idle.length < MAX_IDLE_INSTANCES) idle.push(inst);
  }
}

/** Removes a MEMFS folder and everything under it (links are removed, never followed). */
function removeTree(FS: SevenZipModule['FS'], dir: string): void {
  try { FS.lstat(dir); } catch { return; } // never created: 7-Zip failed before writing
  for (const name of FS.readdir(dir)) {
    if (name === '.' || name === '..') continue;
    const path = `${dir}/${name}`;
    if (FS.isDir(FS.lstat(path).mode)) removeTree(FS, path);
    else FS.unlink(path);
  }
  FS.rmdir(dir);
}
