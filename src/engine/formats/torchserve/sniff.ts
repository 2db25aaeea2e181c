// TorchServe .mar archives (a zip whose last central record is MAR-INF/MANIFEST.json, or the name), from the
// head alone. Kept apart from the scan code so the registry can choose without loading it (registry.ts
// lazy).
import type { Head, Sniff, Sniffer } from '../../types';
import { findZipEnd, lastCentralNameIs } from '../../containers/zip-sniff';
import { startsWith } from '../../io/text';

export const MANIFEST = 'MAR-INF/MANIFEST.json';

function sniffMar(head: Head): Sniff | null {
  const zip = startsWith(head.bytes, [0x50, 0x4b, 0x03, 0x04]) || findZipEnd(head) !== null;
  if (!zip) return null;
  return head.ext === '.mar' || lastCentralNameIs(head, MANIFEST) ? { confidence: 'structure' } : null;
}

export const torchserveSniffer: Sniffer = {
  id: 'torchserve',
  extensions: ['.mar'],
  sniff: sniffMar,
};
