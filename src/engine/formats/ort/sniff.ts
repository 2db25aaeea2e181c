// ONNX Runtime .ort flatbuffers by their 'ORTM' identifier, from the head alone. Kept apart from the scan
// code so the registry can choose without loading it (registry.ts lazy).
import type { Head, Sniff, Sniffer } from '../../types';

function sniff(head: Head): Sniff | null {
  const b = head.bytes;
  return b.length >= 8 && b[4] === 0x4f && b[5] === 0x52 && b[6] === 0x54 && b[7] === 0x4d ? { confidence: 'magic' } : null;
}

export const ortSniffer: Sniffer = { id: 'ort', extensions: ['.ort'], sniff };
