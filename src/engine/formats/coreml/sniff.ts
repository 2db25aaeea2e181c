// Core ML files (a Model spec's first field, Manifest.json, MIL weight blobs), from the head alone. Kept apart from the scan code so the registry can choose
// without loading it (registry.ts lazy).
import type { Head, Sniffer } from '../../types';
import { utf8 } from '../../io/text';
import { BLOB_HEADER_BYTES } from './package';

export type Kind = 'spec' | 'manifest' | 'weights';

/** Model.proto's fields by number → wire type: the header fields and the Type oneof's model kinds. */
const MODEL_FIELDS = new Map<number, number>([[1, 0], [2, 2], [10, 0], ...[
  200, 201, 202, 300, 301, 302, 303, 304, 400, 401, 402, 403, 404, 500, 501, 502, 555, 556, 560,
  600, 601, 602, 603, 604, 606, 607, 609, 610, 900, 2000, 2001, 2002, 2003, 2004, 2005, 2006, 3000,
].map((n) => [n, 2] as [number, number])]);

/**
 * coremltools writes specificationVersion first (tag byte 0x08), but protobuf fields may come in any
 * order and Core ML reads them all the same: a spec that starts with any Model field is one, so
 * moving the version back cannot hide a custom layer from this scanner.
 */
function firstModelField(b: Uint8Array): boolean {
  let tag = 0;
  for (let i = 0, mul = 1; i < 3 && i < b.length; i++, mul *= 128) {
    tag += (b[i]! & 0x7f) * mul;
    if (b[i]! < 0x80) return MODEL_FIELDS.get(Math.floor(tag / 8)) === (tag & 7);
  }
  return false;
}

function sniff(head: Head): { confidence: 'structure'; state: Kind } | null {
  const b = head.bytes;
  if (head.ext === '.mlmodel' && firstModelField(b)) return { confidence: 'structure', state: 'spec' };
  // The whole head (limits.headBytes), not its first KB: padding must not push the key out of sight.
  if (head.name.toLowerCase() === 'manifest.json' && /"itemInfoEntries"\s*:/.test(utf8(b))) return { confidence: 'structure', state: 'manifest' };
  // MIL blob storage: version 2 in the header, the first blob_metadata's sentinel right after it.
  if (b.length >= BLOB_HEADER_BYTES + 4) {
    const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
    if (v.getUint32(4, true) === 2 && v.getUint32(BLOB_HEADER_BYTES, true) === 0xdeadbeef) return { confidence: 'structure', state: 'weights' };
  }
  return null;
}

export const coremlSniffer: Sniffer<Kind> = {
  id: 'coreml',
  extensions: ['.mlmodel'],
  sniff,
};
