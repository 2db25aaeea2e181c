// Which zips are skops dumps, from the head and tail alone (kept apart from the schema parser, the
// judge and the trusted-type tables so the registry can choose without loading them).
import type { Head, Sniff, Sniffer } from '../../types';
import { findZipEnd } from '../../containers/zip-sniff';
import { u16leAt, u32leAt } from '../../io/reader';
import { encodeUtf8, startsWith } from '../../io/text';

export const SCHEMA = 'schema.json';
const SCHEMA_BYTES = encodeUtf8(SCHEMA);
/** The protocol skops 0.15 writes (skops/io/_protocol.py); older ones are still read. */
export const CURRENT_PROTOCOL = 2;
/** Extra and comment bytes tolerated in schema.json's central record when looking for it. */
const LAST_RECORD_SLACK = 512;
/**
 * The end of a skops schema.json: the root's last keys, "protocol" then (skops >= 0.10) "_skops_version",
 * and the closing brace (json.dumps, indent 2).
 */
const SCHEMA_END = /"protocol":\s*\d+\s*(,\s*"_skops_version":\s*"[^"]{0,40}"\s*)?\}\s*$/;
const SCHEMA_END_BYTES = 96;

/**
 * skops writes schema.json last (skops/io/_persist.py), stored by default, and its root's last key is
 * "protocol" (state["protocol"] is set just before json.dumps). So a skops dump ends: schema.json's data
 * ending in `"protocol": N }`, then the central directory whose last record is schema.json, then the end
 * record. A name-only claim (.skops) needs just a zip; any other name needs that whole tail shape, so a
 * zipped folder that happens to end with a schema.json stays a plain zip.
 */
function sniffSkops(head: Head): Sniff | null {
  const zipAt0 = startsWith(head.bytes, [0x50, 0x4b, 0x03, 0x04]);
  const end = findZipEnd(head);
  if (!zipAt0 && !end) return null;
  if (head.ext === '.skops') return { confidence: 'structure' };
  if (!end) return null;
  const tail = head.tail ?? head.bytes.subarray(0, head.size);
  const tailStart = head.size - tail.length;
  const last = end.eocd - tailStart - 46 - SCHEMA.length; // where a last record without extra/comment starts
  // Central record: method at 10, name length at 28, extra at 30, comment at 32, name at 46 (APPNOTE 4.3.12).
  for (let i = last; i >= 0 && i >= last - LAST_RECORD_SLACK; i--) {
    if (u32leAt(tail, i) !== 0x02014b50 || u16leAt(tail, i + 28) !== SCHEMA.length || !startsWith(tail, SCHEMA_BYTES, i + 46)) continue;
    const after = i + 46 + SCHEMA.length + u16leAt(tail, i + 30) + u16leAt(tail, i + 32);
    const sig = after + 4 <= tail.length ? u32leAt(tail, after) : 0;
    if (sig !== 0x06054b50 && sig !== 0x06064b50) continue;
    const dataEnd = end.cdStart - tailStart;
    if (u16leAt(tail, i + 10) !== 0 || dataEnd <= 0 || dataEnd > tail.length) return null;
    return SCHEMA_END.test(latin1(tail.subarray(Math.max(0, dataEnd - SCHEMA_END_BYTES), dataEnd))) ? { confidence: 'structure' } : null;
  }
  return null;
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (const c of b) s += String.fromCharCode(c);
  return s;
}

export const skopsSniffer: Sniffer = { id: 'skops', extensions: ['.skops'], sniff: sniffSkops };
