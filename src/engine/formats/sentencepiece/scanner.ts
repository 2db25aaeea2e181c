// SentencePiece tokenizer models (tokenizer.model, spiece.model, sentencepiece.bpe.model beside Llama, T5,
// XLM-R and most Hugging Face checkpoints): a protobuf `ModelProto` (google/sentencepiece
// src/sentencepiece_model.proto): 1 pieces (repeated SentencePiece {1 piece string, 2 score float,
// 3 type enum}), 2 trainer_spec, 3 normalizer_spec, 4 self_test_data, 5 denormalizer_spec. The library
// parses it as data and runs nothing from it, so the judgement is structural: the wire format walked with
// bounds, then the generic sweep for embedded executables and strings. Without this scanner the file was
// "unrecognised" and, named .model (an XGBoost/CNTK extension), a false extension-mismatch WARNING.
import type { FindingInput, Head, ScanContext, Scanner } from '../../types';
import { FormatError } from '../../types';
import { unknownScanner } from '../unknown/scanner';

/** Largest model decoded whole: real vocabularies are a few MB (256k pieces ~ 5 MB). */
export const MAX_MODEL_BYTES = 64 * 1024 * 1024;
/** Top-level fields of ModelProto (1-5) and the wire type each must have (2 = length-delimited). */
const FIELDS = new Set([1, 2, 3, 4, 5]);

interface Reader { b: Uint8Array; at: number }

/** Base-128 varint (protobuf encoding spec), at most 10 bytes; returns a safe integer or throws. */
function varint(r: Reader): number {
  let v = 0, mul = 1;
  for (let i = 0; i < 10; i++) {
    if (r.at >= r.b.length) throw new FormatError('varint runs past the end', r.at);
    const x = r.b[r.at++]!;
    v += (x & 0x7f) * mul;
    if (!(x & 0x80)) {
      if (!Number.isSafeInteger(v)) throw new FormatError('varint too large', r.at);
      return v;
    }
    mul *= 128;
  }
  throw new FormatError('varint longer than 10 bytes', r.at);
}

/** Steps over one field of the given wire type (0 varint, 1 fixed64, 2 length-delimited, 5 fixed32). */
function skip(r: Reader, wire: number, end: number): void {
  if (wire === 0) varint(r);
  else if (wire === 1) r.at += 8;
  else if (wire === 5) r.at += 4;
  else if (wire === 2) { const n = varint(r); r.at += n; } // not `r.at += varint(r)`: that reads r.at before the varint moves it
  else throw new FormatError(`wire type ${wire} is not used by ModelProto`, r.at);
  if (r.at > end) throw new FormatError('field runs past its message', r.at);
}

/** One SentencePiece message: its piece string must be present. */
function piece(r: Reader, end: number): void {
  let hasPiece = false;
  while (r.at < end) {
    const tag = varint(r);
    if (tag === 0x0a) hasPiece = true;
    skip(r, tag & 7, end);
  }
  if (!hasPiece) throw new FormatError('a SentencePiece entry has no piece string', r.at);
}

export interface ModelShape { pieces: number; fields: number[] }

/** Walks ModelProto's top level and every piece; throws FormatError on anything out of bounds. */
export function walkModel(b: Uint8Array): ModelShape {
  const r: Reader = { b, at: 0 };
  let pieces = 0;
  const fields = new Set<number>();
  while (r.at < b.length) {
    const at = r.at;
    const tag = varint(r);
    const field = tag >>> 3, wire = tag & 7;
    if (!FIELDS.has(field) || wire !== 2) throw new FormatError(`field ${field} (wire type ${wire}) is not part of ModelProto`, at);
    const len = varint(r);
    const end = r.at + len;
    if (end > b.length) throw new FormatError(`field ${field} of ${len} bytes runs past the end`, at);
    fields.add(field);
    if (field === 1) { piece(r, end); pieces++; }
    r.at = end;
  }
  if (pieces === 0) throw new FormatError('no vocabulary pieces', 0);
  return { pieces, fields: [...fields].sort() };
}

/** Structure, not magic: a ModelProto starts with its first piece (0x0a len 0x0a len "<unk>" ...). */
function sniff(head: Head): { confidence: 'structure'; state: undefined } | null {
  const b = head.bytes;
  if (b.length < 8 || b[0] !== 0x0a) return null;
  try {
    const r: Reader = { b, at: 1 };
    const len = varint(r);
    const start = r.at;
    if (len < 3 || b[start] !== 0x0a) return null;
    r.at = start + 1;
    const strLen = varint(r);
    if (strLen === 0 || r.at + strLen > start + len || r.at + strLen > b.length) return null;
    // The rest of the first piece is score (fixed32, tag 0x15) and/or type (varint, tag 0x18).
    r.at += strLen;
    const next = b[r.at];
    if (r.at < start + len && next !== 0x15 && next !== 0x18) return null;
    return { confidence: 'structure', state: undefined };
  } catch { return null; }
}

async function scan(ctx: ScanContext): Promise<void> {
  const size = ctx.source.size;
  if (size > MAX_MODEL_BYTES) {
    ctx.limited(`SentencePiece model of ${size} bytes is over the ${MAX_MODEL_BYTES}-byte limit; its structure was not walked`);
  } else {
    const shape = walkModel(await ctx.read(0, size));
    ctx.note('pieces', shape.pieces);
    ctx.note('fields', shape.fields);
  }
  // The generic sweep (executables, strings), minus its "format not recognised" note.
  const swept: ScanContext = { ...ctx, report: (f: FindingInput) => { if (f.ruleId !== 'file/unrecognized-format') ctx.report(f); } };
  await unknownScanner.scan(swept);
}

export const sentencepieceScanner: Scanner = {
  id: 'sentencepiece',
  extensions: ['.spm'],
  alsoNamed: ['.model'],
  sniff,
  scan,
};
