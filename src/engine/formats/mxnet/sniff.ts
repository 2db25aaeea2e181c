// MXNet .params lists and -symbol.json graphs, from the head alone. Kept apart from the scan code so the
// registry can choose without loading it (registry.ts lazy).
import type { Head, Sniffer } from '../../types';
import { utf8 } from '../../io/text';

export interface MxState { kind: 'symbol' | 'params' }

function sniff(head: Head): { confidence: 'magic' | 'structure' | 'name'; state: MxState } | null {
  const b = head.bytes;
  if (b.length >= 16 && b[0] === 0x12 && b[1] === 0x01 && b.subarray(2, 16).every((x) => x === 0)) return { confidence: 'magic', state: { kind: 'params' } };
  if (head.ext === '.json' && b.length > 0) {
    const text = utf8(b.subarray(0, 4096));
    const graph = /^\s*\{\s*"nodes"\s*:\s*\[/.test(text);
    if (graph && (/-symbol\.json$/i.test(head.name) || text.includes('"arg_nodes"') || /"op"\s*:\s*"null"/.test(text))) return { confidence: 'structure', state: { kind: 'symbol' } };
  }
  if (head.ext === '.params') return { confidence: 'name', state: { kind: 'params' } };
  return null;
}

export const mxnetSniffer: Sniffer<MxState> = {
  id: 'mxnet',
  extensions: ['.params'],
  sniff,
};
