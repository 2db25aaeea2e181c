// ExecuTorch programs by their 'ET' identifier and header, from the head alone. Kept apart from the scan code so the registry can choose
// without loading it (registry.ts lazy).
import type { Head, Sniffer } from '../../types';
import { hasIdentifier } from './header';

function sniff(head: Head): { confidence: 'magic' | 'name' } | null {
  const b = head.bytes;
  // "ET" + two characters at 4..8 is a short identifier: take it as content when the name agrees, the
  // header confirms it (extended header "eh00" at 8), or it is the current "ET12".
  if (hasIdentifier(b) && (head.ext === '.pte' || head.ext === '' || (b[6] === 0x31 && b[7] === 0x32) ||
    (b[8] === 0x65 && b[9] === 0x68 && b[10] === 0x30 && b[11] === 0x30))) return { confidence: 'magic' };
  return head.ext === '.pte' ? { confidence: 'name' } : null;
}

export const executorchSniffer: Sniffer = {
  id: 'executorch',
  extensions: ['.pte'],
  sniff,
};
