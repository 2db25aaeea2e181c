// Pickles by protocol 2-5 magic or, for protocols 0/1, a strict parse of the head through the symbolic
// machine. Kept apart from the scan code so the registry can choose without loading it (registry.ts lazy).
import type { Sniffer } from '../../types';
import { looksLikeText, utf8Strict } from '../../io/text';
import { hasPickleMagic, sniffPickle } from './nested';
import { PICKLE_OPS } from './opcodes';

/** Fewer ops than this before the head ends is not enough to call text a protocol 0/1 pickle. */
const SNIFF_MIN_OPS = 24;

const EXTENSIONS = ['.pkl', '.pickle', '.joblib', '.dill', '.cloudpickle', '.pck', '.pcl'];

/**
 * A GLOBAL whose module line is an identifier but whose name line is not UTF-8: CPython fails the load
 * there, but the file is a pickle to report as malformed. Text never matches (it decodes).
 */
function undecodableGlobal(b: Uint8Array): boolean {
  if (b[0] !== 0x63) return false;
  const nl1 = b.indexOf(0x0a);
  if (nl1 < 2 || nl1 > 256) return false;
  for (let i = 1; i < nl1; i++) { const c = b[i]!; if (!(c === 0x2e || c === 0x5f || (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a))) return false; }
  const nl2 = b.indexOf(0x0a, nl1 + 1);
  return nl2 > nl1 && nl2 - nl1 <= 256 && utf8Strict(b.subarray(nl1 + 1, nl2)) === null;
}

/**
 * Whether the strict parse could accept the head at all, decided without it: its first byte must be an
 * opcode (disasm.ts throws on any other), and it accepts a node only at STOP (byte 0x2e) after a first
 * op, or after `minOps` ops of at least a byte each. Exactly the parse's answer for the heads it turns
 * away, at none of its cost: a Machine built and a FormatError thrown, ~50 µs, for every tiny member of
 * a tar of thousands.
 */
function mayParse(b: Uint8Array, size: number, minOps: number): boolean {
  if (size < 2 || b.length === 0 || PICKLE_OPS[b[0]!] === undefined) return false;
  return size >= minOps || b.indexOf(0x2e, 1) > 0;
}

export const pickleSniffer: Sniffer = {
  id: 'pickle',
  extensions: EXTENSIONS,
  // gensim's SaveLoad pickles are named `.model` by convention (`Word2Vec.save("word2vec.model")` in its
  // documentation; fixtures/real-2026-12c): a pickle there is no sign of a disguised XGBoost file.
  alsoNamed: ['.model'],
  sniff(head) {
    if (hasPickleMagic(head.bytes)) return { confidence: 'magic' };
    const hinted = head.hint === 'pickle';
    const minOps = hinted ? 4 : SNIFF_MIN_OPS;
    if (mayParse(head.bytes, head.size, minOps) && sniffPickle(head.bytes, 0, head.size, minOps)) return { confidence: 'structure' };
    if (undecodableGlobal(head.bytes)) return { confidence: 'structure' };
    // By name only when the content is not plain text (a text file named .pkl is not a pickle to parse;
    // the fallback sweeps it and the registry reports the name mismatch).
    if (hinted || (EXTENSIONS.includes(head.ext) && !looksLikeText(head.bytes))) return { confidence: 'name' };
    return null;
  },
};
