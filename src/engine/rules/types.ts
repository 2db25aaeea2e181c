import type { Severity } from '../types';

/** One entry of the catalogue: everything an analyst needs to understand a finding. */
export interface RuleDef {
  severity: Severity;       // default severity; a scanner may change it only with a recorded reason
  title: string;            // short name, shown as the finding's heading
  explanation: string;      // the risk: why this matters
  remediation: string;      // what to do about it
  cwe?: number[];           // CWE ids
  cve?: string[];           // CVE ids the rule detects
  aliases?: string[];       // ModelAudit S-codes where one matches
}
