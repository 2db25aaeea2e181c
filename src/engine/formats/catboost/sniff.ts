// CatBoost models by their 'CBM1' magic, from the head alone. Kept apart from the scan code so the registry
// can choose without loading it (registry.ts lazy).
import type { Head, Sniff, Sniffer } from '../../types';

const MAGIC = [0x43, 0x42, 0x4d, 0x31]; // 'CBM1'

function sniff(head: Head): Sniff | null {
  const b = head.bytes;
  return b.length >= 8 && MAGIC.every((x, i) => b[i] === x) ? { confidence: 'magic' } : null;
}

export const catboostSniffer: Sniffer = { id: 'catboost', extensions: ['.cbm'], sniff };
