// Constant tensors of an execution plan against the bytes that hold them. The runtime hands a constant
// tensor a pointer into the program (runtime/executor/tensor_parser_exec_aten.cpp getTensorDataPtr ->
// Program::get_constant_buffer_data): into Program.constant_buffer[data_buffer_idx] when that list is
// used, else into the constant segment at constant_segment.offsets[data_buffer_idx], for
// numel x element-size bytes. An index past the list, or bytes past the buffer or segment, would be an
// out-of-bounds read in a runtime that trusted the file.
import { AllocationDetails, EValue, ExtraTensorInfo, KernelTypes, ScalarType, Tensor, TensorDataLocation, type ExecutionPlan } from './schema/generated';

/** Bytes per element (runtime/core/portable_type/scalar_type.h); unknown types are not checked. */
const ELEMENT_BYTES: Partial<Record<ScalarType, number>> = {
  [ScalarType.BYTE]: 1, [ScalarType.CHAR]: 1, [ScalarType.SHORT]: 2, [ScalarType.INT]: 4, [ScalarType.LONG]: 8,
  [ScalarType.HALF]: 2, [ScalarType.FLOAT]: 4, [ScalarType.DOUBLE]: 8, [ScalarType.BOOL]: 1, [ScalarType.QINT8]: 1,
  [ScalarType.QUINT8]: 1, [ScalarType.QINT32]: 4, [ScalarType.BFLOAT16]: 2, [ScalarType.QUINT4X2]: 1, [ScalarType.QUINT2X4]: 1,
  [ScalarType.BITS16]: 2, [ScalarType.FLOAT8E5M2]: 1, [ScalarType.FLOAT8E4M3FN]: 1, [ScalarType.FLOAT8E5M2FNUZ]: 1,
  [ScalarType.FLOAT8E4M3FNUZ]: 1, [ScalarType.UINT16]: 2, [ScalarType.UINT32]: 4, [ScalarType.UINT64]: 8,
};
/** Tensor rank beyond any kernel (ExecuTorch's kTensorDimensionLimit is 16): not multiplied out. */
const MAX_RANK = 64;

/** Where constant data lives: inline buffers (their sizes) or the constant segment (offsets + its size). */
export type ConstantStore =
  | { kind: 'buffers'; sizes: (index: number) => number | null; count: number }
  | { kind: 'segment'; offset: (index: number) => number | null; count: number; segmentLength: number };

export type ValueProblem =
  | { kind: 'dangling'; index: number; count: number; pointer: string; offset: number }
  | { kind: 'out-of-bounds'; start: number; length: number; limit: number; pointer: string };

/** Checks the plan's constant tensors; `charge` bounds the work (false: stop). */
export function checkConstants(plan: ExecutionPlan, pointer: string, store: ConstantStore | null,
  charge: (n: number, pointer: string) => boolean, add: (p: ValueProblem) => void): void {
  if (!store) return;
  const n = plan.valuesLength();
  if (!charge(n, `${pointer}/values`)) return;
  const value = new EValue();
  const tensor = new Tensor();
  const alloc = new AllocationDetails();
  const extra = new ExtraTensorInfo();
  for (let i = 0; i < n; i++) {
    plan.values(i, value);
    if (value.valType() !== KernelTypes.Tensor || !value.val(tensor)) continue;
    const index = tensor.dataBufferIdx();
    // Index 0 is reserved for non-constant tensors; a tensor with allocation_info is mutable (its
    // initial data lives in mutable_data_segments); EXTERNAL data lives in another file.
    if (index === 0 || tensor.allocationInfo(alloc)) continue;
    const info = tensor.extraTensorInfo(extra);
    if (info && info.location() === TensorDataLocation.EXTERNAL) continue;
    const where = `${pointer}/values/${i}`;
    if (index >= store.count) { add({ kind: 'dangling', index, count: store.count, pointer: where, offset: tensor.bb_pos }); continue; }
    const nbytes = byteSize(tensor, charge, where);
    if (nbytes === null) continue;
    if (store.kind === 'buffers') {
      const size = store.sizes(index);
      if (size !== null && nbytes > size) add({ kind: 'out-of-bounds', start: 0, length: nbytes, limit: size, pointer: where });
    } else {
      const start = store.offset(index);
      if (start !== null && start + nbytes > store.segmentLength) add({ kind: 'out-of-bounds', start, length: nbytes, limit: store.segmentLength, pointer: where });
    }
  }
}

function byteSize(t: Tensor, charge: (n: number, pointer: string) => boolean, pointer: string): number | null {
  const element = ELEMENT_BYTES[t.scalarType()];
  const rank = t.sizesLength();
  if (element === undefined || rank > MAX_RANK || !charge(rank, pointer)) return null;
  let n = element;
  for (let d = 0; d < rank; d++) {
    const dim = t.sizes(d)!;
    if (dim < 0) return null; // a dynamic dimension: the stored size is an upper bound, checked at run time
    n *= dim;
  }
  return Number.isSafeInteger(n) ? n : Number.MAX_SAFE_INTEGER;
}
