// OpenVINO IR .xml files by their <net> root, from the head alone. Kept apart from the scan code so the
// registry can choose without loading it (registry.ts lazy).
import type { Head, Sniffer } from '../../types';
import { utf8 } from '../../io/text';

function sniff(head: Head): { confidence: 'structure' | 'name' } | null {
  const text = utf8(head.bytes.subarray(0, 4096));
  const net = /<net\s[^>]*\bversion\s*=\s*["']\d+["']/.test(text) || (/<net[\s>]/.test(text) && /<layers[\s>]/.test(text));
  if (net && (head.ext === '.xml' || /^\s*(?:\ufeff)?<\?xml/.test(text))) return { confidence: 'structure' };
  return null;
}

export const openvinoSniffer: Sniffer = {
  id: 'openvino',
  extensions: ['.xml'],
  sniff,
};
