// The PyTorch scanners: zip checkpoints and TorchScript archives (before the generic zip scanner, which
// they reuse), and legacy checkpoints (before the pickle scanner, which sees each of their pickles).
import type { Scanner } from '../../types';
import { pytorchLegacySniffer, pytorchZipSniffer, type LegacyState } from './sniff';
import { openTorchZipChild, scanTorchZip } from './zip';
import { openTorchLegacyChild, scanTorchLegacy } from './legacy';

export const pytorchZipScanner: Scanner = {
  ...pytorchZipSniffer,
  scan: scanTorchZip,
  open: openTorchZipChild,
};

export const pytorchLegacyScanner: Scanner<LegacyState> = {
  ...pytorchLegacySniffer,
  scan: scanTorchLegacy,
  open: (ctx, name) => openTorchLegacyChild(ctx, name),
};
