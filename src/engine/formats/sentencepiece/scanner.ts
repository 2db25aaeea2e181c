// SentencePiece tokenizer models (tokenizer.model, spiece.model, sentencepiece.bpe.model beside Llama, T5,
// XLM-R and most Hugging Face checkpoints): a protobuf `ModelProto` (google/sentencepiece
// src/sentencepiece_model.proto): 1 pieces (repeated SentencePiece {1 piece string, 2 score float,
// 3 type enum}), 2 trainer_spec, 3 normalizer_spec, 4 self_test_data, 5 denormalizer_spec. The library
// parses it as data and runs nothing from it, so the judgement is structural: the wire format walked with
// bounds, then the generic sweep for embedded executables and strings. Without this scanner the file was
// "unrecognised" and, named .model (an XGBoost/CNTK extension), a false extension-mismatch WARNING.
// The walk uses the shared bounded wire reader (onnx/wire.ts), so a large vocabulary is read in windows.
import type { ScanContext, Scanner } from '../../types';
import { FormatError } from '../../types';
import { sweepRecognised } from '../unknown/scanner';
import { WIRE_LEN, WireStream, type ReadFn } from '../onnx/wire';
import { sentencepieceSniffer } from './sniff';

/** Top-level fields of ModelProto (1-5); each is a message, so wire type 2 (length-delimited). */
const FIELDS = new Set([1, 2, 3, 4, 5]);

export interface ModelShape { pieces: number; fields: number[] }

/**
 * Walks ModelProto's top level and every piece through the shared bounded wire reader (onnx/wire.ts,
 * windowed reads: the vocabulary is never held whole); throws FormatError on anything out of bounds.
 */
export async function walkModel(read: ReadFn, size: number): Promise<ModelShape> {
  const w = new WireStream(read, size);
  let pieces = 0;
  const fields = new Set<number>();
  for (let pos = 0; pos < size;) {
    const f = await w.field(pos, size, 'ModelProto');
    if (!FIELDS.has(f.no) || f.wire !== WIRE_LEN) throw new FormatError(`field ${f.no} (wire type ${f.wire}) is not part of ModelProto`, f.at);
    fields.add(f.no);
    if (f.no === 1) {
      let hasPiece = false;
      for (let p = f.start; p < f.end;) {
        const g = await w.field(p, f.end, 'SentencePiece');
        if (g.no === 1 && g.wire === WIRE_LEN) hasPiece = true;
        p = g.end;
      }
      if (!hasPiece) throw new FormatError('a SentencePiece entry has no piece string', f.at);
      pieces++;
    }
    pos = f.end;
  }
  if (pieces === 0) throw new FormatError('no vocabulary pieces', 0);
  return { pieces, fields: [...fields].sort() };
}

async function scan(ctx: ScanContext): Promise<void> {
  const shape = await walkModel((at, n) => ctx.read(at, n), ctx.source.size);
  ctx.note('pieces', shape.pieces);
  ctx.note('fields', shape.fields);
  await sweepRecognised(ctx); // executables and strings in what the decoder skips
}

export const sentencepieceScanner: Scanner = {
  ...sentencepieceSniffer,
  scan,
};
