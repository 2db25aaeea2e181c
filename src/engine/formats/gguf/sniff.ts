// Which nodes the GGUF scanner takes (magic, legacy GGML magics, name), from the head alone. Kept apart from the scan code so the registry can choose
// without loading it (registry.ts lazy).
import type { Head, Sniffer } from '../../types';
import { startsWith } from '../../io/text';
import { GGUF_MAGIC, LEGACY_MAGICS } from './types';

export interface GgufSniff { legacy?: { name: string; versioned: boolean } }

function sniff(head: Head): { confidence: 'magic' | 'name'; state: GgufSniff } | null {
  const b = head.bytes;
  if (startsWith(b, GGUF_MAGIC)) return { confidence: 'magic', state: {} };
  for (const m of LEGACY_MAGICS) {
    if (b.length >= 4 && String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!) === m.bytes) {
      return { confidence: 'magic', state: { legacy: m } };
    }
  }
  return head.ext === '.gguf' ? { confidence: 'name', state: {} } : null;
}

export const ggufSniffer: Sniffer<GgufSniff> = {
  id: 'gguf',
  extensions: ['.gguf', '.ggml'],
  sniff,
};
