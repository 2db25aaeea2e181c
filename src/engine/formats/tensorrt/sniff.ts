// TensorRT engines by their header magic or name, from the head alone. Kept apart from the scan code so the
// registry can choose without loading it (registry.ts lazy).
import type { Head, Sniffer } from '../../types';
import { readHeader } from './header';

function sniff(head: Head): { confidence: 'magic' | 'name' } | null {
  const h = readHeader(head.bytes, head.size);
  if (h.magic) return { confidence: 'magic' };
  return ['.engine', '.plan', '.trt'].includes(head.ext) ? { confidence: 'name' } : null;
}

export const tensorrtSniffer: Sniffer = {
  id: 'tensorrt',
  extensions: ['.engine', '.plan', '.trt'],
  sniff,
};
