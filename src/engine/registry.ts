// The only dispatch table: every format scanner, in the order sniffers are asked. Content beats
// names: a scanner that recognises magic bytes or structure wins over one that only likes the name.
import type { FileReport, Finding, Head, JsonValue, Scanner, Sniff } from './types';
import { safetensorsScanner } from './formats/safetensors/scanner';
import { zipScanner } from './formats/zip/scanner';
import { unknownScanner } from './formats/unknown/scanner';
import { safetensorsIndexCheck } from './formats/safetensors/folder';
import { safetensorsIndexScanner } from './formats/safetensors/index';
import { pytorchLegacyScanner, pytorchZipScanner } from './formats/pytorch/scanner';
import { numpyScanner } from './formats/numpy/scanner';
import { compressedScanner } from './formats/compressed/scanner';
import { pickleScanner } from './formats/pickle/scanner';
import { ggufScanner } from './formats/gguf/scanner';
import { jinjaScanner } from './formats/jinja/scanner';
import { configScanner } from './formats/config/scanner';
import { tarScanner } from './formats/tar/scanner';
import { kerasH5Scanner, kerasZipScanner } from './formats/keras/scanner';
import { tensorflowScanner } from './formats/tensorflow/scanner';
import { onnxScanner } from './formats/onnx/scanner';
import { tfliteScanner } from './formats/tflite/scanner';
import { flaxScanner } from './formats/flax/scanner';
import { sevenzipScanner } from './formats/sevenzip/scanner';
import { ociScanner } from './formats/oci/scanner';
import { ociDigestCheck } from './formats/oci/folder';
import { referencesCheck } from './folder/references';
import { rdataScanner } from './formats/rdata/scanner';
import { xgboostScanner } from './formats/xgboost/scanner';
import { lightgbmScanner } from './formats/lightgbm/scanner';
import { catboostScanner } from './formats/catboost/scanner';
import { ortScanner } from './formats/ort/scanner';
import { torch7Scanner } from './formats/torch7/scanner';
import { pmmlScanner } from './formats/pmml/scanner';
import { skopsScanner } from './formats/skops/scanner';
import { llamafileScanner } from './formats/llamafile/scanner';
import { torchserveScanner } from './formats/torchserve/scanner';
import { diffusersScanner } from './formats/diffusers/scanner';
import { diffusersCodeCheck } from './formats/diffusers/folder';
import { rarScanner } from './formats/rar/scanner';
import { openvinoScanner } from './formats/openvino/scanner';
import { openvinoWeightsCheck } from './formats/openvino/folder';
import { mxnetScanner } from './formats/mxnet/scanner';
import { paddleScanner } from './formats/paddle/scanner';
import { coremlScanner } from './formats/coreml/scanner';
import { coremlBlobsCheck } from './formats/coreml/folder';
import { compiledScanner } from './formats/compiled/scanner';
import { sentencepieceScanner } from './formats/sentencepiece/scanner';
import { cntkScanner } from './formats/cntk/scanner';
import { executorchScanner } from './formats/executorch/scanner';
import { tensorrtScanner } from './formats/tensorrt/scanner';

// Order (issue 12 additions marked +): safetensors, index, gguf, tflite, +ort, 7z, +catboost, +rdata, +rar,
// +llamafile, HDF5, jinja, keras zip, +skops, +torchserve, pytorch zip, pytorch legacy, numpy, zip, tar,
// compressed, +xgboost, +torch7, +pmml, +lightgbm, onnx, tensorflow, flax, oci, +diffusers, config, pickle.
// Zips are also found from their end: when the head alone leaves a node to the generic zip scanner, a
// name or the fallback, the orchestrator adds the node's tail (Head.tail) and asks the sniffers again
// (orchestrator.ts selectWithTail), so a prefixed zip reaches pytorch/keras/skops/torchserve/zip in this
// same order.
export const SCANNERS: readonly Scanner[] = [
  safetensorsScanner,
  safetensorsIndexScanner,
  ggufScanner,
  tfliteScanner,          // 'TFL3' at offset 4
  ortScanner,             // 'ORTM' at offset 4 (flatbuffer file identifier): before onnx, which only recognised it
  sevenzipScanner,        // 7z signature
  catboostScanner,        // 'CBM1' + core size
  rdataScanner,           // R serialization: 'X\n'/'B\n'/'A\n' + version, 'RDX2\n'/'RDX3\n' workspaces; .rdb by name + entry header
  rarScanner,             // 'Rar!\x1a\x07' (v4 and v5), read by the same 7-Zip WASM
  llamafileScanner,       // APE magic at 0 (MZqFpD=' ...): a program whose zip at the end holds the GGUF
  kerasH5Scanner,         // HDF5 signature at 0, 512, 1024, ... (userblock)
  jinjaScanner,           // chat templates: .jinja/.j2, hint 'jinja', tokenizer_config/chat_template JSON
  kerasZipScanner,        // a zip with Keras 3's layout (config.json + metadata.json): before pytorch/zip
  skopsScanner,           // a zip whose last central record is schema.json (or named .skops): before pytorch/zip
  torchserveScanner,      // a zip whose last central record is MAR-INF/MANIFEST.json (or named .mar)
  pytorchZipScanner,      // a zip with PyTorch's layout: before the generic zip scanner
  pytorchLegacyScanner,   // starts with a pickle: before the pickle scanner
  numpyScanner,
  zipScanner,
  tarScanner,
  compressedScanner,
  xgboostScanner,         // UBJSON/legacy 'binf' by magic, JSON by a leading "learner" object: before onnx/config
  torch7Scanner,          // Lua torch.save: int32 type 4 + index 1 + "V <n>" by structure; tables by .t7/.th/.net name
  pmmlScanner,            // XML with a <PMML> root (dmg.org namespace or .pmml name)
  lightgbmScanner,        // text model: "tree\nversion=v4\n" header (content only, no extension of its own)
  onnxScanner,            // protobuf has no magic: name + parsed structure, after every magic-based format
  tensorflowScanner,      // SavedModel / GraphDef / MetaGraphDef protobufs: name + structure
  flaxScanner,            // msgpack checkpoints: name + structure
  ociScanner,             // OCI image layout / docker-save manifests (JSON by name): before config
  diffusersScanner,       // model_index.json / scheduler_config.json with diffusers keys: before config
  openvinoScanner,        // IR .xml: parsed <net> root (structure); before config, which would take any text
  mxnetScanner,           // .params: 0x112 list magic; -symbol.json: nnvm graph structure (before config's JSON)
  paddleScanner,          // .pdmodel/__model__ with a ProgramDesc first tag (0x0a): protobuf has no magic
  coremlScanner,          // .mlmodel with Model.specificationVersion first (tag 0x08): protobuf has no magic; .mlpackage Manifest.json by name + itemInfoEntries; MIL weight.bin by header version 2 + 0xDEADBEEF sentinel
  executorchScanner,      // 'ET'NN at offset 4 (program.fbs file_identifier) + .pte name or 'eh00' header: parsed
  tensorrtScanner,        // 'ptrt'/'ftrt' at 0 (or after Ultralytics' JSON prefix); .engine/.plan/.trt by name: header + names only
  cntkScanner,            // CNTK v1 UTF-16 "BCN" marker (magic); v2 Dictionary whose first map entry is a composite key or holds a DictionaryValue (structure); .dnn/.cmf by name; decoded
  compiledScanner,        // RKNN 'RKNN' at 0 (magic): swept, never parsed
  sentencepieceScanner,   // tokenizer.model: ModelProto structure (first piece 0x0a len 0x0a len string), no magic
  configScanner,          // model-folder configs by name + structure (after every magic-based format)
  pickleScanner,          // protocol 0/1 pickles have no magic: their sniff is a parse, so it runs last
];

/** Runs when nothing else claims the content: executables and strings sweep. */
export const FALLBACK: Scanner = unknownScanner;

/** Checks that need several files of one scan (a sharded checkpoint and its index, ...). */
export interface FolderCheck {
  id: string;
  /** Findings to add to a file, or facts to note on its root node (which files reference which). */
  check(files: readonly FileReport[]): Array<{ file: string; finding: Finding } | { file: string; note: { key: string; value: JsonValue } }>;
}

export const FOLDER_CHECKS: readonly FolderCheck[] = [safetensorsIndexCheck, referencesCheck, ociDigestCheck, diffusersCodeCheck, openvinoWeightsCheck, coremlBlobsCheck];

export interface Selection {
  scanner: Scanner;
  sniff: Sniff;
  /** A scanner whose extensions include this name's, when content chose another. */
  claimedBy?: Scanner;
}

/** `enabled`: the scanner selection (--select/--exclude); a format left out falls to the generic checks. */
export function select(head: Head, enabled?: (scanner: Scanner) => boolean): Selection {
  let byName: Selection | undefined;
  let chosen: Selection | undefined;
  for (const scanner of SCANNERS) {
    if (enabled && !enabled(scanner)) continue;
    let sniff: Sniff | null = null;
    try {
      sniff = scanner.sniff(head);
    } catch {
      sniff = null; // a sniffer must never take the scan down; treat as "not mine"
    }
    if (!sniff) continue;
    if (sniff.confidence !== 'name') { chosen = { scanner, sniff }; break; }
    byName ??= { scanner, sniff };
  }
  chosen ??= byName ?? { scanner: FALLBACK, sniff: { confidence: 'name' } };
  const claimedBy = head.ext ? SCANNERS.find((s) => s.extensions.includes(head.ext)) : undefined;
  if (claimedBy && !chosen.scanner.extensions.includes(head.ext) && !chosen.scanner.alsoNamed?.includes(head.ext)) chosen.claimedBy = claimedBy;
  return chosen;
}

/** The scanner filter of a selection: `select` keeps only those ids, `exclude` drops these. */
export function scannerFilter(sel: { select?: readonly string[]; exclude?: readonly string[] } | undefined): ((s: Scanner) => boolean) | undefined {
  if (!sel || (!sel.select?.length && !sel.exclude?.length)) return undefined;
  return (s) => (!sel.select?.length || sel.select.includes(s.id)) && !sel.exclude?.includes(s.id);
}
