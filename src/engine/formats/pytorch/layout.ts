// What each member of a PyTorch zip is, by name. torch.save (>= 1.6) and torch.jit.save write every
// record under one top folder (the archive name, any string): <top>/data.pkl, <top>/data/<key>
// (raw storages), <top>/version, <top>/byteorder, <top>/.data/serialization_id; TorchScript adds
// <top>/code/**.py (+ .debug_pkl), <top>/constants.pkl, <top>/constants/<key>; mobile (.ptl) adds
// bytecode.pkl. Reference: caffe2/serialize/inline_container.h and torch/serialization.py. Pure.
import { startsWith } from '../../io/text';

export type MemberKind =
  | 'pickle'      // unpickled by torch.load / torch.jit.load (by name), or any other *.pkl
  | 'storage'     // raw tensor bytes: never unpickled, never executed
  | 'code'        // TorchScript source (code/**.py)
  | 'fact'        // tiny text records: version, byteorder, serialization id, alignment
  | 'other';

/** Records holding one short token. Anything longer is not what torch writes and is scanned instead. */
export const FACT_RECORDS: Readonly<Record<string, { note: string; pattern: RegExp }>> = {
  'version': { note: 'version', pattern: /^\d{1,6}\n?$/ },
  '.data/version': { note: 'dataVersion', pattern: /^\d{1,6}\n?$/ },
  '.format_version': { note: 'formatVersion', pattern: /^\d{1,6}\n?$/ },
  'byteorder': { note: 'byteorder', pattern: /^(little|big)\n?$/ },
  '.data/serialization_id': { note: 'serializationId', pattern: /^[0-9A-Za-z_-]{1,64}\n?$/ },
  '.storage_alignment': { note: 'storageAlignment', pattern: /^\d{1,6}\n?$/ },
};
/** Longest fact record read; torch writes a few bytes. */
export const FACT_MAX_BYTES = 128;

/** Storage keys torch writes: decimal ids (>= 1.6) or identifier-like keys; never a dot or a slash. */
const STORAGE_KEY = /^[A-Za-z0-9_-]{1,64}$/;
/** Top-folder names that reveal the PyTorch layout in the first local header (sniffing). */
const LAYOUT_NAMES = /^[^/]+\/(data\.pkl|version|\.format_version|byteorder|\.data\/|data\/[A-Za-z0-9_-]+$|code\/|constants\.pkl|bytecode\.pkl)/;

/** `<top>/<rest>` split; null when the name has no top folder. */
export function splitTop(name: string): { top: string; rest: string } | null {
  const slash = name.indexOf('/');
  if (slash <= 0 || slash === name.length - 1) return null;
  return { top: name.slice(0, slash), rest: name.slice(slash + 1) };
}

export function classify(name: string): MemberKind {
  const split = splitTop(name);
  const rest = split ? split.rest : name;
  if (/\.(pkl|debug_pkl|pickle)$/i.test(rest)) return 'pickle';
  if (rest in FACT_RECORDS) return 'fact';
  if (rest.startsWith('code/') && rest.endsWith('.py')) return 'code';
  const [dir, key, more] = rest.split('/');
  if ((dir === 'data' || dir === 'constants') && key !== undefined && more === undefined && STORAGE_KEY.test(key)) return 'storage';
  return 'other';
}

const LOCAL_SIG = [0x50, 0x4b, 0x03, 0x04];

/**
 * The name in the first local header (APPNOTE 4.3.7: name length at 26, name at 30), when the head
 * holds it. torch writes data.pkl first; torch.jit.save may start with data/0; both are PyTorch names.
 */
export function firstMemberName(head: Uint8Array): string | null {
  if (!startsWith(head, LOCAL_SIG) || head.length < 30) return null;
  const n = head[26]! | (head[27]! << 8);
  if (n === 0 || 30 + n > head.length) return null;
  let s = '';
  for (let i = 30; i < 30 + n; i++) s += String.fromCharCode(head[i]!);
  return s;
}

export function looksLikeTorchLayout(firstName: string): boolean {
  return LAYOUT_NAMES.test(firstName);
}
