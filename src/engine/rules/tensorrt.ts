import type { RuleDef } from './types';

/** Rules of the tensorrt scanner: TensorRT engines (.engine/.plan/.trt), an undocumented format. */
export const TENSORRT_RULES = {
  'tensorrt/engine-header': {
    severity: 'info', title: 'TensorRT engine header',
    explanation: 'The engine\'s magic tag ("ptrt"/"ftrt") and the version words after it, as far as public sources describe them. A serialized engine only loads on the TensorRT release (and GPU family) that built it.',
    remediation: 'None needed; rebuild the engine from its source model for another TensorRT release.',
  },
  'tensorrt/builtin-plugin': {
    severity: 'info', title: 'TensorRT built-in plugins named',
    explanation: 'The engine names plugin creators that TensorRT\'s own plugin library (libnvinfer_plugin, the plugin/ folder of NVIDIA/TensorRT) registers. Loading the engine runs those NVIDIA kernels, not code from the file.',
    remediation: 'None needed.',
  },
  'tensorrt/custom-plugin': {
    severity: 'warning', title: 'Engine needs a custom plugin library',
    explanation: 'The engine names a plugin creator that TensorRT does not ship. Deserializing it only works after the application loads a plugin library that registers that name (initLibNvInferPlugins, a --plugins .so/.dll, or a library listed in the engine): native code from outside the file that runs with the application\'s rights.',
    remediation: 'Find out which plugin library the engine needs and obtain it from a trusted source, or rebuild the engine from its source model.',
    cwe: [114, 829],
  },
  'tensorrt/library-reference': {
    severity: 'warning', title: 'Shared library named in a TensorRT engine',
    explanation: 'The engine names a shared library (.so, .dll, .dylib). Engines built with version-compatible or plugin-embedding options list the plugin libraries to load with them: native code from outside the file.',
    remediation: 'Find out which library the engine expects and where it comes from before deploying it.',
    cwe: [114, 829],
  },
  'tensorrt/not-parsed': {
    severity: 'info', title: 'TensorRT engine not decoded',
    explanation: 'NVIDIA does not document the engine format, so only the header words, plugin and library names in strings and the generic sweep (embedded executables, strings through the detectors) ran. Layers, weights, kernels and the fields of plugin records were not decoded, and code in an encoded part would not be seen: the scan is marked incomplete.',
    remediation: 'Treat the engine as unverified; build it yourself from the source model where possible.',
  },
} as const satisfies Record<string, RuleDef>;
