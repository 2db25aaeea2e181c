// PMML documents by their <PMML> root, from the head alone. Kept apart from the scan code so the registry
// can choose without loading it (registry.ts lazy).
import type { Head, Sniff, Sniffer } from '../../types';
import { latin1Text } from '../../io/text';

function sniff(head: Head): Sniff | null {
  const text = latin1Text(head.bytes.subarray(0, 8192));
  if (!/^(\xEF\xBB\xBF)?\s*</.test(text)) return null;
  if (/<PMML[\s>]/.test(text) && (/dmg\.org\/PMML/.test(text) || head.ext === '.pmml')) return { confidence: 'structure' };
  return head.ext === '.pmml' ? { confidence: 'name' } : null;
}

export const pmmlSniffer: Sniffer = { id: 'pmml', extensions: ['.pmml'], sniff };
