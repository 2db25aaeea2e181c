// The engine's host half: what a program around scans needs without scanning anything itself (report
// assembly, cross-file checks, policy, JSON/SARIF export, the rule catalogue). It imports no registry and
// no format code, so the CLI's main thread, which only judges and writes reports while its scan threads
// load the scanners (index.ts), compiles a small part of the engine (issue 15, fast start).
export { scanReport, fileReport, errorReport, compareFindings, crossFileResults } from './report';
export { crossFileSkeleton } from './folder/skeleton';
export { toJson } from './export/json';
export { toSarif, toSarifJson, type SarifLog } from './export/sarif';
export { RULES, ruleDef, type RuleId, type RuleDef } from './rules';
export { VERSION } from './version';
export * from './types';
export * from './policy';
