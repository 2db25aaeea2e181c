// Compiled model containers (RKNN) by their magic or name, from the head alone. Kept apart from the scan
// code so the registry can choose without loading it (registry.ts lazy).
import type { Head, Sniffer } from '../../types';

export type Kind = 'rknn';
export interface State { kind: Kind }

function sniff(head: Head): { confidence: 'magic' | 'name'; state: State } | null {
  const b = head.bytes;
  if (b.length >= 4 && b[0] === 0x52 && b[1] === 0x4b && b[2] === 0x4e && b[3] === 0x4e) return { confidence: 'magic', state: { kind: 'rknn' } };
  return head.ext === '.rknn' ? { confidence: 'name', state: { kind: 'rknn' } } : null;
}

export const compiledSniffer: Sniffer<State> = {
  id: 'compiled',
  extensions: ['.rknn'],
  sniff,
};
