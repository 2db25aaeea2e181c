// A read-only Emscripten file system over ByteSource.readSync, so WASM libraries that open files by
// path (h5wasm, 7-Zip) read a model lazily, a few KiB at a time, instead of copying it into their
// heap. Modelled on Emscripten's WORKERFS (src/lib/libworkerfs.js), minus its FileReaderSync and
// worker-only assert: the read function is whatever the environment injected into the source.
import type { ByteSource } from '../types';

/** The part of an Emscripten module's FS object this file uses (typed loosely: it is generated JS). */
export interface EmscriptenFS {
  mkdir(path: string): unknown;
  mount(type: unknown, opts: unknown, mountpoint: string): unknown;
  unmount(mountpoint: string): void;
  rmdir(path: string): void;
  createNode(parent: unknown, name: string, mode: number, dev?: number): EmNode;
  ErrnoError: new (errno: number) => Error;
  isFile(mode: number): boolean;
  /** Open streams by file descriptor (null where closed). */
  streams?: Array<unknown | null>;
  close?(stream: unknown): void;
}

interface EmNode {
  id: number; mode: number; size: number; contents: unknown;
  node_ops: unknown; stream_ops: unknown; atime: number; mtime: number; ctime: number;
}

type SyncRead = (offset: number, length: number) => Uint8Array;

// errno values of Emscripten's musl (api/errno): ENOENT 44, EPERM 63, EBADF 8, EINVAL 28, EIO 29.
const ENOENT = 44, EPERM = 63, EINVAL = 28, EIO = 29;
const DIR_MODE = 0o40555, FILE_MODE = 0o100444;

let mounts = 0;

/** Whether `source` can be mounted (it has a synchronous reader). */
export function canMount(source: ByteSource): boolean {
  return typeof source.readSync === 'function';
}

/**
 * Bounds on what a WASM library may read through one mount. Its calls are synchronous: a hostile file
 * that sends the library round a cycle (an HDF5 object header continuing into itself, a B-tree whose
 * child points back to its parent) blocks the thread, so no timer or abort signal can fire. Every read
 * passes through this file, so this is where such a loop can be stopped: past a limit each read fails
 * with EIO, the library reports an I/O error and returns, and `exhausted` says which limit it was.
 */
export interface ReadGuard {
  /** Read calls allowed (a loop re-reading the same few bytes makes many small reads). */
  maxReads?: number;
  /** Bytes allowed in all (a loop over large blocks). */
  maxBytes?: number;
  /** Date.now() after which reads fail (a wall-clock stop; timers cannot run during the call). */
  deadline?: number;
}

/** Reads one library call may make per mount by default: far above any real file's need. */
export const DEFAULT_MAX_READS = 2_000_000;

export interface Mount {
  path: string;
  unmount(): void;
  /** Set once a ReadGuard limit stopped the library's reads. */
  readonly exhausted?: string;
}

/**
 * Mounts `source` read-only as `<dir>/<fileName>` in the module's FS; returns its path and an
 * unmount function (call it in finally). Throws when the source has no readSync.
 */
export function mountSource(FS: EmscriptenFS, source: ByteSource, fileName = 'file', guard: ReadGuard = {}): Mount {
  const raw: SyncRead | undefined = source.readSync?.bind(source);
  if (!raw) throw new Error('source has no synchronous reader');
  const maxReads = guard.maxReads ?? DEFAULT_MAX_READS;
  const maxBytes = guard.maxBytes ?? Infinity;
  let reads = 0, bytesRead = 0;
  let exhausted: string | undefined;
  const read: SyncRead = (offset, length) => {
    reads++;
    bytesRead += length;
    if (reads > maxReads) exhausted ??= `more than ${maxReads} reads`;
    else if (bytesRead > maxBytes) exhausted ??= `more than ${maxBytes} bytes read`;
    else if (guard.deadline !== undefined && (reads & 63) === 0 && Date.now() > guard.deadline) exhausted ??= 'the time limit passed';
    if (exhausted) throw new Error(exhausted);
    return raw(offset, length);
  };
  const dir = `/modelgate-${++mounts}`;
  const stamp = Date.now();

  let fileNode: EmNode | undefined;
  const fsType = {
    mount(): EmNode {
      const root = createNode(null, '/', DIR_MODE, {});
      fileNode = createNode(root, fileName, FILE_MODE, read, source.size);
      return root;
    },
  };

  function createNode(parent: EmNode | null, name: string, mode: number, contents: unknown, size = 4096): EmNode {
    const node = FS.createNode(parent, name, mode);
    node.mode = mode;
    node.node_ops = nodeOps;
    node.stream_ops = streamOps;
    node.atime = node.mtime = node.ctime = stamp;
    node.size = size;
    node.contents = contents;
    if (parent) (parent.contents as Record<string, EmNode>)[name] = node;
    return node;
  }

  const nodeOps = {
    getattr(node: EmNode) {
      return {
        dev: 1, ino: node.id, mode: node.mode, nlink: 1, uid: 0, gid: 0, rdev: 0, size: node.size,
        atime: new Date(node.atime), mtime: new Date(node.mtime), ctime: new Date(node.ctime),
        blksize: 4096, blocks: Math.ceil(node.size / 4096),
      };
    },
    setattr() { /* read-only: attribute changes are ignored, as WORKERFS does for size */ },
    lookup() { throw new FS.ErrnoError(ENOENT); },
    mknod() { throw new FS.ErrnoError(EPERM); },
    rename() { throw new FS.ErrnoError(EPERM); },
    unlink() { throw new FS.ErrnoError(EPERM); },
    rmdir() { throw new FS.ErrnoError(EPERM); },
    symlink() { throw new FS.ErrnoError(EPERM); },
    readdir(node: EmNode) { return ['.', '..', ...Object.keys(node.contents as object)]; },
  };

  const streamOps = {
    read(stream: { node: EmNode }, buffer: Uint8Array, offset: number, length: number, position: number): number {
      const node = stream.node;
      if (position >= node.size) return 0;
      let bytes: Uint8Array;
      try {
        bytes = (node.contents as SyncRead)(position, Math.min(length, node.size - position));
      } catch {
        throw new FS.ErrnoError(EIO); // an unreadable file is an I/O error to the library, not a crash
      }
      buffer.set(bytes, offset);
      return bytes.length;
    },
    write() { throw new FS.ErrnoError(EIO); },
    llseek(stream: { node: EmNode; position: number }, offset: number, whence: number): number {
      let position = offset;
      if (whence === 1) position += stream.position;
      else if (whence === 2 && FS.isFile(stream.node.mode)) position += stream.node.size;
      if (position < 0) throw new FS.ErrnoError(EINVAL);
      return position;
    },
  };

  FS.mkdir(dir);
  const root = FS.mount(fsType, {}, dir) as EmNode & { mount?: unknown };
  // FS.mount gives the root its mount only after type.mount returned, so the file node made inside
  // it has none, and FS.unmount (which drops the nodes of that mount from FS.nameTable) kept it for
  // the module's life, with its read function and so the whole source: one per file scanned.
  if (fileNode) (fileNode as EmNode & { mount?: unknown }).mount = root.mount;
  let mounted = true;
  return {
    path: `${dir}/${fileName}`,
    get exhausted() { return exhausted; },
    unmount() {
      if (!mounted) return;
      mounted = false;
      try { FS.unmount(dir); FS.rmdir(dir); } catch { /* already gone with the module */ }
    },
  };
}

/** File descriptors open in the module's FS now. */
export function openStreamIds(FS: EmscriptenFS): Set<number> {
  const ids = new Set<number>();
  (FS.streams ?? []).forEach((s, fd) => { if (s) ids.add(fd); });
  return ids;
}

/**
 * Closes the streams opened since `before` was taken (openStreamIds) and still open; returns how many.
 * For a WASM library whose error path throws out of C code: its fclose never ran, and Emscripten's FS
 * has a fixed number of descriptors (FS.MAX_OPEN_FDS, 4096), after which every open fails.
 */
export function closeStreamsOpenedSince(FS: EmscriptenFS, before: ReadonlySet<number>): number {
  let closed = 0;
  (FS.streams ?? []).forEach((s, fd) => {
    if (!s || before.has(fd)) return;
    try { FS.close?.(s); closed++; } catch { /* already closed */ }
  });
  return closed;
}
