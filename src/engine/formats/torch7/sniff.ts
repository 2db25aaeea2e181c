// Lua torch7 files (binary and ASCII) by structure or name, from the head alone. Kept apart from the scan
// code so the registry can choose without loading it (registry.ts lazy).
import type { Head, Sniff, Sniffer } from '../../types';
import { latin1Text } from '../../io/text';
import { isAsciiT7, looksLikeT7 } from './parse';

const EXTENSIONS = ['.t7', '.th', '.net'];

function sniff(head: Head): Sniff | null {
  const b = head.bytes;
  if (looksLikeT7(b)) {
    const versioned = b[0] === 4 && b[12] === 0x56;
    if (versioned || EXTENSIONS.includes(head.ext)) return { confidence: 'structure' };
  }
  // ASCII files: "4\n1\n<n>\nV 1\n" is distinctive; a leading table ("3\n1\n") needs the name too.
  if (isAsciiT7(b) && (/^4\n1\n\d+\nV \d/.test(latin1Text(b.subarray(0, 32))) || EXTENSIONS.includes(head.ext))) return { confidence: 'structure' };
  return EXTENSIONS.includes(head.ext) ? { confidence: 'name' } : null;
}

export const torch7Sniffer: Sniffer = { id: 'torch7', extensions: EXTENSIONS, sniff };
