// The ids of the registry's scanners (registry.ts SCANNERS, once each, in registry order), for hosts
// that check --select/--exclude and policy files without loading any format code: the CLI's main thread
// reads them before, and apart from, the scan threads that load the registry (issue 15, fast start).
// test/unit/registry-lazy.test.ts keeps this list equal to the registry's.
export const SCANNER_IDS: readonly string[] = [
  'safetensors', 'safetensors-index', 'gguf', 'tflite', 'ort', 'sevenzip', 'catboost', 'rdata', 'rar', 'llamafile',
  'keras', 'jinja', 'skops', 'torchserve', 'pytorch', 'pytorch-legacy', 'numpy', 'zip', 'tar', 'compressed', 'xgboost',
  'torch7', 'pmml', 'lightgbm', 'onnx', 'tensorflow', 'flax', 'oci', 'diffusers', 'openvino', 'mxnet', 'paddle', 'coreml',
  'executorch', 'tensorrt', 'cntk', 'compiled', 'sentencepiece', 'config', 'pickle',
];
