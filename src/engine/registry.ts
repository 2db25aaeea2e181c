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

export const SCANNERS: readonly Scanner[] = [
  safetensorsScanner,
  safetensorsIndexScanner,
  ggufScanner,
  tfliteScanner,          // 'TFL3' at offset 4
  sevenzipScanner,        // 7z signature
  kerasH5Scanner,         // HDF5 signature at 0, 512, 1024, ... (userblock)
  jinjaScanner,           // chat templates: .jinja/.j2, hint 'jinja', tokenizer_config/chat_template JSON
  kerasZipScanner,        // a zip with Keras 3's layout (config.json + metadata.json): before pytorch/zip
  pytorchZipScanner,      // a zip with PyTorch's layout: before the generic zip scanner
  pytorchLegacyScanner,   // starts with a pickle: before the pickle scanner
  numpyScanner,
  zipScanner,
  tarScanner,
  compressedScanner,
  onnxScanner,            // protobuf has no magic: name + parsed structure, after every magic-based format
  tensorflowScanner,      // SavedModel / GraphDef / MetaGraphDef protobufs: name + structure
  flaxScanner,            // msgpack checkpoints: name + structure
  ociScanner,             // OCI image layout / docker-save manifests (JSON by name): before config
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

export const FOLDER_CHECKS: readonly FolderCheck[] = [safetensorsIndexCheck, referencesCheck, ociDigestCheck];

export interface Selection {
  scanner: Scanner;
  sniff: Sniff;
  /** A scanner whose extensions include this name's, when content chose another. */
  claimedBy?: Scanner;
}

export function select(head: Head): Selection {
  let byName: Selection | undefined;
  let chosen: Selection | undefined;
  for (const scanner of SCANNERS) {
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
