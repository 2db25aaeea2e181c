// .npy files as numpy/lib/format.py writes them: magic, version, header length, a dict literal padded
// with spaces to a multiple of 64 (16 before numpy 1.?) ending in '\n', then the data.
import { encodeUtf8 } from '../../src/engine/io/text';

export interface NpySpec {
  descr: string;          // Python literal text: "'<f4'" or "[('a', '<i4'), ('b', '|O')]"
  shape: number[];
  fortran?: boolean;
  version?: 1 | 2 | 3;
  data?: Uint8Array;      // defaults to zeros of the right size (itemSize x elements)
  itemSize?: number;
  /** Raw header text, replacing the generated dict. */
  header?: string;
}

export function npy(spec: NpySpec): Uint8Array {
  const version = spec.version ?? 1;
  const shape = spec.shape.length === 1 ? `(${spec.shape[0]},)` : `(${spec.shape.join(', ')})`;
  const dict = spec.header ?? `{'descr': ${spec.descr}, 'fortran_order': ${spec.fortran ? 'True' : 'False'}, 'shape': ${shape}, }`;
  const prelude = version === 1 ? 10 : 12;
  const body = encodeUtf8(dict);
  const total = Math.ceil((prelude + body.length + 1) / 64) * 64;
  const header = new Uint8Array(total - prelude).fill(0x20);
  header.set(body);
  header[header.length - 1] = 0x0a;
  const elements = spec.shape.reduce((a, b) => a * b, 1);
  const data = spec.data ?? new Uint8Array(elements * (spec.itemSize ?? 4));
  const out = new Uint8Array(total + data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  const n = header.length;
  if (version === 1) out.set([n & 0xff, n >> 8], 8);
  else out.set([n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24], 8);
  out.set(header, prelude);
  out.set(data, total);
  return out;
}
