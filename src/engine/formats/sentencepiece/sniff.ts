// SentencePiece tokenizer models by the structure of their first piece, from the head alone. Kept apart from
// the scan code so the registry can choose without loading it (registry.ts lazy).
import type { Head, Sniffer } from '../../types';
import { readVarint } from '../onnx/wire';

/** Structure, not magic: a ModelProto starts with its first piece (0x0a len 0x0a len "<unk>" ...). */
function sniff(head: Head): { confidence: 'structure'; state: undefined } | null {
  const b = head.bytes;
  if (b.length < 8 || b[0] !== 0x0a) return null;
  try {
    const [len, start] = readVarint(b, 1, b.length, 'ModelProto', 0);
    if (len < 3 || b[start] !== 0x0a) return null;
    const [strLen, at] = readVarint(b, start + 1, b.length, 'SentencePiece', 0);
    if (strLen === 0 || at + strLen > start + len || at + strLen > b.length) return null;
    // The rest of the first piece is score (fixed32, tag 0x15) and/or type (varint, tag 0x18).
    const next = b[at + strLen];
    if (at + strLen < start + len && next !== 0x15 && next !== 0x18) return null;
    return { confidence: 'structure', state: undefined };
  } catch { return null; }
}

export const sentencepieceSniffer: Sniffer = {
  id: 'sentencepiece',
  extensions: ['.spm'],
  alsoNamed: ['.model'],
  sniff,
};
