// XGBoost models (UBJSON, JSON with a leading learner, legacy binary), from the head alone. Kept apart from the scan code so the registry can choose
// without loading it (registry.ts lazy).
import type { Head, Sniff, Sniffer } from '../../types';
import { latin1Text } from '../../io/text';
import { ubjsonStarts } from './ubjson';
import { legacyStart } from './legacy';

export interface XgbState { encoding: 'json' | 'ubjson' | 'legacy'; start: number }

function sniff(head: Head): Sniff<XgbState> | null {
  const b = head.bytes;
  if (ubjsonStarts(b)) return { confidence: 'magic', state: { encoding: 'ubjson', start: 0 } };
  if (b[0] === 0x7b || b[0] === 0x20 || b[0] === 0x0a || b[0] === 0x0d || b[0] === 0x09) {
    if (/^\s*\{\s*"learner"\s*:\s*\{/.test(latin1Text(b.subarray(0, 256)))) return { confidence: 'structure', state: { encoding: 'json', start: 0 } };
    return null;
  }
  const start = legacyStart(b);
  if (start !== null) return { confidence: start === 4 ? 'magic' : 'structure', state: { encoding: 'legacy', start } };
  return null;
}

export const xgboostSniffer: Sniffer<XgbState> = {
  id: 'xgboost',
  extensions: ['.ubj', '.model', '.bst', '.xgb'],
  sniff,
};
