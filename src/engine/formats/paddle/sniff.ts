// PaddlePaddle ProgramDesc files by name and first tag, from the head alone. Kept apart from the scan code
// so the registry can choose without loading it (registry.ts lazy).
import type { Head, Sniffer } from '../../types';

function sniff(head: Head): { confidence: 'structure' } | null {
  const named = head.ext === '.pdmodel' || head.name === '__model__';
  // ProgramDesc starts with field 1 (blocks), wire type 2: tag byte 0x0a.
  return named && head.bytes[0] === 0x0a ? { confidence: 'structure' } : null;
}

export const paddleSniffer: Sniffer = {
  id: 'paddle',
  extensions: ['.pdmodel'],
  sniff,
};
