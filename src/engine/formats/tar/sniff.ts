// Tar archives (ustar magic, a v7 header whose checksum adds up, the name), from the head alone. Kept apart
// from the scan code so the registry can choose without loading it (registry.ts lazy).
import type { Head, Sniffer } from '../../types';
import { startsWith } from '../../io/text';
import { BLOCK, checksumOk } from '../../containers/tar';

/** POSIX ustar magic at offset 257 ("ustar\0" for POSIX, "ustar  \0" for GNU). */
export const MAGIC_USTAR = [0x75, 0x73, 0x74, 0x61, 0x72];
export const MAGIC_OFFSET = 257;

function sniffTar(head: Head) {
  const b = head.bytes;
  if (b.length >= MAGIC_OFFSET + 5 && startsWith(b.subarray(MAGIC_OFFSET), MAGIC_USTAR)) return { confidence: 'magic' as const };
  // Old v7 headers have no magic: a header whose checksum adds up is a structure no other format forges by chance.
  if (b.length >= BLOCK && checksumOk(b.subarray(0, BLOCK)) && b[0] !== 0) return { confidence: 'structure' as const };
  return head.ext === '.tar' ? { confidence: 'name' as const } : null;
}

export const tarSniffer: Sniffer = {
  id: 'tar',
  extensions: ['.tar'],
  sniff: sniffTar,
};
