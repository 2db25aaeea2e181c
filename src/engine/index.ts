// Public API of the engine: the only module the app, the worker and the CLI import from.
export { scan } from './scan';
export { scanReport, fileReport, errorReport, compareFindings, crossFileResults } from './report';
export { crossFileSkeleton } from './folder/skeleton';
export { toJson } from './export/json';
export { toSarif, toSarifJson, type SarifLog } from './export/sarif';
export { RULES, ruleDef, type RuleId, type RuleDef } from './rules';
export { DEFAULT_LIMITS, type Limits } from './limits';
export { fromBlob, fromBytes, type BlobLike } from './io/byte-source';
export { sha256Of } from './io/hash';
export { VERSION } from './version';
export { SCANNERS } from './registry';
export * from './types';
export * from './policy';
export { usePlatformFlate, type FlateFactory, type FlateDecoder, type FlateFormat } from './io/flate';
