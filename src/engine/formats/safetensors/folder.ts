import type { FolderCheck } from '../../registry';

/** Sharded checkpoint vs its model.safetensors.index.json (placeholder until the scanner lands). */
export const safetensorsIndexCheck: FolderCheck = {
  id: 'safetensors-index',
  check: () => [],
};
