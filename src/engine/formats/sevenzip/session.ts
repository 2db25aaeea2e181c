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
import { createSevenZip } from './loader';

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

export class SevenZipSession {
  private out: string[] = [];
  private err: string[] = [];
  private dropped = 0;
  private dirs = 0;
  private broken = false;

  /** 7-Zip's archive type for -t: '7z', or 'rar' / 'rar5' for formats/rar (never autodetected). */
  private type = '7z';

  private constructor(private readonly mod: SevenZipModule, readonly archivePath: string, private readonly release: () => void) {}

  /** Mounts `source` in a fresh instance; null when it has no sync reader and is too big to copy. */
  static async open(source: ByteSource, type: '7z' | 'rar' | 'rar5' = '7z'): Promise<SevenZipSession | null> {
    if (!canMount(source) && source.size > MAX_IN_MEMORY_ARCHIVE_BYTES) return null;
    const bytes = canMount(source) ? null : await readExact(source, 0, source.size);
    let session: SevenZipSession | undefined;
    const mod = await createSevenZip({
      print: (line) => session?.capture(session.out, line, MAX_CAPTURED_LINES),
      printErr: (line) => session?.capture(session.err, line, MAX_ERROR_LINES),
    });
    const FS = mod.FS;
    if (bytes) {
      FS.mkdir('/in');
      FS.writeFile('/in/a.7z', bytes);
      session = new SevenZipSession(mod, '/in/a.7z', () => {});
    } else {
      const m = mountSource(FS as unknown as EmscriptenFS, source, 'a.7z');
      session = new SevenZipSession(mod, m.path, () => m.unmount());
    }
    session.type = type;
    return session;
  }

  private capture(into: string[], line: string, max: number): void {
    if (into.length < max) into.push(line);
    else this.dropped++;
  }

  /** Runs one 7-Zip command. A C++ exception escaping main poisons the instance: later runs refuse. */
  run(args: string[]): RunResult {
    if (this.broken) return { rc: -1, out: [], err: [], droppedLines: 0, crashed: '7-Zip failed earlier on this archive' };
    this.out = []; this.err = []; this.dropped = 0;
    let rc: number;
    let crashed: string | undefined;
    // Emscripten grows the heap with Memory.grow and treats a throw as out of memory (malloc returns
    // NULL). callMain is synchronous, so only this 7-Zip instance grows memory while the guard is in place.
    const memory = wasmMemoryPrototype();
    const grow = memory.grow;
    let refused = 0;
    memory.grow = function (this: GrowableMemory, delta: number): number {
      if (this.buffer.byteLength + delta * WASM_PAGE_BYTES > MAX_SEVENZIP_HEAP_BYTES) { refused++; throw new RangeError('7-Zip heap limit'); }
      return grow.call(this, delta);
    };
    try {
      rc = this.mod.callMain(args) as unknown as number;
    } catch (e) {
      if (e instanceof LimitExceeded || (e instanceof Error && e.name === 'ScanAborted')) throw e;
      this.broken = true;
      rc = -1;
      crashed = typeof e === 'number' ? 'an uncaught 7-Zip exception' : e instanceof Error ? e.message : String(e);
    } finally {
      memory.grow = grow;
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
    const dir = `/x${++this.dirs}`;
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

  close(): void {
    this.release();
  }
}
