// NumPy .npy files by their magic, from the head alone. Kept apart from the scan code so the registry can
// choose without loading it (registry.ts lazy).
import type { Sniffer } from '../../types';
import { startsWith } from '../../io/text';
import { NPY_MAGIC } from './parse';

export const numpySniffer: Sniffer = {
  id: 'numpy',
  extensions: ['.npy'],
  sniff: (head) => (startsWith(head.bytes, NPY_MAGIC) ? { confidence: 'magic' } : null),
};
