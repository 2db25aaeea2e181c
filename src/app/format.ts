// Small display helpers shared by the UI components.
import type { Severity } from '../engine';

export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '—';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return i === 0 ? `${v} B` : `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

export const SEVERITY_LABEL: Record<Severity, string> = {
  critical: 'CRITICAL', warning: 'WARNING', info: 'INFO', debug: 'DEBUG',
};

export const VERDICT_TEXT: Record<0 | 1 | 2, { title: string; detail: string }> = {
  0: { title: 'No known indicators found',
       detail: 'Nothing at WARNING or above was found. This is not a guarantee of safety: only known patterns are checked.' },
  1: { title: 'Issues found',
       detail: 'At least one finding at WARNING or CRITICAL. Review the findings before loading these files.' },
  2: { title: 'Scan incomplete / errors',
       detail: 'At least one file could not be fully scanned (error, limit, timeout or cancel). Unscanned content may hide a payload.' },
};
