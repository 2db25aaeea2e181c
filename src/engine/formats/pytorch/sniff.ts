// Recognising PyTorch files from the head alone (sync, pure).
import type { Head, Sniff, Sniffer } from '../../types';
import { startsWith } from '../../io/text';
import { firstMemberName, looksLikeTorchLayout, splitTop } from './layout';
import { zipHeadBytes } from '../../containers/zip-sniff';
import { pickleEndIn } from '../pickle/nested';

/** torch/serialization.py MAGIC_NUMBER = 0x1950a86a20f9469cfc6c, pickled first by _legacy_save. */
export const LEGACY_MAGIC = 0x1950a86a20f9469cfc6cn;
/** The magic as LONG1's 10 little-endian bytes (protocol >= 2). */
const MAGIC_LE = [0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19];
/** Protocol 0/1 write it as text: LONG 'L<decimal>L\n' then STOP. */
const MAGIC_TEXT = 'L119547037146038801333356L\n.';
/** PROTOCOL_VERSION = 1001 as BININT2, the second pickle of every legacy checkpoint. */
const PROTOCOL_VERSION_OPS = [0x4d, 0xe9, 0x03, 0x2e];
/** The longest literal magic pickle (protocol 4/5 with a FRAME): a file this small holds nothing else. */
const MAGIC_PICKLE_MAX_BYTES = 24;
/** How far into the head the second pickle is looked for when the first is not the literal magic. */
const SECOND_PICKLE_REACH = 4096;

/** Extensions torch checkpoints carry; with a '<top>/...' first member they are enough to claim a zip. */
export const TORCH_EXTENSIONS = new Set(['.pt', '.pth', '.bin', '.ckpt', '.pt2', '.ptl', '.tar', '.pkl']);

export interface LegacyState { literalMagic: boolean }

export function sniffTorchZip(head: Head): Sniff | null {
  const first = firstMemberName(zipHeadBytes(head));
  if (first === null) return null;
  if (looksLikeTorchLayout(first)) return { confidence: 'structure' };
  if (TORCH_EXTENSIONS.has(head.ext) && head.ext !== '.pkl' && splitTop(first) !== null) return { confidence: 'structure' };
  return null;
}

/** The literal magic pickle torch's legacy writer starts with (pickle.dumps(tensor) embeds one). */
export function startsWithLegacyMagic(b: Uint8Array): boolean {
  return literalMagicAt0(b);
}

function literalMagicAt0(b: Uint8Array): boolean {
  if (b[0] === 0x80 && b[1]! >= 2 && b[1]! <= 5) {
    // PROTO n, LONG1 10 <magic> STOP; protocol 4/5 put a FRAME (0x95 + u64 length) before it.
    const at = b[2] === 0x95 ? 11 : 2;
    return b[at] === 0x8a && b[at + 1] === 0x0a && startsWith(b, MAGIC_LE, at + 2) && b[at + 12] === 0x2e;
  }
  for (let i = 0; i < MAGIC_TEXT.length; i++) if (b[i] !== MAGIC_TEXT.charCodeAt(i)) return false;
  return true;
}

/**
 * A pickle (protocol 2-5) directly followed by the protocol-version pickle: the legacy layout even when
 * the first pickle is not the literal magic (picklescan's bypass computes it with eval()).
 */
function protocolVersionFollows(b: Uint8Array): boolean {
  if (!(b[0] === 0x80 && b[1]! >= 2 && b[1]! <= 5)) return false;
  // The second pickle must start where the first one ends: the same bytes inside a bytes constant of
  // an ordinary pickle (pickle.dumps(tensor) carries a whole legacy stream) are not this layout.
  const i = pickleEndIn(b.subarray(0, Math.min(b.length, SECOND_PICKLE_REACH)), 0);
  if (i === null || i + 6 > b.length || b[i] !== 0x80 || b[i + 1]! < 2 || b[i + 1]! > 5) return false;
  const at = b[i + 2] === 0x95 ? i + 11 : i + 2;
  return startsWith(b, PROTOCOL_VERSION_OPS, at);
}

export function sniffTorchLegacy(head: Head): Sniff<LegacyState> | null {
  // A container that hands over one pickle (the legacy scanner's own pickle#0, a zip's data.pkl) means
  // it as a pickle: the loader unpickles it once, whatever it looks like.
  if (head.hint === 'pickle') return null;
  if (literalMagicAt0(head.bytes) && head.size > MAGIC_PICKLE_MAX_BYTES) return { confidence: 'magic', state: { literalMagic: true } };
  if (protocolVersionFollows(head.bytes)) return { confidence: 'structure', state: { literalMagic: false } };
  return null;
}

/** Names torch checkpoints carry. Not '.bin': a generic name that safetensors and raw weights use too. */
const EXTENSIONS = ['.pt', '.pth', '.pt2', '.ptl', '.ckpt'] as const;
/**
 * Names torch.save output also carries by convention, shared with other formats: `model_best.pth.tar`
 * (the ImageNet example's checkpoint name, a zip or legacy stream, never a tar) and `.pkl` (accelerate's
 * random_states_0.pkl). Content decides; the name is then not reported as a mismatch.
 */
const ALSO_NAMED = ['.tar', '.pkl'] as const;

export const pytorchZipSniffer: Sniffer = { id: 'pytorch', extensions: EXTENSIONS, alsoNamed: ALSO_NAMED, sniff: sniffTorchZip };
export const pytorchLegacySniffer: Sniffer<LegacyState> = { id: 'pytorch-legacy', extensions: EXTENSIONS, alsoNamed: ALSO_NAMED, sniff: sniffTorchLegacy };
