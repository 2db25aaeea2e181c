// Which nodes the Keras scanners take, from the head alone: HDF5 by its signature, .keras zips by their
// first member. Kept apart from the HDF5 reader and the config judge so the registry can choose
// without loading them.
import type { Head, Sniff, Sniffer } from '../../types';
import { latin1Text, startsWith, utf8 } from '../../io/text';
import { zipHeadBytes } from '../../containers/zip-sniff';

/** HDF5 format signature (HDF5 File Format Specification, "Format Signature", superblock). */
const HDF5_MAGIC = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];
/** Members Keras 3 writes (saving_lib.py: _CONFIG_FILENAME, _METADATA_FILENAME, _VARS_FNAME + .h5/.npz, _ASSETS_DIRNAME). */
export const KERAS_MEMBERS = new Set(['config.json', 'metadata.json', 'model.weights.h5', 'model.weights.npz']);
export const CONFIG_HINT = 'keras-config';

/** The superblock sits at 0 or after a user block of 512 × 2^n bytes; only the head is searched. */
export function hdf5Offset(bytes: Uint8Array): number {
  for (let at = 0; at + HDF5_MAGIC.length <= bytes.length; at = at === 0 ? 512 : at * 2) {
    if (startsWith(bytes, HDF5_MAGIC, at)) return at;
  }
  return -1;
}

function sniffH5(head: Head): Sniff | null {
  return hdf5Offset(head.bytes) >= 0 ? { confidence: 'magic' } : null;
}

// ---- .keras (zip) --------------------------------------------------------------------------------

export interface KerasZipState { kind: 'zip' | 'config'; version?: string }

const LOCAL_SIG = [0x50, 0x4b, 0x03, 0x04];

function firstMemberName(b: Uint8Array): string | null {
  if (!startsWith(b, LOCAL_SIG) || b.length < 30) return null;
  const n = b[26]! | (b[27]! << 8);
  if (n === 0 || 30 + n > b.length) return null;
  return utf8(b.subarray(30, 30 + n));
}

function sniffKerasZip(head: Head): Sniff<KerasZipState> | null {
  if (head.hint !== undefined && (head.hint === CONFIG_HINT || head.hint.startsWith(`${CONFIG_HINT}:`))) {
    const version = head.hint.slice(CONFIG_HINT.length + 1) || undefined;
    return { confidence: 'magic', state: { kind: 'config', version } };
  }
  const first = firstMemberName(zipHeadBytes(head));
  if (first === null) return null;
  // saving_lib writes metadata.json, then config.json, then the weights: any of them first is Keras's layout.
  // metadata.json first is what Keras writes; a zip that merely starts with config.json (a zipped Hugging
  // Face folder) is Keras only when a Keras member name follows in the head.
  const latin = latin1Text(head.bytes);
  const kerasish = first === 'metadata.json' || (KERAS_MEMBERS.has(first) && /model\.weights\.h5|metadata\.json/.test(latin));
  if (kerasish || head.ext === '.keras') return { confidence: 'structure', state: { kind: 'zip' } };
  return null;
}

// blocking: libhdf5 (h5wasm) runs synchronously; a looping file holds its thread (types.ts Scanner.blocking).
export const kerasH5Sniffer: Sniffer = { id: 'keras', extensions: ['.h5', '.hdf5', '.he5', '.hdf', '.keras'], sniff: sniffH5, blocking: true };
export const kerasZipSniffer: Sniffer<KerasZipState> = { id: 'keras', extensions: ['.keras'], sniff: sniffKerasZip };
