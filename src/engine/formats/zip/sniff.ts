// Zip archives by their magic at 0 or, with prepended data, by the end record in the tail. Kept apart from
// the scan code so the registry can choose without loading it (registry.ts lazy).
import type { Head, Sniffer } from '../../types';
import { startsWith } from '../../io/text';
import { findZipEnd } from '../../containers/zip-sniff';

const MAGIC_LOCAL = [0x50, 0x4b, 0x03, 0x04];  // 'PK\3\4': a local header at offset 0 (APPNOTE 4.3.7)
const MAGIC_EMPTY = [0x50, 0x4b, 0x05, 0x06];  // 'PK\5\6': an archive with no members is only its EOCD
/** APPNOTE 8.5.3/8.5.4: a split archive starts with 'PK\7\8'; one written as a single split 'PK00'. */
const MAGIC_SPANNING = [0x50, 0x4b, 0x07, 0x08];
const MAGIC_SPANNING_ONE = [0x50, 0x4b, 0x30, 0x30];

export const zipSniffer: Sniffer = {
  id: 'zip',
  extensions: ['.zip', '.npz', '.pt', '.pth', '.keras', '.skops', '.mar', '.task', '.jar'],
  // Zips with prepended data have no magic at 0: Python's zipfile finds them from the end (the EOCD in
  // Head.tail), so the sniffer does too; the magic at 0 stays the cheap, sure case.
  sniff: (head: Head) => {
    if (startsWith(head.bytes, MAGIC_LOCAL) || (startsWith(head.bytes, MAGIC_EMPTY) && head.size >= 22)) return { confidence: 'magic' };
    if ((startsWith(head.bytes, MAGIC_SPANNING) || startsWith(head.bytes, MAGIC_SPANNING_ONE)) && startsWith(head.bytes, MAGIC_LOCAL, 4)) {
      return { confidence: 'magic' };
    }
    return findZipEnd(head) ? { confidence: 'structure' } : null;
  },
};
