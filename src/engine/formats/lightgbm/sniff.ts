// LightGBM text models by their header, from the head alone. Kept apart from the scan code so the registry
// can choose without loading it (registry.ts lazy).
import type { Head, Sniff, Sniffer } from '../../types';
import { latin1Text } from '../../io/text';
import { isLightgbmText } from './parse';

function sniff(head: Head): Sniff | null {
  return isLightgbmText(latin1Text(head.bytes.subarray(0, 32))) ? { confidence: 'structure' } : null;
}

export const lightgbmSniffer: Sniffer = { id: 'lightgbm', extensions: [], sniff };
