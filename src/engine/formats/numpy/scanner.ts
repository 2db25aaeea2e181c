// NumPy .npy (also the members of .npz, which the zip scanner sends back by content). Numeric arrays
// are raw bytes: nothing runs, the size is checked against the shape. Object arrays are written with
// pickle.dump after the header (numpy/lib/format.py write_array) and unpickled by np.load(...,
// allow_pickle=True): that pickle goes to the pickle scanner.
import type { JsonValue, Scanner, ScanContext } from '../../types';
import { FormatError } from '../../types';
import { readExact } from '../../io/byte-source';
import { countedSource } from '../zip/members';
import { byteRangeName, offsetInName, openByteRange } from '../child-names';
import { NPY_MAX_HEADER_BYTES, parseHeader, parsePrelude } from './parse';
import { npyWeightStats } from '../../stats/formats';
import { numpySniffer } from './sniff';

export const numpyScanner: Scanner = {
  ...numpySniffer,
  scan: scanNpy,
  // Children: the object array's pickle (`pickle@<offset>`, to the end) and `[bytes a-b]` extra data.
  async open(ctx, name) {
    const at = offsetInName(name, /pickle/);
    if (at !== null) return at <= ctx.source.size ? { source: ctx.source.slice(at, ctx.source.size), hint: 'pickle' } : null;
    return openByteRange(ctx.source, name);
  },
};

async function scanNpy(ctx: ScanContext): Promise<void> {
  const size = ctx.source.size;
  const prelude = parsePrelude(ctx.head.bytes);
  ctx.note('version', `${prelude.major}.${prelude.minor}`);
  if (prelude.headerLength > NPY_MAX_HEADER_BYTES) {
    throw new FormatError(`header of ${prelude.headerLength} bytes is above the ${NPY_MAX_HEADER_BYTES}-byte limit`, 8);
  }
  const end = prelude.headerStart + prelude.headerLength;
  if (end > size) throw new FormatError(`header of ${prelude.headerLength} bytes runs past the end of the file`, 8);
  const headerBytes = end <= ctx.head.bytes.length
    ? ctx.head.bytes.subarray(prelude.headerStart, end)
    : await readExact(countedSource(ctx), prelude.headerStart, prelude.headerLength);
  const h = parseHeader(prelude, headerBytes);
  ctx.note('dtype', h.dtype);
  ctx.note('shape', h.shape as JsonValue);
  if (h.fortranOrder) ctx.note('fortranOrder', true);
  const dataBytes = size - h.dataOffset;

  if (h.hasObject) {
    ctx.note('objectArray', true);
    ctx.report({ ruleId: 'numpy/object-array',
      message: `Object array (dtype ${h.dtype}): its data is a pickle, which np.load(allow_pickle=True) runs; the pickle was scanned`,
      offset: h.dataOffset, evidence: h.dtype });
    if (dataBytes === 0) throw new FormatError('object array with no pickle after the header', h.dataOffset);
    await ctx.scanChild(`pickle@${h.dataOffset}`, ctx.source.slice(h.dataOffset, size), 'pickle');
    return;
  }

  let elements = 1;
  for (const d of h.shape) elements *= d;
  const expected = h.itemSize === null ? null : elements * h.itemSize;
  if (expected === null) { ctx.note('sizeChecked', false); return; }
  if (expected === dataBytes) { await npyWeightStats(ctx, h); return; }
  if (expected > dataBytes) {
    ctx.report({ ruleId: 'numpy/size-mismatch',
      message: `The header declares ${expected} bytes of data (shape ${JSON.stringify(h.shape)}, ${h.itemSize}-byte ${h.dtype}) but the file holds ${dataBytes}`,
      offset: h.dataOffset });
    return;
  }
  const extra = h.dataOffset + expected;
  ctx.report({ ruleId: 'numpy/size-mismatch',
    message: `${dataBytes - expected} bytes follow the array data (shape ${JSON.stringify(h.shape)}, ${h.itemSize}-byte ${h.dtype}); np.load never reads them`,
    offset: extra });
  await ctx.scanChild(byteRangeName(extra, size), ctx.source.slice(extra, size));
  await npyWeightStats(ctx, h); // INFO-only statistics, after the security checks
}
