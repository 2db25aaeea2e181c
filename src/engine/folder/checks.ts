// Checks that need several files of one scan (a sharded checkpoint and its index, an image's blobs, ...).
// Apart from the registry's scanners: report assembly (report.ts crossFileResults) runs them in hosts
// that load no format code, such as the CLI's main thread (issue 15, fast start).
import type { FileReport, Finding, JsonValue } from '../types';
import { safetensorsIndexCheck } from '../formats/safetensors/folder';
import { referencesCheck } from './references';
import { ociDigestCheck } from '../formats/oci/folder';
import { remoteCodeCheck } from './remote-code';
import { openvinoWeightsCheck } from '../formats/openvino/folder';
import { coremlBlobsCheck } from '../formats/coreml/folder';

/** Checks that need several files of one scan (a sharded checkpoint and its index, ...). */
export interface FolderCheck {
  id: string;
  /** Findings to add to a file, or facts to note on its root node (which files reference which). */
  check(files: readonly FileReport[]): Array<{ file: string; finding: Finding } | { file: string; note: { key: string; value: JsonValue } }>;
}

export const FOLDER_CHECKS: readonly FolderCheck[] = [safetensorsIndexCheck, referencesCheck, ociDigestCheck, remoteCodeCheck, openvinoWeightsCheck, coremlBlobsCheck];
