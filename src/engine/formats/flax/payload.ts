// What a leaf's bytes are, when they are not tensor data: a pickle, a program or an archive. Each test
// is a strict parse of the leaf's first bytes (the pickle sniffer, the executable header checks), so
// random float data does not trip them; a bare magic number is not enough.
import { EXEC_HEADER_REACH, executableAt } from '../../detectors/executables';
import { hasPickleMagic, pickleStartsAt, sniffPickle } from '../pickle/nested';

export type PayloadKind = 'pickle' | 'executable' | 'zip';

/** Bytes of a leaf kept to recognise a payload (and to inspect as a string when it is text). */
export const LEAF_PEEK_BYTES = 4096;
/** A PE header can sit e_lfanew bytes in; an 'MZ' leaf is read this far to check it. */
export const EXEC_PEEK_BYTES = EXEC_HEADER_REACH;

export interface PayloadHit { kind: PayloadKind; description: string }

/**
 * `prefix` holds the first bytes of a value `total` bytes long. `rawTensor`: the bytes are a numeric
 * array's buffer, where only the unambiguous PROTO 2-5 pickle header counts (a protocol 0/1 pickle
 * opens with common bytes such as 'N' or '(' that float data starts with all the time).
 */
export function recognisePayload(prefix: Uint8Array, total: number, rawTensor = false): PayloadHit | null {
  if (prefix.length < 2) return null;
  if (hasPickleMagic(prefix) ? sniffPickle(prefix, 0, total, 8) !== null : !rawTensor && protocol0Pickle(prefix, total)) {
    return { kind: 'pickle', description: hasPickleMagic(prefix) ? `pickle protocol ${prefix[1]}` : 'protocol 0/1 pickle' };
  }
  const exe = executableAt(prefix, 0);
  if (exe) return { kind: 'executable', description: exe.description };
  if (prefix.length >= 4 && prefix[0] === 0x50 && prefix[1] === 0x4b && prefix[2] === 3 && prefix[3] === 4) {
    return { kind: 'zip', description: 'zip archive' };
  }
  return null;
}

/**
 * A protocol 0/1 pickle: an opener byte, then a strict parse that reaches STOP after a few ops or runs
 * long. Two ops ('N.') is a valid pickle but also any float starting 0x4e 0x2e: too weak for a leaf.
 */
const P0_MIN_OPS_TO_STOP = 4;
function protocol0Pickle(prefix: Uint8Array, total: number): boolean {
  if (!pickleStartsAt(prefix, 0, total)) return false;
  const s = sniffPickle(prefix, 0, total);
  return s !== null && (!s.stop || s.ops >= P0_MIN_OPS_TO_STOP);
}

/** Whether a value starting like this needs EXEC_PEEK_BYTES to judge (an 'MZ' DOS header). */
export function needsLongPeek(prefix: Uint8Array): boolean {
  return prefix.length >= 2 && prefix[0] === 0x4d && prefix[1] === 0x5a;
}
