// Recognising Flax msgpack checkpoints and the files of an Orbax checkpoint folder. MessagePack has no
// magic: a file named like a Flax checkpoint is claimed when it opens with a map keyed by a string; any
// other name must parse as a whole head of string-keyed nested maps (a random binary often starts with
// a byte that happens to be a map header, so a name-less claim needs much more than that).
import type { Head, Sniff, Sniffer } from '../../types';
import { FormatError } from '../../types';
import { latin1Text, looksLikeText } from '../../io/text';
import { SyncCursor } from './msgpack';
import { MAX_DEPTH } from './walk';

/** flax.serialization _MsgpackExtType codes: ndarray and numpy scalar (complex is 2, ndarray.ts). */
export const EXT_NDARRAY = 1;
export const EXT_NPSCALAR = 3;

export type FlaxKind = 'msgpack' | 'orbax-metadata' | 'zarray' | 'ocdbt';
export interface FlaxState { kind: FlaxKind }

export const FLAX_EXTENSIONS = ['.msgpack', '.flax'];
/** Flax's legacy save_checkpoint writes `checkpoint_<step>`; Orbax's pre-OCDBT aggregate file is `checkpoint`. */
const CHECKPOINT_NAME = /^checkpoint(?:_\d+)?$/;
/** Orbax checkpoint metadata (JSON): tree metadata, step metadata, sharding description. */
export const ORBAX_JSON_NAMES = new Set(['_METADATA', '_CHECKPOINT_METADATA', '_sharding']);
/** Zarr v2 array and attribute metadata (Orbax without OCDBT, TensorStore zarr driver). */
export const ZARR_JSON_NAMES = new Set(['.zarray', '.zattrs']);
/** TensorStore OCDBT magics (big-endian u32 at 0): manifest and B+tree / data files. */
export const OCDBT_MAGICS = [0x0cdb3a2a, 0x0cdb20de];
/** Values a strict (name-less) sniff must parse before it believes the head is msgpack. */
const STRICT_MIN_VALUES = 4;
/** Values a sniff looks at; the rest of the head is the scan's business. */
const SNIFF_MAX_VALUES = 4096;

export function sniffFlax(head: Head): Sniff<FlaxState> | null {
  const b = head.bytes;
  if (b.length >= 4 && OCDBT_MAGICS.includes(((b[0]! << 24) >>> 0) + (b[1]! << 16) + (b[2]! << 8) + b[3]!)) {
    return { confidence: 'magic', state: { kind: 'ocdbt' } };
  }
  if (ORBAX_JSON_NAMES.has(head.name) || ZARR_JSON_NAMES.has(head.name)) {
    if (looksLikeText(b) && /^\s*\{/.test(latin1Text(b.subarray(0, 64)))) {
      return { confidence: 'structure', state: { kind: ZARR_JSON_NAMES.has(head.name) ? 'zarray' : 'orbax-metadata' } };
    }
    return null;
  }
  const named = FLAX_EXTENSIONS.includes(head.ext) || CHECKPOINT_NAME.test(head.name) || head.hint === 'flax';
  const shape = headShape(b, head.size);
  if (named && shape.mapWithStrKey) return { confidence: 'structure', state: { kind: 'msgpack' } };
  if (!named && shape.strict) return { confidence: 'structure', state: { kind: 'msgpack' } };
  // A `checkpoint` that is not msgpack is someone else's (TensorFlow's text `checkpoint` index).
  if (named && !CHECKPOINT_NAME.test(head.name) && b.length > 0 && !looksLikeText(b)) return { confidence: 'name', state: { kind: 'msgpack' } };
  return null;
}

interface HeadShape {
  /** Opens with a non-empty map whose first key is a string. */
  mapWithStrKey: boolean;
  /** Every key a string, a nested map (or a Flax ndarray ext) seen, and the head parses to its end. */
  strict: boolean;
}

/** Parses as much of the head as a sniff may; never throws. */
export function headShape(b: Uint8Array, size: number): HeadShape {
  const out: HeadShape = { mapWithStrKey: false, strict: false };
  const c = new SyncCursor(b, 0);
  try {
    const root = c.header();
    if (!root || root.kind !== 'map' || root.length === 0 || 2 * root.length > size - c.pos) return out;
    const firstKey = c.header();
    if (!firstKey || firstKey.kind !== 'str') return out;
    out.mapWithStrKey = true;
    c.pos = root.headerSize;
    // Stack of [items left, isMap, expectingKey]; counted in values, bounded by SNIFF_MAX_VALUES.
    const left: number[] = [2 * root.length];
    const isMap: boolean[] = [true];
    let values = 1;
    let nested = false;
    while (left.length) {
      if (left[left.length - 1] === 0) { left.pop(); isMap.pop(); continue; }
      if (values >= SNIFF_MAX_VALUES) break;
      const mapTop = isMap[isMap.length - 1]!;
      const keySlot = mapTop && left[left.length - 1]! % 2 === 0;
      const h = c.header();
      if (!h) return cutByHead(out, b, size, values, nested);
      values++;
      left[left.length - 1]!--;
      if (keySlot && h.kind !== 'str') return out;
      if (h.kind === 'map' || h.kind === 'array') {
        if (left.length >= MAX_DEPTH) return out;
        if (h.kind === 'map') nested = true;
        if ((h.kind === 'map' ? 2 : 1) * h.length > size - c.pos) return out;
        left.push(h.kind === 'map' ? 2 * h.length : h.length);
        isMap.push(h.kind === 'map');
        continue;
      }
      if (h.kind === 'ext' && (h.extType === EXT_NDARRAY || h.extType === EXT_NPSCALAR)) nested = true;
      const n = h.kind === 'str' || h.kind === 'bin' || h.kind === 'ext' ? h.length : 0;
      if (c.pos + n > size) return out;
      if (c.pos + n > b.length) return cutByHead(out, b, size, values, nested);
      c.pos += n;
    }
    // The document ended inside the head: strict only when nothing follows it.
    out.strict = nested && values >= STRICT_MIN_VALUES && (left.length > 0 || c.pos === size);
    return out;
  } catch (e) {
    if (e instanceof FormatError) return out;
    throw e;
  }
}

function cutByHead(out: HeadShape, b: Uint8Array, size: number, values: number, nested: boolean): HeadShape {
  out.strict = size > b.length && nested && values >= STRICT_MIN_VALUES;
  return out;
}

export const flaxSniffer: Sniffer<FlaxState> = { id: 'flax', extensions: FLAX_EXTENSIONS, sniff: sniffFlax };
