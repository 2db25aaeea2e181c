import type { Scanner } from '../../types';

/** Placeholder: PyTorch zip checkpoints and TorchScript archives (before the generic zip scanner). */
export const pytorchZipScanner: Scanner = { id: 'pytorch', extensions: [], sniff: () => null, async scan() {} };

/** Placeholder: PyTorch legacy (pre-1.6) checkpoints: magic-number pickle, then pickles and raw storages. */
export const pytorchLegacyScanner: Scanner = { id: 'pytorch-legacy', extensions: [], sniff: () => null, async scan() {} };
