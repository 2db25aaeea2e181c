// Protocol-buffer wire format (protobuf.dev/programming-guides/encoding) over bytes already in
// memory: a generator of the fields of one message range, every length checked against the range.
// For small schema-described files (PaddlePaddle programs, CoreML specs) whose few fields of interest
// are read by number; big streamed protobufs (ONNX) use formats/onnx/wire.ts instead.
import { FormatError } from '../types';

export interface F { no: number; wire: number; value: number; start: number; end: number }

export function* fields(b: Uint8Array, start: number, end: number): Generator<F> {
  let i = start;
  const varint = (): number => {
    let v = 0; let mul = 1;
    for (let k = 0; k < 10; k++) {
      if (i >= end) throw new FormatError('varint runs past the message', i);
      const x = b[i++]!;
      v += (x & 0x7f) * mul; mul *= 128;
      if (x < 0x80) return v;
    }
    throw new FormatError('varint longer than 10 bytes', i);
  };
  while (i < end) {
    const at = i;
    const tag = varint();
    const no = Math.floor(tag / 8); const wire = tag & 7;
    if (no === 0) throw new FormatError('field number 0', at);
    if (wire === 0) { const v = varint(); yield { no, wire, value: v, start: i, end: i }; }
    else if (wire === 1 || wire === 5) { const n = wire === 1 ? 8 : 4; if (i + n > end) throw new FormatError('fixed field past the message', at); i += n; yield { no, wire, value: 0, start: i - n, end: i }; }
    else if (wire === 2) { const len = varint(); if (i + len > end) throw new FormatError('length-delimited field past the message', at); const s = i; i += len; yield { no, wire, value: len, start: s, end: i }; }
    else throw new FormatError(`unsupported wire type ${wire}`, at);
  }
}

