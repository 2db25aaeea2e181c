import type { Scanner } from '../../types';

/** Placeholders until the oci scanner lands. */
export const ociScanner: Scanner = { id: 'oci', extensions: [], sniff: () => null, async scan() {} };
