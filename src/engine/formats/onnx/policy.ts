// What the ONNX judge knows about operator domains, Python-backed operators and element sizes.
// Policy is data: every entry says why it is there.

/** The standard operator set: '' and 'ai.onnx' are the same domain (onnx.proto, OperatorSetIdProto). */
export const STANDARD_DOMAINS: ReadonlySet<string> = new Set(['', 'ai.onnx']);

/**
 * Domains of operators shipped with ONNX itself or with ONNX Runtime (compiled C++ kernels, no code in
 * the model): INFO, because a model using them only needs that runtime. Source: onnx/defs (ai.onnx.ml,
 * ai.onnx.training, ai.onnx.preview.training), onnxruntime/core/graph/constants.h (kMSDomain ...),
 * PyTorch's exporter (org.pytorch.aten for ATen fallbacks, pkg.onnxscript.torch_lib for its library).
 */
export const WELL_KNOWN_DOMAINS: ReadonlyMap<string, string> = new Map([
  ['ai.onnx.ml', 'ONNX-ML classical ML operators (onnx/defs)'],
  ['ai.onnx.training', 'ONNX training operators (onnx/defs)'],
  ['ai.onnx.preview.training', 'ONNX preview training operators (onnx/defs)'],
  ['com.microsoft', 'ONNX Runtime contrib operators (kMSDomain)'],
  ['com.microsoft.nchwc', 'ONNX Runtime NCHWc layout operators (kMSNchwcDomain)'],
  ['com.microsoft.experimental', 'ONNX Runtime experimental operators (kMSExperimentalDomain)'],
  ['com.microsoft.dml', 'ONNX Runtime DirectML operators (kMSDmlDomain)'],
  ['com.ms.internal.nhwc', 'ONNX Runtime internal NHWC operators (kMSInternalNHWCDomain)'],
  ['com.microsoft.mlfeaturizers', 'ONNX Runtime featurizer operators'],
  ['org.pytorch.aten', 'PyTorch exporter ATen fallback operators (ONNX Runtime ATen kernel)'],
  ['org.openvinotoolkit', 'OpenVINO extension operators'],
  ['ai.onnx.contrib', 'onnxruntime-extensions operators (native C++ kernels; Python ones are judged separately)'],
]);

/**
 * Operators that run Python code carried by or named in the model. ONNX Runtime's PyOp
 * (onnxruntime/core/language_interop_ops/pyop) imports `module` and calls `class_name`/`compute`
 * from attributes; onnxruntime-extensions' PyOp/PyCustomOp dispatch to Python functions registered
 * with @onnx_op; PyTorch's exporter emits PythonOp for autograd Functions it could not export.
 */
export const PYTHON_OPS: ReadonlySet<string> = new Set(['pyop', 'pythonop', 'pycustomop', 'pyfunc', 'pyfunction', 'pythonfunction', 'pycall']);

/** op_type judged as Python-backed: an exact name above, or one naming Python outright. */
export function isPythonOp(opType: string): boolean {
  const t = opType.toLowerCase();
  return PYTHON_OPS.has(t) || t.includes('python');
}

/** Attributes of Python ops that name what runs (evidence for the finding). */
export const PYTHON_OP_ATTRIBUTES: ReadonlySet<string> = new Set(['module', 'class_name', 'compute', 'function', 'func', 'name', 'op_type']);

/**
 * Bits per element of TensorProto.DataType (onnx.proto enum DataType), for checking raw_data sizes.
 * STRING (8) and UNDEFINED (0) have no fixed width and are absent.
 */
export const ELEMENT_BITS: ReadonlyMap<number, number> = new Map([
  [1, 32], [2, 8], [3, 8], [4, 16], [5, 16], [6, 32], [7, 64], [9, 8], [10, 16], [11, 64], [12, 32],
  [13, 64], [14, 64], [15, 128], [16, 16], [17, 8], [18, 8], [19, 8], [20, 8], [21, 4], [22, 4],
  [23, 4], [24, 8], [25, 2], [26, 2], [27, 6], [28, 6],
]);

/** Bytes raw_data must hold for `dims` of `dataType` (packed sub-byte types round up), or null. */
export function expectedBytes(dataType: number, dims: readonly number[]): number | null {
  const bits = ELEMENT_BITS.get(dataType);
  if (bits === undefined) return null;
  let n = 1;
  for (const d of dims) {
    if (!(d >= 0)) return null;
    n *= d;
    if (n > Number.MAX_SAFE_INTEGER) return null;
  }
  return Math.ceil((n * bits) / 8);
}
