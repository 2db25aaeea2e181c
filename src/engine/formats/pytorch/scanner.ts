// The PyTorch scanners: zip checkpoints and TorchScript archives (before the generic zip scanner, which
// they reuse), and legacy checkpoints (before the pickle scanner, which sees each of their pickles).
import type { Scanner } from '../../types';
import { sniffTorchLegacy, sniffTorchZip, type LegacyState } from './sniff';
import { openTorchZipChild, scanTorchZip } from './zip';
import { openTorchLegacyChild, scanTorchLegacy } from './legacy';

/** Names torch checkpoints carry. Not '.bin': a generic name that safetensors and raw weights use too. */
const EXTENSIONS = ['.pt', '.pth', '.pt2', '.ptl', '.ckpt'] as const;
/**
 * Names torch.save output also carries by convention, shared with other formats: `model_best.pth.tar`
 * (the ImageNet example's checkpoint name, a zip or legacy stream, never a tar) and `.pkl` (accelerate's
 * random_states_0.pkl). Content decides; the name is then not reported as a mismatch.
 */
const ALSO_NAMED = ['.tar', '.pkl'] as const;

export const pytorchZipScanner: Scanner = {
  id: 'pytorch',
  extensions: EXTENSIONS,
  alsoNamed: ALSO_NAMED,
  sniff: sniffTorchZip,
  scan: scanTorchZip,
  open: openTorchZipChild,
};

export const pytorchLegacyScanner: Scanner<LegacyState> = {
  id: 'pytorch-legacy',
  extensions: EXTENSIONS,
  alsoNamed: ALSO_NAMED,
  sniff: sniffTorchLegacy,
  scan: scanTorchLegacy,
  open: (ctx, name) => openTorchLegacyChild(ctx, name),
};
