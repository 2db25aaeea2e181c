// The stable identity of a finding across scans: SARIF's partialFingerprints and the baseline
// (--baseline) use this one function, so a finding a baseline accepted is the one code scanning tracks.
import type { Finding } from '../types';

/** FNV-1a over UTF-16 units, 32 bits: a stable, dependency-free hash (not a security boundary). */
function fnv1a(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * §3.27.17 partialFingerprints: the same finding in a re-scan gets the same value, so a code-scanning
 * service tracks it across runs. Built from the rule, the member path, the pointer and the first line
 * of the evidence; NOT the byte offset, which shifts when unrelated bytes before it change. Identical
 * keys in one log get an occurrence suffix (":2", ":3"), as GitHub's own fingerprints do.
 */
export function fingerprintOf(f: Finding, seen: Map<string, number>): string {
  const evidence = (f.evidence ?? '').split('\n', 1)[0]!.slice(0, 200);
  const key = [f.ruleId, ...f.location.path, f.location.pointer ?? '', evidence].join('\u0000');
  const n = (seen.get(key) ?? 0) + 1;
  seen.set(key, n);
  return `${fnv1a(key, 0x811c9dc5)}${fnv1a(key, 0x050c5d1f)}:${n}`;
}

/** SARIF's partialFingerprints for a finding (the same value as fingerprintOf). */
export function fingerprint(f: Finding, seen: Map<string, number>): Record<string, string> {
  return { 'modelgateFinding/v1': fingerprintOf(f, seen) };
}

/** Every finding's fingerprint, in report order (the occurrence counter runs over the whole report). */
export function reportFingerprints(files: ReadonlyArray<{ findings: readonly Finding[] }>): string[][] {
  const seen = new Map<string, number>();
  return files.map((file) => file.findings.map((f) => fingerprintOf(f, seen)));
}
