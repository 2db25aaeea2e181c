// MXNet NDArray list files (.params, mx.nd.save): parsed from the layout in src/ndarray/ndarray.cc
// (NDArray::Save, V2/V3 magic) and src/c_api (MXNDArraySave: header 0x112, reserved 0, then a
// dmlc vector of arrays and a vector of names; vectors are uint64 count + items, strings uint64
// length + bytes). Data is stepped over by size, never read. Pure parsing over a reader.
import { FormatError } from '../../types';
import { utf8 } from '../../io/text';

export const LIST_MAGIC = 0x112n;
export const V1_MAGIC = 0xf993fac8;
export const V2_MAGIC = 0xf993fac9;
export const V3_MAGIC = 0xf993faca;
/** Arrays listed: a large model has a few thousand parameters. Stops count bombs before allocation. */
export const MAX_ARRAYS = 1_000_000;
/** Dimensions of one array (MXNet's own limit is 32, mshadow). */
export const MAX_NDIM = 32;
/** Bytes of one name (parameter names are dotted paths). */
export const MAX_NAME = 4096;

/** mshadow type flags → element sizes (mshadow/base.h: kFloat32=0 ... kBfloat16=12). */
const DTYPE_SIZE: Record<number, number> = { 0: 4, 1: 8, 2: 2, 3: 1, 4: 4, 5: 1, 6: 8, 7: 1, 8: 2, 9: 2, 10: 4, 11: 8, 12: 2 };

export interface ParamsArray { index: number; offset: number; shape: number[]; dtype: number; dataOffset: number; dataBytes: number }
export interface ParamsFile { arrays: ParamsArray[]; names: string[]; end: number; sparse: number }

export type Read = (offset: number, length: number) => Promise<Uint8Array>;

export async function parseParams(read: Read, size: number, tick: () => void): Promise<ParamsFile> {
  let pos = 0;
  const take = async (n: number, what: string): Promise<DataView> => {
    if (pos + n > size) throw new FormatError(`${what} runs past the end of the file`, pos);
    const b = await read(pos, n);
    pos += n;
    return new DataView(b.buffer, b.byteOffset, b.byteLength);
  };
  const u64 = async (what: string): Promise<number> => {
    const v = (await take(8, what)).getBigUint64(0, true);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new FormatError(`${what} is absurdly large`, pos - 8);
    return Number(v);
  };
  const header = (await take(16, 'header'));
  if (header.getBigUint64(0, true) !== LIST_MAGIC) throw new FormatError('not an NDArray list (magic 0x112 missing)', 0);
  const count = await u64('array count');
  if (count > MAX_ARRAYS || count * 8 > size) throw new FormatError(`array count ${count} is larger than the file can hold`, 16);
  const arrays: ParamsArray[] = [];
  let sparse = 0;
  for (let i = 0; i < count; i++) {
    tick();
    const offset = pos;
    const magic = (await take(4, 'array magic')).getUint32(0, true);
    if (magic !== V2_MAGIC && magic !== V3_MAGIC) throw new FormatError(`array ${i} has magic 0x${magic.toString(16)}, not NDArray V2/V3`, offset);
    const stype = (await take(4, 'storage type')).getInt32(0, true);
    if (stype !== 0) { sparse++; throw new FormatError(`array ${i} uses sparse storage type ${stype}, which this scanner does not step over`, offset); }
    const ndim = (await take(4, 'ndim')).getInt32(0, true);
    if (ndim > MAX_NDIM) throw new FormatError(`array ${i} declares ${ndim} dimensions`, offset);
    const shape: number[] = [];
    for (let d = 0; d < ndim; d++) {
      const v = (await take(8, 'dimension')).getBigInt64(0, true);
      if (v < 0n || v > BigInt(Number.MAX_SAFE_INTEGER)) throw new FormatError(`array ${i} has dimension ${v}`, pos - 8);
      shape.push(Number(v));
    }
    if (ndim <= 0) { arrays.push({ index: i, offset, shape, dtype: -1, dataOffset: pos, dataBytes: 0 }); continue; } // is_none: nothing more saved
    await take(8, 'context'); // dev_type, dev_id
    const dtype = (await take(4, 'type flag')).getInt32(0, true);
    const item = DTYPE_SIZE[dtype];
    if (item === undefined) throw new FormatError(`array ${i} has unknown type flag ${dtype}`, pos - 4);
    const elements = shape.reduce((a, b) => a * b, 1);
    const dataBytes = elements * item;
    if (!Number.isSafeInteger(dataBytes) || pos + dataBytes > size) throw new FormatError(`array ${i} (${shape.join('x')}) runs past the end of the file`, pos);
    arrays.push({ index: i, offset, shape, dtype, dataOffset: pos, dataBytes });
    pos += dataBytes;
  }
  const nameCount = await u64('name count');
  if (nameCount !== 0 && nameCount !== count) throw new FormatError(`${nameCount} names for ${count} arrays`, pos - 8);
  const names: string[] = [];
  for (let i = 0; i < nameCount; i++) {
    const len = await u64('name length');
    if (len > MAX_NAME) throw new FormatError(`name ${i} is ${len} bytes long`, pos - 8);
    const b = await take(len, 'name');
    names.push(utf8(new Uint8Array(b.buffer, b.byteOffset, b.byteLength)));
  }
  return { arrays, names, end: pos, sparse };
}
