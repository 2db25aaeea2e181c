// The rule catalogue: one place for every rule id the engine can emit. Each area keeps its rules in
// rules/<area>.ts; this file only merges them, so a RuleId typo fails to compile.
import type { RuleDef } from './rules/types';
import { CORE_RULES } from './rules/core';
import { ARCHIVE_RULES } from './rules/archive';
import { SAFETENSORS_RULES } from './rules/safetensors';
import { DETECTOR_RULES } from './rules/detectors';
import { PICKLE_RULES } from './rules/pickle';
import { PYTORCH_RULES } from './rules/pytorch';
import { NUMPY_RULES } from './rules/numpy';
import { COMPRESSED_RULES } from './rules/compressed';
import { GGUF_RULES } from './rules/gguf';
import { JINJA_RULES } from './rules/jinja';
import { CONFIG_RULES } from './rules/config';
import { TAR_RULES } from './rules/tar';
import { KERAS_RULES } from './rules/keras';
import { TENSORFLOW_RULES } from './rules/tensorflow';
import { ONNX_RULES } from './rules/onnx';
import { TFLITE_RULES } from './rules/tflite';
import { FLAX_RULES } from './rules/flax';
import { SEVENZIP_RULES } from './rules/sevenzip';
import { OCI_RULES } from './rules/oci';
import { FOLDER_RULES } from './rules/folder';
import { STATS_RULES } from './rules/stats';
import { RDATA_RULES } from './rules/rdata';
import { GBDT_RULES } from './rules/gbdt';
import { ORT_RULES } from './rules/ort';
import { TORCH7_RULES } from './rules/torch7';
import { PMML_RULES } from './rules/pmml';
import { ZIP_RULES } from './rules/zip';
import { SKOPS_RULES } from './rules/skops';
import { LLAMAFILE_RULES } from './rules/llamafile';
import { TORCHSERVE_RULES } from './rules/torchserve';
import { DIFFUSERS_RULES } from './rules/diffusers';
import { OPENVINO_RULES } from './rules/openvino';
import { MXNET_RULES } from './rules/mxnet';
import { PADDLE_RULES } from './rules/paddle';
import { COREML_RULES } from './rules/coreml';
import { COMPILED_RULES } from './rules/compiled';
import { CNTK_RULES } from './rules/cntk';
import { EXECUTORCH_RULES } from './rules/executorch';
import { TENSORRT_RULES } from './rules/tensorrt';

export type { RuleDef } from './rules/types';

export const RULES = {
  ...CORE_RULES,
  ...ARCHIVE_RULES,
  ...SAFETENSORS_RULES,
  ...DETECTOR_RULES,
  ...PICKLE_RULES,
  ...PYTORCH_RULES,
  ...NUMPY_RULES,
  ...COMPRESSED_RULES,
  ...GGUF_RULES,
  ...JINJA_RULES,
  ...CONFIG_RULES,
  ...TAR_RULES,
  ...KERAS_RULES,
  ...TENSORFLOW_RULES,
  ...ONNX_RULES,
  ...TFLITE_RULES,
  ...FLAX_RULES,
  ...SEVENZIP_RULES,
  ...OCI_RULES,
  ...FOLDER_RULES,
  ...STATS_RULES,
  ...RDATA_RULES,
  ...GBDT_RULES,
  ...ORT_RULES,
  ...TORCH7_RULES,
  ...PMML_RULES,
  ...ZIP_RULES,
  ...SKOPS_RULES,
  ...LLAMAFILE_RULES,
  ...TORCHSERVE_RULES,
  ...DIFFUSERS_RULES,
  ...OPENVINO_RULES,
  ...MXNET_RULES,
  ...PADDLE_RULES,
  ...COREML_RULES,
  ...COMPILED_RULES,
  ...CNTK_RULES,
  ...EXECUTORCH_RULES,
  ...TENSORRT_RULES,
} as const satisfies Record<string, RuleDef>;

export type RuleId = keyof typeof RULES;

export function ruleDef(id: RuleId): RuleDef {
  return RULES[id];
}
