// PaddlePaddle ProgramDesc (paddle/fluid/framework/framework.proto): ProgramDesc.blocks = 1,
// BlockDesc.ops = 4, OpDesc.type = 3 / inputs = 1 / outputs = 2 / attrs = 4, OpDesc.Attr.name = 1,
// .s = 5, .strings = 8; Version.version = 1 at ProgramDesc.version = 4. Read with the bounded
// wire-format walker of io/protowire.ts; unknown fields are skipped. Pure parsing.
import { FormatError } from '../../types';
import { utf8 } from '../../io/text';
import { fields } from '../../io/protowire';

/** Ops read in total: a large program has tens of thousands. */
export const MAX_OPS = 1_000_000;
/** Strings kept per attribute list. */
const MAX_ATTR_STRINGS = 256;

export interface PaddleAttr { name: string; strings: string[] }
export interface PaddleOp { block: number; index: number; type: string; attrs: PaddleAttr[]; offset: number }
export interface PaddleProgram { blocks: number; ops: PaddleOp[]; version?: number }

export function parseProgram(b: Uint8Array, tick: () => void): PaddleProgram {
  const ops: PaddleOp[] = [];
  let blocks = 0;
  let version: number | undefined;
  for (const pf of fields(b, 0, b.length)) {
    if (pf.no === 4 && pf.wire === 2) for (const v of fields(b, pf.start, pf.end)) if (v.no === 1 && v.wire === 0) version = v.value;
    if (pf.no !== 1 || pf.wire !== 2) continue;
    const block = blocks++;
    let index = 0;
    for (const bf of fields(b, pf.start, pf.end)) {
      if (bf.no !== 4 || bf.wire !== 2) continue;
      if (ops.length >= MAX_OPS) throw new FormatError(`more than ${MAX_OPS} operators`, bf.start);
      if ((ops.length & 1023) === 0) tick();
      const op: PaddleOp = { block, index: index++, type: '', attrs: [], offset: bf.start };
      for (const of of fields(b, bf.start, bf.end)) {
        if (of.no === 3 && of.wire === 2) op.type = utf8(b.subarray(of.start, of.end));
        else if (of.no === 4 && of.wire === 2) {
          const attr: PaddleAttr = { name: '', strings: [] };
          for (const af of fields(b, of.start, of.end)) {
            if (af.wire !== 2) continue;
            if (af.no === 1) attr.name = utf8(b.subarray(af.start, af.end));
            else if ((af.no === 5 || af.no === 8) && attr.strings.length < MAX_ATTR_STRINGS) attr.strings.push(utf8(b.subarray(af.start, af.end)));
          }
          op.attrs.push(attr);
        }
      }
      if (!op.type) throw new FormatError(`operator ${op.index} of block ${block} has no type`, bf.start);
      ops.push(op);
    }
  }
  if (blocks === 0) throw new FormatError('no blocks: not a ProgramDesc', 0);
  return { blocks, ops, version };
}
