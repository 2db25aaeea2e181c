// Sharded-checkpoint indexes (*.safetensors.index.json) by name and a leading weight_map, from the head
// alone. Kept apart from the scan code so the registry can choose without loading it (registry.ts lazy).
import type { Head, Sniffer } from '../../types';
import { latin1Text } from '../../io/text';

export const INDEX_SUFFIX = '.safetensors.index.json';

function sniff(head: Head): { confidence: 'structure' | 'name' } | null {
  const byName = head.name.toLowerCase().endsWith(INDEX_SUFFIX) ? { confidence: 'name' as const } : null;
  // Structure: a JSON object whose first bytes mention "weight_map" (it comes right after the short
  // "metadata" object in every index written by transformers or huggingface_hub).
  const text = latin1Text(head.bytes.subarray(0, 4096));
  if (/^\s*\{/.test(text) && text.includes('"weight_map"')) return { confidence: 'structure' };
  return byName;
}

export const safetensorsIndexSniffer: Sniffer = {
  id: 'safetensors-index',
  // No extensions: '.json' belongs to many formats, and claiming it would make every other JSON file
  // an "extension mismatch". The name hint lives in sniff.
  extensions: [],
  sniff,
};
