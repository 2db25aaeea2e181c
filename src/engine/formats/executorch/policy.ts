// What an ExecuTorch program may name without a finding. Operators resolve against the kernels the app
// registered (runtime/kernel/operator_registry.h: by "namespace::name.overload"); delegates resolve
// against the backends the app registered (runtime/backend/interface.h: register_backend by id).
// Sources: the pytorch/executorch tree (kernels/*/functions.yaml, extension/llm/custom_ops, backends/*).

/** Namespaces of the portable/optimized/quantized kernel libraries every ExecuTorch build carries. */
const CORE_NAMESPACES = new Set([
  'aten',                  // kernels/portable, kernels/optimized (ATen operator set)
  'quantized_decomposed',  // kernels/quantized (PT2E quantize/dequantize)
  'dim_order_ops',         // kernels/portable: _to_dim_order_copy, _empty_dim_order (emitted by default)
  'executorch_prim',       // kernels/prim_ops: scalar arithmetic, et_view, et_copy_index
]);

/** Kernel libraries the ExecuTorch project ships beside the core ones: the app links them on purpose. */
const EXTENSION_NAMESPACES = new Map([
  ['llama', 'extension/llm/custom_ops (sdpa_with_kv_cache, update_cache, fast_hadamard_transform)'],
  ['torchao', 'torchao low-bit kernels'],
  ['cadence', 'backends/cadence'],
  ['cortex_m', 'backends/cortex_m'],
]);

/** Backend ids the ExecuTorch backends register (backends/<name>/runtime). */
const BACKENDS = new Set([
  'XnnpackBackend', 'CoreMLBackend', 'MPSBackend', 'QnnBackend', 'VulkanBackend', 'EthosUBackend',
  'VgfBackend', 'NeuronBackend', 'EnnBackend', 'OpenvinoBackend', 'CudaBackend', 'MetalBackend',
  'NeutronBackend', 'MLXBackend', 'CadenceExecutorchBackend',
]);

/** Words in a custom operator's name that claim process, file or network access (said in the message). */
const SUSPICIOUS = /(system|popen|exec|shell|spawn|subprocess|dlopen|load_?library|download|socket|eval)/i;

export type OperatorKind = { tier: 'core' } | { tier: 'extension'; library: string } | { tier: 'custom'; suspicious: string | null };

export function classifyOperator(name: string | null): OperatorKind {
  const ns = name && name.includes('::') ? name.slice(0, name.indexOf('::')) : null;
  if (ns !== null && CORE_NAMESPACES.has(ns)) return { tier: 'core' };
  const library = ns === null ? undefined : EXTENSION_NAMESPACES.get(ns);
  if (library) return { tier: 'extension', library };
  const m = name ? SUSPICIOUS.exec(name) : null;
  return { tier: 'custom', suspicious: m ? `"${m[1]!.toLowerCase()}"` : null };
}

export function classifyBackend(id: string): boolean {
  return BACKENDS.has(id);
}

/** "namespace::name.overload" as the operator registry keys it (overload omitted when empty). */
export function qualifiedName(name: string | null, overload: string | null): string {
  const n = name ?? '(unnamed)';
  return overload ? `${n}.${overload}` : n;
}
