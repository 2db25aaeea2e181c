// Structure (not security) of the pickles in a legacy PyTorch checkpoint: the storage persistent ids
// of the main pickle and the list of storage keys, which say how to step over the raw storages that
// follow. The walk is the shared structural machine (pickle-walk.ts); anything it does not model makes
// these readers return null, and the caller stops with a finding instead of guessing. The security
// verdict on these same pickles is the pickle scanner's (they are all handed to it through scanChild).
import type { ByteSource } from '../../types';
import { GiveUp, isSeq, walkPickle, type V } from './pickle-walk';

export { MAX_STRUCTURE_OPS } from './pickle-walk';

/** Storages described by one checkpoint; each costs a few dozen bytes here. Real models have thousands. */
export const MAX_LEGACY_STORAGES = 200_000;

export interface StorageRef { key: string; type: string; numel: number | null }

/** The main pickle: its storage references keyed by storage key, and the value it builds (for tensors.ts). */
export interface MainPickle { refs: Map<string, StorageRef>; root: V }

async function orNull<T>(run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof GiveUp) return null;
    throw e;
  }
}

/**
 * Storage persistent ids of torch's legacy pickler: ('storage', <storage type global>, key, location,
 * numel, view_metadata) (torch/serialization.py, _legacy_save.persistent_id). Keyed by storage key.
 */
export function mainPickle(source: ByteSource, start: number, end: number, checkAborted?: () => void): Promise<MainPickle | null> {
  return orNull(async () => {
    const refs = new Map<string, StorageRef>();
    const root = await walkPickle(source, start, end, {
      checkAborted,
      onPid: (pid) => {
        if (!isSeq(pid) || pid.items[0] !== 'storage' || pid.items.length < 5) return;
        const [, type, key, , numel] = pid.items;
        if (typeof key !== 'string') throw new GiveUp();
        const typeName = typeof type === 'object' && type !== null && type.k === 'g' ? type.name : '';
        if (refs.size >= MAX_LEGACY_STORAGES) throw new GiveUp();
        refs.set(key, { key, type: typeName, numel: typeof numel === 'number' ? numel : null });
      },
    });
    return { refs, root };
  });
}

/** The storage keys pickle: a list of strings (sorted by torch). Null when it is anything else. */
export function storageKeys(source: ByteSource, start: number, end: number): Promise<string[] | null> {
  return orNull(async () => {
    const v = await walkPickle(source, start, end);
    if (!isSeq(v) || !v.list || v.items.length > MAX_LEGACY_STORAGES || !v.items.every((k) => typeof k === 'string')) return null;
    return v.items as string[];
  });
}

/** An integer constant pickle (protocol version), or null. */
export function intPickle(source: ByteSource, start: number, end: number): Promise<number | bigint | null> {
  return orNull(async () => {
    const v = await walkPickle(source, start, end);
    return typeof v === 'number' || typeof v === 'bigint' ? v : null;
  });
}

/** Bytes per element of torch's typed storages (torch/_utils.py _element_size; legacy class names). */
export const ELEMENT_SIZES: Readonly<Record<string, number>> = Object.freeze({
  DoubleStorage: 8, FloatStorage: 4, HalfStorage: 2, BFloat16Storage: 2, LongStorage: 8, IntStorage: 4,
  ShortStorage: 2, CharStorage: 1, ByteStorage: 1, BoolStorage: 1, ComplexDoubleStorage: 16,
  ComplexFloatStorage: 8, QUInt8Storage: 1, QInt8Storage: 1, QInt32Storage: 4, QUInt4x2Storage: 1,
  QUInt2x4Storage: 1, UntypedStorage: 1,
});

/** The class of a storage type global: 'torch.cuda.HalfStorage' → 'HalfStorage'; null for anything else. */
export function storageClass(type: string): string | null {
  return /^torch\.(?:cuda\.)?([A-Za-z0-9]+Storage)$/.exec(type)?.[1] ?? null;
}

/** Element size of a storage type global ('torch.FloatStorage', 'torch.cuda.HalfStorage'), or null. */
export function elementSize(type: string): number | null {
  const c = storageClass(type);
  return c ? ELEMENT_SIZES[c] ?? null : null;
}

