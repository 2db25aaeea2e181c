// CNTK models (v1 marker, v2 Dictionary structure, names), from the head alone. Kept apart from the scan
// code so the registry can choose without loading it (registry.ts lazy).
import type { Head, Sniffer } from '../../types';
import { readVarint } from '../onnx/wire';

/** Serialization.h key names of a composite function: one of them opens the file's first map entry.
 * Here, not in model.ts: the sniff is in every build's first chunk, the decoder (and protobufjs) not. */
export const COMPOSITE_KEYS = new Set(['version', 'type', 'root', 'primitive_functions', 'uid', 'name', 'inputs',
  'composite_arguments_map_keys', 'composite_arguments_map_values', 'internal_worker_state', 'external_worker_state']);

const V1_MARKER = [0x42, 0, 0x43, 0, 0x4e, 0, 0, 0];

export type Kind = 'v2' | 'v1';

/** The shared wire reader's varint (onnx/wire.ts), as null where the head does not hold a valid one. */
function varint(b: Uint8Array, at: number): [number, number] | null {
  try { return readVarint(b, at, b.length, 'Dictionary', 0); } catch { return null; }
}

/**
 * A v2 model is a Dictionary: optionally `version` (tag 0x08) and then a `data` map entry (tag 0x12)
 * whose key (tag 0x0a) is one of the composite function's key names. Map entries come in any order
 * and CNTK ignores keys it does not know, so a first entry with another identifier-like key also
 * counts when its value opens like a DictionaryValue (`version` 0x08 or `value_type` 0x10): a
 * crafted key cannot hide the model from this scanner. The full check (type = CompositeFunction) is
 * the decode.
 */
export function looksLikeV2(b: Uint8Array): boolean {
  let at = 0;
  if (b[0] === 0x08) { const v = varint(b, 1); if (!v) return false; at = v[1]; }
  if (b[at] !== 0x12) return false;
  const len = varint(b, at + 1);
  if (!len || b[len[1]] !== 0x0a) return false;
  const key = varint(b, len[1] + 1);
  if (!key || key[0] === 0 || key[0] > 64 || key[1] + key[0] > b.length) return false;
  const name = String.fromCharCode(...b.subarray(key[1], key[1] + key[0]));
  if (COMPOSITE_KEYS.has(name)) return true;
  const after = key[1] + key[0];
  const value = b[after] === 0x12 ? varint(b, after + 1) : null;
  return /^[A-Za-z_]\w*$/.test(name) && value !== null && value[0] > 0 && (b[value[1]] === 0x08 || b[value[1]] === 0x10);
}

function sniff(head: Head): { confidence: 'magic' | 'structure' | 'name'; state: Kind } | null {
  const b = head.bytes;
  if (b.length >= V1_MARKER.length && V1_MARKER.every((x, i) => b[i] === x)) return { confidence: 'magic', state: 'v1' };
  if (looksLikeV2(b)) return { confidence: 'structure', state: 'v2' };
  // CNTK's own extensions: decoded as v2, so a file that is not one is reported malformed, not skipped.
  if (head.ext === '.dnn' || head.ext === '.cmf') return { confidence: 'name', state: 'v2' };
  return null;
}

export const cntkSniffer: Sniffer<Kind> = {
  id: 'cntk',
  extensions: ['.dnn', '.cmf'],
  // CNTK's own examples save v2 models as `.model` (`z.save('my.model')`), which xgboost also claims.
  alsoNamed: ['.model'],
  sniff,
};
