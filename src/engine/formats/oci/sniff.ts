// Which JSON documents are OCI / Docker image documents, from the head alone (kept apart from the
// parser and the detectors so the registry can choose without loading them).
import type { Head, Sniff, Sniffer } from '../../types';
import { latin1Text, looksLikeText } from '../../io/text';
import type { OciKind } from './parse';

export interface OciState { kind: OciKind | 'unknown' }

/**
 * Markers of each document kind in the head. Plain JSON from elsewhere (a model config) carries none
 * of these combinations; the parse in scan() is the proof.
 */
function sniffOci(head: Head): Sniff<OciState> | null {
  if (!looksLikeText(head.bytes)) return null;
  const text = latin1Text(head.bytes).replace(/^\xEF\xBB\xBF/, '');
  const name = head.name.toLowerCase();
  const hit = (kind: OciKind): Sniff<OciState> => ({ confidence: 'structure', state: { kind } });
  if (/^\s*\[\s*\{/.test(text)) {
    if (/"Layers"\s*:\s*\[/.test(text) && (/"Config"\s*:/.test(text) || name === 'manifest.json')) return hit('docker-save');
    return null;
  }
  if (!/^\s*\{/.test(text)) return null;
  if (/"imageLayoutVersion"\s*:/.test(text)) return hit('layout');
  if (/"schemaVersion"\s*:\s*2\b/.test(text)) {
    if (/"manifests"\s*:\s*\[/.test(text)) return hit('index');
    if (/"layers"\s*:\s*\[/.test(text) && /"(?:mediaType|config)"\s*:/.test(text)) return hit('manifest');
  }
  if (/"schemaVersion"\s*:\s*1\b/.test(text) && /"fsLayers"\s*:\s*\[/.test(text)) return hit('manifest');
  if (/"rootfs"\s*:\s*\{/.test(text) && /"diff_ids"\s*:/.test(text)) return hit('config');
  if (/"architecture"\s*:/.test(text) && /"os"\s*:/.test(text) && /"(?:history|created)"\s*:/.test(text)) return hit('config');
  return null;
}

export const ociSniffer: Sniffer<OciState> = { id: 'oci', extensions: ['.manifest'], sniff: sniffOci };
