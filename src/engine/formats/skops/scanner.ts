// skops (.skops): a zip that skops.io.dump writes with one member per array or bytes object and
// schema.json last (skops/io/_persist.py). schema.json is judged as the object tree skops.io.load
// would build (parse.ts, judge.ts); every other member goes through the shared zip checks and back
// through ctx.scanChild by content (.npy to the NumPy scanner, a pickle in a BytesNode member to the
// pickle engine). A zip whose schema.json is not a skops tree is scanned as a plain zip.
// CVE-2025-54886 (skops < 0.13: Card.get_model falls back to joblib for a file that is not a skops zip)
// is the orchestrator's extension-mismatch finding on a pickle named .skops.
import type { Head, OpenContext, OpenedChild, ScanContext, Scanner, Sniff } from '../../types';
import { FormatError } from '../../types';
import { listZip, readMember, type ZipEntry, type ZipListing } from '../../containers/zip';
import { findZipEnd } from '../../containers/zip-sniff';
import { u16leAt, u32leAt } from '../../io/reader';
import { parseJson } from '../../io/json';
import { clip, encodeUtf8, startsWith } from '../../io/text';
import { countedSource } from '../zip/members';
import { scanZipListing, type MemberRoute } from '../zip/scanner';
import { openZipChild } from '../zip/open';
import { looksLikeSkopsSchema, parseSkopsSchema, type SkopsSchema } from './parse';
import { judgeSchema } from './judge';
import { SKOPS_TRUSTED_VERSIONS } from './trusted.generated';

const SCHEMA = 'schema.json';
const SCHEMA_BYTES = encodeUtf8(SCHEMA);
/** The protocol skops 0.15 writes (skops/io/_protocol.py); older ones are still read. */
const CURRENT_PROTOCOL = 2;
/** Extra and comment bytes tolerated in schema.json's central record when looking for it. */
const LAST_RECORD_SLACK = 512;
/**
 * The end of a skops schema.json: the root's last keys, "protocol" then (skops >= 0.10) "_skops_version",
 * and the closing brace (json.dumps, indent 2).
 */
const SCHEMA_END = /"protocol":\s*\d+\s*(,\s*"_skops_version":\s*"[^"]{0,40}"\s*)?\}\s*$/;
const SCHEMA_END_BYTES = 96;
/** Untrusted names quoted in the INFO finding; the note keeps them all. */
const UNTRUSTED_LISTED = 20;

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

interface Loaded { schema: SkopsSchema | null; schemaEntry?: ZipEntry; error?: string }

async function loadSchema(source: Parameters<typeof readMember>[0], listing: ZipListing, budget: ScanContext['budget']): Promise<Loaded> {
  const entry = listing.entries.find((e) => e.name === SCHEMA);
  if (!entry) return { schema: null, error: 'the archive has no schema.json (skops.io.load fails with KeyError)' };
  if (entry.encrypted) return { schema: null, schemaEntry: entry, error: 'schema.json is encrypted' };
  if (entry.uncompressedSize > budget.limits.maxJsonHeaderBytes) {
    return { schema: null, schemaEntry: entry, error: `schema.json declares ${entry.uncompressedSize} bytes (limit maxJsonHeaderBytes)` };
  }
  const out = await readMember(source, entry, budget, { maxBytes: budget.limits.maxJsonHeaderBytes });
  if (out.cut || out.error !== undefined) return { schema: null, schemaEntry: entry, error: `schema.json could not be read whole (${out.error ?? out.cut})` };
  let root;
  try {
    root = parseJson(out.bytes, { maxDepth: budget.limits.maxJsonDepth }).value;
  } catch (e) {
    return { schema: null, schemaEntry: entry, error: `schema.json is not valid JSON (${(e as Error).message})` };
  }
  if (!looksLikeSkopsSchema(root)) return { schema: null, schemaEntry: entry };
  try {
    return { schema: parseSkopsSchema(root), schemaEntry: entry };
  } catch (e) {
    if (e instanceof FormatError) return { schema: null, schemaEntry: entry, error: e.message };
    throw e;
  }
}

function routeFor(loaded: Loaded): ((e: ZipEntry) => MemberRoute) | undefined {
  // A judged schema is not swept again as text; an unjudged one is scanned like any member.
  return loaded.schema ? (e) => (e === loaded.schemaEntry ? { skip: true } : {}) : undefined;
}

async function scanSkops(ctx: ScanContext): Promise<void> {
  const source = countedSource(ctx);
  const listing = await listZip(source, ctx.budget.limits);
  const loaded = await loadSchema(source, listing, ctx.budget);
  if (loaded.error !== undefined) {
    ctx.report({ ruleId: 'format/malformed', message: `Malformed skops file: ${loaded.error}`, pointer: SCHEMA });
    ctx.limited(`skops schema not judged: ${loaded.error}`);
  } else if (!loaded.schema) {
    ctx.note('skops', 'schema.json is not a skops object tree; scanned as a zip');
  }
  if (loaded.schema) judge(ctx, loaded.schema, listing);
  await scanZipListing(ctx, listing, routeFor(loaded));
}

function judge(ctx: ScanContext, schema: SkopsSchema, listing: ZipListing): void {
  ctx.note('format', 'skops');
  ctx.note('protocol', schema.protocol);
  ctx.note('nodes', schema.nodes.length);
  ctx.note('trustedDefaultsFrom', `skops ${SKOPS_TRUSTED_VERSIONS.skops}, scikit-learn ${SKOPS_TRUSTED_VERSIONS['scikit-learn']}`);
  if (schema.protocol !== null && schema.protocol > CURRENT_PROTOCOL) ctx.note('protocolNewerThanKnown', schema.protocol);
  const where = (pointer: string) => ({ pointer: `${SCHEMA}#${pointer || '/'}` });

  const { verdicts, untrusted } = judgeSchema(schema);
  for (const v of verdicts) {
    ctx.report({ ruleId: v.rule, message: v.message, evidence: clip(v.evidence, 300), ...where(v.node.pointer) });
  }
  if (untrusted.length) {
    ctx.note('untrustedTypes', untrusted);
    const shown = untrusted.slice(0, UNTRUSTED_LISTED).join(', ');
    ctx.report({ ruleId: 'skops/untrusted-types', pointer: SCHEMA, evidence: clip(untrusted.join(', '), 400),
      message: `skops.io.load would need trusted=[${shown}${untrusted.length > UNTRUSTED_LISTED ? ', ...' : ''}] (${untrusted.length} names)` });
  }

  // Members: every file a node reads must exist; a member no node reads is extra content.
  const names = new Set(listing.entries.map((e) => e.name));
  const referenced = new Set<string>();
  for (const n of schema.nodes) {
    if (n.file === undefined) continue;
    referenced.add(n.file);
    if (!names.has(n.file)) {
      ctx.report({ ruleId: 'skops/missing-member', ...where(n.pointer), evidence: clip(n.file, 120),
        message: `${n.loader} at ${n.pointer || '/'} reads member "${clip(n.file, 120)}", which the archive does not hold` });
    }
  }
  for (const e of listing.entries) {
    if (e.name === SCHEMA || e.isDir || referenced.has(e.name)) continue;
    ctx.report({ ruleId: 'skops/unexpected-member', pointer: e.name, offset: e.localHeaderOffset, evidence: clip(e.name, 120),
      message: `Member "${clip(e.name, 120)}" is not referenced by any node of schema.json; skops never reads it` });
  }
  // Strings a JsonNode holds are model data: they go through the string detectors.
  for (const n of schema.nodes) if (n.json !== undefined && n.json.length > 2) ctx.inspectString(n.json, where(n.pointer));
}

async function openSkopsChild(ctx: OpenContext, name: string, nth: number): Promise<OpenedChild | null> {
  const listing = await listZip(ctx.source, ctx.budget.limits);
  const loaded = await loadSchema(ctx.source, listing, ctx.budget);
  return openZipChild(ctx, name, nth, routeFor(loaded));
}

export const skopsScanner: Scanner = {
  id: 'skops',
  extensions: ['.skops'],
  sniff: sniffSkops,
  scan: scanSkops,
  open: openSkopsChild,
};
