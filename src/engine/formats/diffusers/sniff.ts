// Diffusers model_index.json / scheduler_config.json by name and their ConfigMixin keys, from the head
// alone. Kept apart from the scan code so the registry can choose without loading it (registry.ts lazy).
import type { Head, Sniff, Sniffer } from '../../types';
import { latin1Text } from '../../io/text';

const NAMES = new Set(['model_index.json', 'scheduler_config.json']);
/** Keys every diffusers config carries (ConfigMixin.save_config). */
const MARKER = /"_class_name"|"_diffusers_version"/;

/** Largest config read; model_index.json files are a few hundred bytes. */
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

function sniff(head: Head): Sniff | null {
  if (!NAMES.has(head.name) || head.size > MAX_CONFIG_BYTES) return null;
  return MARKER.test(latin1Text(head.bytes)) ? { confidence: 'structure' } : null;
}

export const diffusersSniffer: Sniffer = {
  id: 'diffusers',
  extensions: [],
  sniff,
};
