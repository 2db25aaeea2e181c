// A report as a link: `#report=` + base64url(deflate(JSON)). The report lives in the URL FRAGMENT, which
// browsers never send to a server (RFC 3986 §3.5; the fragment is not part of the HTTP request), so a
// shared link uploads nothing. Opening a link is untrusted input twice over: the payload is inflated
// with a running output cap (a link is a decompression-bomb vector: deflate reaches ~1000:1), then read
// by report-file.ts exactly like a dropped file. Framework-free.
import { Inflate, deflateSync } from 'fflate';
import type { ScanReport } from '../engine';
import { base64url, fromBase64url } from '../engine/io/base64';
import { parseReport, type OpenResult } from './report-file';

export { base64url, fromBase64url };

/**
 * Longest link payload we MAKE, in characters. Chromium accepts URLs up to 2 MB, but links travel by
 * mail and chat, which cut far earlier (Slack truncates messages at 40,000 characters; many mail
 * clients wrap or cut long lines), and a cut link is just broken. 32 KB pastes whole almost everywhere;
 * a bigger report should travel as the JSON file.
 */
export const MAX_LINK_CHARS = 32_000;
/** Longest link payload we OPEN: Chromium's own URL cap. Bounds the work a hostile link can ask for. */
export const MAX_INCOMING_LINK_CHARS = 2_000_000;
/** Largest report inflated from a link. Threat: a few KB of deflate expanding to gigabytes. */
export const MAX_LINK_REPORT_BYTES = 16 * 1024 * 1024;
/** Compressed bytes fed to the inflater per step, so one step outputs at most ~1 MB before the cap is checked. */
const INFLATE_STEP = 1024;

export const FRAGMENT_PREFIX = '#report=';

export type ShareResult =
  | { ok: true; url: string; chars: number }
  | { ok: false; chars: number; reason: string };

/** The fragment payload for a report: compact JSON, deflated at level 9, base64url without padding. */
export function encodeReport(report: ScanReport): string {
  return base64url(deflateSync(new TextEncoder().encode(JSON.stringify(report)), { level: 9 }));
}

/** A link to `base` (origin + path, no fragment) carrying the report, or why it cannot be one. */
export function shareLink(report: ScanReport, base: string): ShareResult {
  const payload = encodeReport(report);
  if (payload.length > MAX_LINK_CHARS) {
    return { ok: false, chars: payload.length,
      reason: `This report is ${kb(payload.length)} KB compressed; links hold up to ${kb(MAX_LINK_CHARS)} KB. Download the JSON file instead.` };
  }
  return { ok: true, url: `${base}${FRAGMENT_PREFIX}${payload}`, chars: payload.length };
}

/** The report carried by a location.hash, null when the hash carries none. */
export function reportFromHash(hash: string): OpenResult | null {
  if (!hash.startsWith(FRAGMENT_PREFIX)) return null;
  const payload = hash.slice(FRAGMENT_PREFIX.length);
  if (payload.length > MAX_INCOMING_LINK_CHARS) return { ok: false, reason: 'This report link is too long to open.' };
  const bytes = fromBase64url(payload);
  if (!bytes) return { ok: false, reason: 'This report link is damaged (it is not base64url): was it cut or edited?' };
  const json = inflateBounded(bytes, MAX_LINK_REPORT_BYTES);
  if (json === 'too-large') {
    return { ok: false, reason: `This report link expands beyond ${MAX_LINK_REPORT_BYTES / (1024 * 1024)} MB; it is not opened.` };
  }
  if (!json) return { ok: false, reason: 'This report link is damaged (it does not decompress): was it cut or edited?' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(json);
  } catch {
    return { ok: false, reason: 'This report link is damaged (it is not UTF-8 text).' };
  }
  return parseReport(text);
}

/** Inflates raw deflate data, refusing as soon as the output passes `limit`; null when malformed or truncated. */
export function inflateBounded(data: Uint8Array, limit: number): Uint8Array | 'too-large' | null {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    if (over) return;
    total += chunk.length;
    if (total > limit) { over = true; chunks.length = 0; return; }
    chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    for (let i = 0; i < data.length && !over; i += INFLATE_STEP) {
      inflater.push(data.subarray(i, i + INFLATE_STEP), i + INFLATE_STEP >= data.length);
    }
    if (data.length === 0) return null;
  } catch {
    return over ? 'too-large' : null;
  }
  if (over) return 'too-large';
  if (!ended) return null;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

function kb(chars: number): string {
  return String(Math.ceil(chars / 1000));
}
