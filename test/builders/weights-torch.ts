// PyTorch checkpoints whose main pickle builds real tensors (torch._utils._rebuild_tensor_v2 over
// storage persistent ids), as torch.save writes them, for the weight statistics. Storage bytes are
// the caller's: a legacy head can be extended with a hole (a sparse multi-GB file).
import { MAGIC_PICKLE, PROTOCOL_PICKLE, SYSINFO_PICKLE, concat, keysPickle, op, pickle } from './pytorch';

export interface PickledTensorSpec { name: string; key: string; type?: string; numel: number; offset?: number; size: number[]; stride?: number[] }

const rowMajor = (size: number[]) => size.map((_, i) => size.slice(i + 1).reduce((n, d) => n * d, 1));

/**
 * {name: _rebuild_tensor_v2(('storage', torch.<type>, key, 'cpu', numel), offset, size, stride, False,
 * OrderedDict())} in protocol 2 (torch/serialization.py _save; torch/_tensor.py __reduce_ex__).
 */
export function tensorDictPickle(tensors: PickledTensorSpec[]): Uint8Array {
  const tuple = (xs: number[]) => [...op.mark(), ...xs.flatMap((x) => op.int(x)), ...op.tuple()];
  const items = tensors.flatMap((t) => [
    op.str(t.name), op.global('torch._utils', '_rebuild_tensor_v2'), op.mark(),
    op.mark(), op.str('storage'), op.global('torch', t.type ?? 'FloatStorage'), op.str(t.key), op.str('cpu'), op.int(t.numel), op.tuple(), op.binpersid(),
    op.int(t.offset ?? 0), tuple(t.size), tuple(t.stride ?? rowMajor(t.size)),
    [0x89], op.global('collections', 'OrderedDict'), [0x29], op.reduce(), // NEWFALSE, OrderedDict, EMPTY_TUPLE, REDUCE
    op.tuple(), op.reduce(),
  ]);
  return pickle(op.emptyDict(), op.mark(), ...items, op.setitems());
}

/** A legacy checkpoint up to the first storage's element count: its data is the caller's (or a hole). */
export function legacyHead(tensors: PickledTensorSpec[], storageNumel: number): Uint8Array {
  const key = tensors[0]!.key;
  const u64 = new Uint8Array(8);
  new DataView(u64.buffer).setBigUint64(0, BigInt(storageNumel), true);
  return concat(MAGIC_PICKLE, PROTOCOL_PICKLE, SYSINFO_PICKLE, tensorDictPickle(tensors), keysPickle([key]), u64);
}
