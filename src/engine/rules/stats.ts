import type { RuleDef } from './types';

/**
 * Rules of the weight statistics (src/engine/stats/). All INFO: they describe the numbers, which hint
 * at corruption, a broken conversion or tampering (a backdoored or sabotaged neuron) but prove nothing,
 * and they never raise a file's verdict by themselves.
 */
export const STATS_RULES = {
  'stats/non-finite': {
    severity: 'info', title: 'NaN or infinite weights',
    explanation: 'A float tensor holds NaN or ±Inf values. One such value propagates through every layer after it, so the model outputs NaN: the usual cause is a diverged training run, a bad fp16/bf16 conversion or a corrupted download, and a deliberate one sabotages the model. Only a bounded sample of large tensors is read, so the count is a lower bound.',
    remediation: 'Compare the file\'s hash with the publisher\'s; if it matches, ask the publisher or re-convert from the original checkpoint.',
  },
  'stats/constant-tensor': {
    severity: 'info', title: 'Constant or all-zero weight matrix or neuron',
    explanation: 'Every value read from a weight matrix (two or more dimensions), or from one row (neuron) of a classifier head, is the same number. Trained weights are never constant: the tensor was never trained, was zeroed or overwritten, or the file is a placeholder. One-dimensional tensors (biases, norm scales) are exempt because they legitimately start as zeros or ones.',
    remediation: 'Check that the file is the trained model you expect (hash, model card); a zeroed neuron in a classifier head silently disables a class.',
  },
  'stats/extreme-magnitude': {
    severity: 'info', title: 'Extreme weight magnitude',
    explanation: 'A float tensor holds finite values far above what trained weights reach (weight decay and normalisation keep them near 1). Such values overflow to Inf in fp16, and a few huge weights can dominate a layer\'s output, which is one way a planted backdoor or a sabotage shows in the numbers.',
    remediation: 'Inspect the tensor; compare the file with the publisher\'s hash or a known-good copy.',
  },
  'stats/outlier-neuron': {
    severity: 'info', title: 'Classifier-head neuron with an outlier norm',
    explanation: 'In a classifier head, one row (the weights of one output neuron) has an L2 norm far from the others\' (a robust median + k·MAD test plus a minimum ratio). A neuron much stronger than its peers biases the model toward its class, a pattern of some backdoor and fine-tuning attacks; a much weaker one is a disabled class. Heads legitimately vary, so this is a hint to look, not proof.',
    remediation: 'Compare the head with the base model or a known-good copy; retrain or fine-prune the head if the neuron is not explained.',
  },
} as const satisfies Record<string, RuleDef>;
