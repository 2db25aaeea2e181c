// Team policy: parse/validate a .modelgate.toml, then apply it to a finished report (pure, shared by
// the CLI and the app).
export { parsePolicy, formatPolicyError, knownRule, scannerIds, MAX_POLICY_BYTES } from './parse';
export { applyPolicy, baselineFingerprints, fails, todayUtc, STRICT_RULES, type ApplyOptions } from './apply';
export { compileGlob } from './glob';
export type { Policy, PolicyError, SuppressEntry, SeverityOverride, FailOn } from './types';
