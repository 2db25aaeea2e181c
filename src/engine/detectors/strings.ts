// Shared string detectors (placeholder until the detectors land): every format hands untrusted
// strings here through ctx.inspectString.
import type { RuleId } from '../rules';
import type { Severity } from '../types';

export interface StringHit {
  ruleId: RuleId;
  message: string;
  evidence: string;
  severity?: Severity;
  severityReason?: string;
}

export function inspectText(_text: string): StringHit[] {
  return [];
}
