// Which nodes are safetensors files (header length + a JSON object), from the head alone. Kept apart from the scan code so the registry can choose
// without loading it (registry.ts lazy).
import type { Head, Sniffer } from '../../types';

function sniff(head: Head): { confidence: 'structure' | 'name' } | null {
  const b = head.bytes;
  const byName = head.ext === '.safetensors' ? { confidence: 'name' as const } : null;
  if (b.length < 10 || head.size < 10) return byName;
  // u64 little-endian; a real header is far below 2^32, so the high half must be zero.
  const hi = (b[4]! | (b[5]! << 8) | (b[6]! << 16)) + b[7]! * 0x1000000;
  if (hi !== 0) return byName;
  const n = (b[0]! | (b[1]! << 8) | (b[2]! << 16)) + b[3]! * 0x1000000;
  if (n < 2 || 8 + n > head.size) return byName;
  const ws = (x: number | undefined) => x === 0x20 || x === 0x0a || x === 0x0d || x === 0x09;
  let i = 8;
  while (i < b.length && ws(b[i])) i++;
  if (b[i] !== 0x7b) return byName;
  // '{' then optional whitespace then '"' (a key) or '}' (empty header); skip when the head ends first.
  let j = i + 1;
  while (j < b.length && ws(b[j])) j++;
  if (j < b.length && b[j] !== 0x22 && b[j] !== 0x7d) return byName;
  return { confidence: 'structure' };
}

export const safetensorsSniffer: Sniffer = {
  id: 'safetensors',
  extensions: ['.safetensors'],
  sniff,
};
