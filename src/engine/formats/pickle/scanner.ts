import type { Scanner } from '../../types';

/** Placeholder: the pickle scanner (symbolic opcode machine). */
export const pickleScanner: Scanner = {
  id: 'pickle',
  extensions: [],
  sniff: () => null,
  async scan() {},
};
