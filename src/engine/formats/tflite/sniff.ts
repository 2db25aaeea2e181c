// TFLite flatbuffers by their 'TFL3' file identifier, from the head alone. Kept apart from the scan code so the registry can choose
// without loading it (registry.ts lazy).
import type { Head, Sniffer } from '../../types';

const IDENTIFIER = [0x54, 0x46, 0x4c, 0x33]; // 'TFL3': file_identifier at bytes 4..8 (schema.fbs)

function sniff(head: Head): { confidence: 'magic' | 'name' } | null {
  const b = head.bytes;
  if (b.length >= 8 && IDENTIFIER.every((x, i) => b[4 + i] === x)) return { confidence: 'magic' };
  return head.ext === '.tflite' ? { confidence: 'name' } : null;
}

export const tfliteSniffer: Sniffer = {
  id: 'tflite',
  extensions: ['.tflite'],
  sniff,
};
