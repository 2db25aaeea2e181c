// The PyTorch scanners: zip checkpoints and TorchScript archives (before the generic zip scanner, which
// they reuse), and legacy checkpoints (before the pickle scanner, which sees each of their pickles).
import type { Scanner } from '../../types';
import { sniffTorchLegacy, sniffTorchZip, type LegacyState } from './sniff';
import { openTorchZipChild, scanTorchZip } from './zip';
import { openTorchLegacyChild, scanTorchLegacy } from './legacy';

/** Names torch checkpoints carry. Not '.bin': a generic name that safetensors and raw weights use too. */
const EXTENSIONS = ['.pt', '.pth', '.pt2', '.ptl', '.ckpt'] as const;

export const pytorchZipScanner: Scanner = {
  id: 'pytorch',
  extensions: EXTENSIONS,
  sniff: sniffTorchZip,
  scan: scanTorchZip,
  open: openTorchZipChild,
};

export const pytorchLegacyScanner: Scanner<LegacyState> = {
  id: 'pytorch-legacy',
  extensions: EXTENSIONS,
  sniff: sniffTorchLegacy,
  scan: scanTorchLegacy,
  open: (ctx, name) => openTorchLegacyChild(ctx, name),
};
