import type { Scanner } from '../../types';

/** Placeholder: NumPy .npy (object arrays carry a pickle). */
export const numpyScanner: Scanner = {
  id: 'numpy',
  extensions: [],
  sniff: () => null,
  async scan() {},
};
