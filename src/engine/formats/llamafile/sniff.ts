// llamafile / APE programs by their magic, from the head alone. Kept apart from the scan code so the
// registry can choose without loading it (registry.ts lazy).
import type { Head, Sniff, Sniffer } from '../../types';
import { startsWith } from '../../io/text';

/** APE magics: the release header, the "no modify self" header, and the debug build (cosmopolitan ape/ape.S). */
const APE_MAGICS: ReadonlyArray<{ bytes: number[]; label: string }> = [
  { bytes: [...'MZqFpD=\''].map((c) => c.charCodeAt(0)), label: 'APE (MZqFpD)' },
  { bytes: [...'jartsr=\''].map((c) => c.charCodeAt(0)), label: 'APE, no-modify-self (jartsr)' },
  { bytes: [...'APEDBG=\''].map((c) => c.charCodeAt(0)), label: 'APE debug build (APEDBG)' },
];

export interface ApeState { label: string }

function sniffApe(head: Head): Sniff<ApeState> | null {
  const m = APE_MAGICS.find((x) => startsWith(head.bytes, x.bytes));
  return m ? { confidence: 'magic', state: { label: m.label } } : null;
}

export const llamafileSniffer: Sniffer<ApeState> = {
  id: 'llamafile',
  extensions: ['.llamafile'],
  sniff: sniffApe,
};
