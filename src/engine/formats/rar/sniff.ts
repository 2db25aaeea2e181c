// RAR archives (v4 and v5) by their signature, from the head alone. Kept apart from the scan code so the
// registry can choose without loading it (registry.ts lazy).
import type { Head, Sniff, Sniffer } from '../../types';
import { startsWith } from '../../io/text';

export const RAR4 = [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x00];
export const RAR5 = [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00];

export interface RarState { version: 4 | 5 }

function sniffRar(head: Head): Sniff<RarState> | null {
  if (startsWith(head.bytes, RAR5)) return { confidence: 'magic', state: { version: 5 } };
  if (startsWith(head.bytes, RAR4)) return { confidence: 'magic', state: { version: 4 } };
  return null;
}

export const rarSniffer: Sniffer<RarState> = {
  id: 'rar',
  extensions: ['.rar'],
  sniff: sniffRar,
  blocking: true, // 7-Zip's WASM runs synchronously (types.ts Scanner.blocking)
};
