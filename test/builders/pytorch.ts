// PyTorch files in their real layouts, built from bytes: zip checkpoints and TorchScript archives (via
// the zip builder) and legacy checkpoints (five stacked protocol-2 pickles + raw storages). The few
// pickles needed are written op by op here (pickletools names in comments); the real torch-made
// files live in fixtures/pickle-family.
import { buildZip, type MemberSpec } from './zip';
import { encodeUtf8 } from '../../src/engine/io/text';
import { windowOf } from '../../src/engine/io/byte-source';
import type { ByteSource } from '../../src/engine';

export function concat(...parts: Array<Uint8Array | number[]>): Uint8Array {
  const arrays = parts.map((p) => (p instanceof Uint8Array ? p : new Uint8Array(p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) { out.set(a, at); at += a.length; }
  return out;
}

/** Protocol-2 pickle ops, enough for torch's shapes. */
export const op = {
  proto: (n = 2) => [0x80, n],
  stop: () => [0x2e],
  mark: () => [0x28],
  str: (s: string) => { const b = encodeUtf8(s); return [0x58, ...u32(b.length), ...b]; },   // BINUNICODE
  int: (n: number) => (n < 256 ? [0x4b, n] : n < 65536 ? [0x4d, n & 0xff, n >> 8] : [0x4a, ...u32(n)]), // BININT1/2/BININT
  none: () => [0x4e],
  global: (module: string, name: string) => [0x63, ...encodeUtf8(`${module}\n${name}\n`)],  // GLOBAL
  tuple: () => [0x74],                 // TUPLE (to MARK)
  emptyDict: () => [0x7d],
  emptyList: () => [0x5d],
  setitems: () => [0x75],
  appends: () => [0x65],
  binpersid: () => [0x51],
  reduce: () => [0x52],
  binput: (i: number) => [0x71, i],
  binget: (i: number) => [0x68, i],
};

function u32(n: number): number[] { return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff]; }
function u64(n: number): number[] { return [...u32(n % 2 ** 32), ...u32(Math.floor(n / 2 ** 32))]; }

export const pickle = (...ops: number[][]) => new Uint8Array([...op.proto(), ...ops.flat(), ...op.stop()]);

/** MAGIC_NUMBER as torch pickles it: PROTO 2, LONG1 10 <0x1950a86a20f9469cfc6c LE>, STOP. */
export const MAGIC_PICKLE = new Uint8Array([0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19, 0x2e]);
/** PROTOCOL_VERSION 1001: PROTO 2, BININT2 1001, STOP. */
export const PROTOCOL_PICKLE = pickle([0x4d, 0xe9, 0x03]);
/** sys_info, reduced to an empty dict (its content is never needed). */
export const SYSINFO_PICKLE = pickle(op.emptyDict());

export interface LegacyStorage { key: string; type: string; numel: number; elementSize: number; declared?: number }

/**
 * The main pickle: a dict {name: persistent storage}, each value BINPERSID of torch's tuple
 * ('storage', torch.<Type>, key, 'cpu', numel, None). `extra` ops are spliced in before SETITEMS.
 */
export function mainPickle(storages: LegacyStorage[], extra: number[][] = []): Uint8Array {
  const items = storages.flatMap((s, i) => [
    op.str(`t${i}`), op.mark(), op.str('storage'), op.global('torch', s.type), op.str(s.key), op.str('cpu'),
    op.int(s.declared ?? s.numel), op.none(), op.tuple(), op.binpersid(),
  ]);
  return pickle(op.emptyDict(), op.mark(), ...items, ...extra, op.setitems());
}

export function keysPickle(keys: string[]): Uint8Array {
  return pickle(op.emptyList(), op.mark(), ...keys.map((k) => op.str(k)), op.appends());
}

/** u64 LE element count, then count x elementSize bytes (filled with `fill`). */
export function storageRecord(s: LegacyStorage, fill = 0x3f): Uint8Array {
  return concat(u64(s.numel), new Uint8Array(s.numel * s.elementSize).fill(fill));
}

export interface LegacySpec {
  storages?: LegacyStorage[];
  magic?: Uint8Array;
  main?: Uint8Array;
  keys?: Uint8Array;
  trailing?: Uint8Array;
}

export function legacyCheckpoint(spec: LegacySpec = {}): Uint8Array {
  const storages = spec.storages ?? [{ key: '0', type: 'FloatStorage', numel: 6, elementSize: 4 }];
  return concat(
    spec.magic ?? MAGIC_PICKLE, PROTOCOL_PICKLE, SYSINFO_PICKLE,
    spec.main ?? mainPickle(storages),
    spec.keys ?? keysPickle(storages.map((s) => s.key).sort()),
    ...[...storages].sort((a, b) => (a.key < b.key ? -1 : 1)).map((s) => storageRecord(s)),
    spec.trailing ?? new Uint8Array(0),
  );
}

export interface TorchZipSpec {
  top?: string;
  dataPkl?: Uint8Array;
  storages?: Record<string, Uint8Array>;
  version?: string;
  extra?: MemberSpec[];
  /** TorchScript: code/<path>.py sources (deflated, as torch.jit.save writes them) and constants.pkl. */
  code?: Record<string, string>;
}

/** A torch.save (>= 1.6) archive: data.pkl first, then data/<key>, then version, all stored. */
export function torchZip(spec: TorchZipSpec = {}): Uint8Array {
  const top = spec.top ?? 'archive';
  const members: MemberSpec[] = [];
  members.push({ name: `${top}/data.pkl`, data: spec.dataPkl ?? pickle(op.emptyDict()) });
  if (spec.code) {
    for (const [path, src] of Object.entries(spec.code)) members.push({ name: `${top}/code/${path}`, data: src, method: 8 });
    members.push({ name: `${top}/constants.pkl`, data: pickle([0x29]) });
  }
  for (const [key, bytes] of Object.entries(spec.storages ?? { '0': new Uint8Array(24) })) members.push({ name: `${top}/data/${key}`, data: bytes });
  members.push({ name: `${top}/version`, data: spec.version ?? '3\n' });
  members.push(...(spec.extra ?? []));
  return buildZip({ members });
}

// ByteSources that record what the engine reads, to prove what a scanner never touches.

export interface Recorded { source: ByteSource; reads: Array<[number, number]>; touched(start: number, end: number): boolean; bytesRead(): number }

/** Every read, including those through slices, is recorded as an absolute [start, end) range. */
export function recordingSource(bytes: Uint8Array, name: string): Recorded {
  const reads: Array<[number, number]> = [];
  const source: ByteSource = {
    name, size: bytes.length,
    async read(offset, length) {
      const s = Math.max(0, Math.min(offset, bytes.length));
      const e = Math.min(bytes.length, s + Math.max(0, length));
      reads.push([s, e]);
      return bytes.subarray(s, e);
    },
    slice: (start, end, n) => windowOf(source, start, end, n),
  };
  return {
    source, reads,
    touched: (start, end) => reads.some(([a, b]) => a < end && b > start),
    bytesRead: () => reads.reduce((n, [a, b]) => n + (b - a), 0),
  };
}
