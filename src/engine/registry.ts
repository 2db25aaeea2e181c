// The only dispatch table: every format scanner, in the order sniffers are asked. Content beats
// names: a scanner that recognises magic bytes or structure wins over one that only likes the name.
import type { Head, Scanner, Sniff, Sniffer } from './types';
import { safetensorsSniffer } from './formats/safetensors/sniff';
import { zipSniffer } from './formats/zip/sniff';
import { unknownSniffer } from './formats/unknown/sniff';
import { safetensorsIndexSniffer } from './formats/safetensors/index-sniff';
import { pytorchLegacySniffer, pytorchZipSniffer } from './formats/pytorch/sniff';
import { numpySniffer } from './formats/numpy/sniff';
import { compressedSniffer } from './formats/compressed/sniff';
import { pickleSniffer } from './formats/pickle/sniff';
import { ggufSniffer } from './formats/gguf/sniff';
import { jinjaSniffer } from './formats/jinja/sniff';
import { configSniffer } from './formats/config/sniff';
import { tarSniffer } from './formats/tar/sniff';
import { kerasH5Sniffer, kerasZipSniffer } from './formats/keras/sniff';
import { tensorflowSniffer } from './formats/tensorflow/sniff';
import { onnxSniffer } from './formats/onnx/sniff';
import { tfliteSniffer } from './formats/tflite/sniff';
import { flaxSniffer } from './formats/flax/sniff';
import { sevenzipSniffer } from './formats/sevenzip/sniff';
import { ociSniffer } from './formats/oci/sniff';
import { rdataSniffer } from './formats/rdata/sniff';
import { xgboostSniffer } from './formats/xgboost/sniff';
import { lightgbmSniffer } from './formats/lightgbm/sniff';
import { catboostSniffer } from './formats/catboost/sniff';
import { ortSniffer } from './formats/ort/sniff';
import { torch7Sniffer } from './formats/torch7/sniff';
import { pmmlSniffer } from './formats/pmml/sniff';
import { skopsSniffer } from './formats/skops/sniff';
import { llamafileSniffer } from './formats/llamafile/sniff';
import { torchserveSniffer } from './formats/torchserve/sniff';
import { diffusersSniffer } from './formats/diffusers/sniff';
import { rarSniffer } from './formats/rar/sniff';
import { openvinoSniffer } from './formats/openvino/sniff';
import { mxnetSniffer } from './formats/mxnet/sniff';
import { paddleSniffer } from './formats/paddle/sniff';
import { coremlSniffer } from './formats/coreml/sniff';
import { compiledSniffer } from './formats/compiled/sniff';
import { sentencepieceSniffer } from './formats/sentencepiece/sniff';
import { cntkSniffer } from './formats/cntk/sniff';
import { executorchSniffer } from './formats/executorch/sniff';
import { tensorrtSniffer } from './formats/tensorrt/sniff';

/** A registry entry: the eager sniffer plus `load`, which brings in the scanner's code (once). */
export interface LazyScanner<S = unknown> extends Scanner<S> {
  load(): Promise<Scanner<S>>;
}

/**
 * A scanner whose sniff is eager and whose code loads on first use (issue 15, fast start). Every sniff
 * is cheap and reads only the head, so all of them stay here; the scan code of each format is a dynamic
 * import (a chunk of its own in every build that splits code), so a process loads only the formats its
 * files hold: a torch.save zip compiles the core, zip, pickle and PyTorch code, not YAML or libhdf5.
 * The chunk is asked for once; the promise is kept, so a failed load fails every later scan the same way
 * (the orchestrator reports it as scan/internal-error: a scan cut short, never clean).
 */
function lazy<S>(sniffer: Sniffer<S>, load: () => Promise<Scanner<S>>): LazyScanner<S> {
  let loading: Promise<Scanner<S>> | undefined;
  const code = () => (loading ??= load());
  return {
    ...sniffer,
    load: code,
    scan: async (ctx) => (await code()).scan(ctx),
    open: async (ctx, name, nth) => {
      const s = await code();
      return s.open ? s.open(ctx, name, nth) : null;
    },
  };
}

// Order (issue 12 additions marked +): safetensors, index, gguf, tflite, +ort, 7z, +catboost, +rdata, +rar,
// +llamafile, HDF5, jinja, keras zip, +skops, +torchserve, pytorch zip, pytorch legacy, numpy, zip, tar,
// compressed, +xgboost, +torch7, +pmml, +lightgbm, onnx, tensorflow, flax, oci, +diffusers, config, pickle.
// Zips are also found from their end: when the head alone leaves a node to the generic zip scanner, a
// name or the fallback, the orchestrator adds the node's tail (Head.tail) and asks the sniffers again
// (orchestrator.ts selectWithTail), so a prefixed zip reaches pytorch/keras/skops/torchserve/zip in this
// same order.
export const SCANNERS: readonly LazyScanner[] = [
  lazy(safetensorsSniffer, () => import('./formats/safetensors/scanner').then((m) => m.safetensorsScanner)),
  lazy(safetensorsIndexSniffer, () => import('./formats/safetensors/index').then((m) => m.safetensorsIndexScanner)),
  lazy(ggufSniffer, () => import('./formats/gguf/scanner').then((m) => m.ggufScanner)),
  lazy(tfliteSniffer, () => import('./formats/tflite/scanner').then((m) => m.tfliteScanner)), // 'TFL3' at offset 4
  lazy(ortSniffer, () => import('./formats/ort/scanner').then((m) => m.ortScanner)), // 'ORTM' at offset 4 (flatbuffer file identifier): before onnx, which only recognised it
  lazy(sevenzipSniffer, () => import('./formats/sevenzip/scanner').then((m) => m.sevenzipScanner)), // 7z signature
  lazy(catboostSniffer, () => import('./formats/catboost/scanner').then((m) => m.catboostScanner)), // 'CBM1' + core size
  lazy(rdataSniffer, () => import('./formats/rdata/scanner').then((m) => m.rdataScanner)), // R serialization: 'X\n'/'B\n'/'A\n' + version, 'RDX2\n'/'RDX3\n' workspaces; .rdb by name + entry header
  lazy(rarSniffer, () => import('./formats/rar/scanner').then((m) => m.rarScanner)), // 'Rar!\x1a\x07' (v4 and v5), read by the same 7-Zip WASM
  lazy(llamafileSniffer, () => import('./formats/llamafile/scanner').then((m) => m.llamafileScanner)), // APE magic at 0 (MZqFpD=' ...): a program whose zip at the end holds the GGUF
  lazy(kerasH5Sniffer, () => import('./formats/keras/scanner').then((m) => m.kerasH5Scanner)), // HDF5 signature at 0, 512, 1024, ... (userblock)
  lazy(jinjaSniffer, () => import('./formats/jinja/scanner').then((m) => m.jinjaScanner)), // chat templates: .jinja/.j2, hint 'jinja', tokenizer_config/chat_template JSON
  lazy(kerasZipSniffer, () => import('./formats/keras/scanner').then((m) => m.kerasZipScanner)), // a zip with Keras 3's layout (config.json + metadata.json): before pytorch/zip
  lazy(skopsSniffer, () => import('./formats/skops/scanner').then((m) => m.skopsScanner)), // a zip whose last central record is schema.json (or named .skops): before pytorch/zip
  lazy(torchserveSniffer, () => import('./formats/torchserve/scanner').then((m) => m.torchserveScanner)), // a zip whose last central record is MAR-INF/MANIFEST.json (or named .mar)
  lazy(pytorchZipSniffer, () => import('./formats/pytorch/scanner').then((m) => m.pytorchZipScanner)), // a zip with PyTorch's layout: before the generic zip scanner
  lazy(pytorchLegacySniffer, () => import('./formats/pytorch/scanner').then((m) => m.pytorchLegacyScanner)), // starts with a pickle: before the pickle scanner
  lazy(numpySniffer, () => import('./formats/numpy/scanner').then((m) => m.numpyScanner)),
  lazy(zipSniffer, () => import('./formats/zip/scanner').then((m) => m.zipScanner)),
  lazy(tarSniffer, () => import('./formats/tar/scanner').then((m) => m.tarScanner)),
  lazy(compressedSniffer, () => import('./formats/compressed/scanner').then((m) => m.compressedScanner)),
  lazy(xgboostSniffer, () => import('./formats/xgboost/scanner').then((m) => m.xgboostScanner)), // UBJSON/legacy 'binf' by magic, JSON by a leading "learner" object: before onnx/config
  lazy(torch7Sniffer, () => import('./formats/torch7/scanner').then((m) => m.torch7Scanner)), // Lua torch.save: int32 type 4 + index 1 + "V <n>" by structure; tables by .t7/.th/.net name
  lazy(pmmlSniffer, () => import('./formats/pmml/scanner').then((m) => m.pmmlScanner)), // XML with a <PMML> root (dmg.org namespace or .pmml name)
  lazy(lightgbmSniffer, () => import('./formats/lightgbm/scanner').then((m) => m.lightgbmScanner)), // text model: "tree\nversion=v4\n" header (content only, no extension of its own)
  lazy(onnxSniffer, () => import('./formats/onnx/scanner').then((m) => m.onnxScanner)), // protobuf has no magic: name + parsed structure, after every magic-based format
  lazy(tensorflowSniffer, () => import('./formats/tensorflow/scanner').then((m) => m.tensorflowScanner)), // SavedModel / GraphDef / MetaGraphDef protobufs: name + structure
  lazy(flaxSniffer, () => import('./formats/flax/scanner').then((m) => m.flaxScanner)), // msgpack checkpoints: name + structure
  lazy(ociSniffer, () => import('./formats/oci/scanner').then((m) => m.ociScanner)), // OCI image layout / docker-save manifests (JSON by name): before config
  lazy(diffusersSniffer, () => import('./formats/diffusers/scanner').then((m) => m.diffusersScanner)), // model_index.json / scheduler_config.json with diffusers keys: before config
  lazy(openvinoSniffer, () => import('./formats/openvino/scanner').then((m) => m.openvinoScanner)), // IR .xml: parsed <net> root (structure); before config, which would take any text
  lazy(mxnetSniffer, () => import('./formats/mxnet/scanner').then((m) => m.mxnetScanner)), // .params: 0x112 list magic; -symbol.json: nnvm graph structure (before config's JSON)
  lazy(paddleSniffer, () => import('./formats/paddle/scanner').then((m) => m.paddleScanner)), // .pdmodel/__model__ with a ProgramDesc first tag (0x0a): protobuf has no magic
  lazy(coremlSniffer, () => import('./formats/coreml/scanner').then((m) => m.coremlScanner)), // .mlmodel with Model.specificationVersion first (tag 0x08): protobuf has no magic; .mlpackage Manifest.json by name + itemInfoEntries; MIL weight.bin by header version 2 + 0xDEADBEEF sentinel
  lazy(executorchSniffer, () => import('./formats/executorch/scanner').then((m) => m.executorchScanner)), // 'ET'NN at offset 4 (program.fbs file_identifier) + .pte name or 'eh00' header: parsed
  lazy(tensorrtSniffer, () => import('./formats/tensorrt/scanner').then((m) => m.tensorrtScanner)), // 'ptrt'/'ftrt' at 0 (or after Ultralytics' JSON prefix); .engine/.plan/.trt by name: header + names only
  lazy(cntkSniffer, () => import('./formats/cntk/scanner').then((m) => m.cntkScanner)), // CNTK v1 UTF-16 "BCN" marker (magic); v2 Dictionary whose first map entry is a composite key or holds a DictionaryValue (structure); .dnn/.cmf by name; decoded
  lazy(compiledSniffer, () => import('./formats/compiled/scanner').then((m) => m.compiledScanner)), // RKNN 'RKNN' at 0 (magic): swept, never parsed
  lazy(sentencepieceSniffer, () => import('./formats/sentencepiece/scanner').then((m) => m.sentencepieceScanner)), // tokenizer.model: ModelProto structure (first piece 0x0a len 0x0a len string), no magic
  lazy(configSniffer, () => import('./formats/config/scanner').then((m) => m.configScanner)), // model-folder configs by name + structure (after every magic-based format)
  lazy(pickleSniffer, () => import('./formats/pickle/scanner').then((m) => m.pickleScanner)), // protocol 0/1 pickles have no magic: their sniff is a parse, so it runs last
];

/** Runs when nothing else claims the content: executables and strings sweep. */
export const FALLBACK: LazyScanner = lazy(unknownSniffer, () => import('./formats/unknown/scanner').then((m) => m.unknownScanner));

// The cross-file checks live in folder/checks.ts (report assembly needs them without any scanner).
export { FOLDER_CHECKS, type FolderCheck } from './folder/checks';

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
