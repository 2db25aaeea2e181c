// 7z archives by their signature (kept apart from the listing parser and the 7-Zip session so the
// registry can choose without loading them).
import type { Head, Sniffer } from '../../types';
import { startsWith } from '../../io/text';
import { SIGNATURE } from './parse';

function sniffSevenZip(head: Head) {
  if (startsWith(head.bytes, SIGNATURE)) return { confidence: 'magic' as const };
  return null;
}

// blocking: 7-Zip's WASM runs synchronously (types.ts Scanner.blocking).
export const sevenzipSniffer: Sniffer = { id: 'sevenzip', extensions: ['.7z'], sniff: sniffSevenZip, blocking: true };
