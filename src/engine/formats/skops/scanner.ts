// skops (.skops): a zip that skops.io.dump writes with one member per array or bytes object and
// schema.json last (skops/io/_persist.py). schema.json is judged as the object tree skops.io.load
// would build (parse.ts, judge.ts); every other member goes through the shared zip checks and back
// through ctx.scanChild by content (.npy to the NumPy scanner, a pickle in a BytesNode member to the
// pickle engine). A zip whose schema.json is not a skops tree is scanned as a plain zip.
// CVE-2025-54886 (skops < 0.13: Card.get_model falls back to joblib for a file that is not a skops zip)
// is the orchestrator's extension-mismatch finding on a pickle named .skops.
import type { OpenContext, OpenedChild, ScanContext, Scanner } from '../../types';
import type { Knowledge } from '../pickle/knowledge/types';
import { FormatError } from '../../types';
import { listZip, readMember, type ZipEntry, type ZipListing } from '../../containers/zip';
import { parseJson } from '../../io/json';
import { clip } from '../../io/text';
import { countedSource } from '../zip/members';
import { scanZipListing, type MemberRoute } from '../zip/scanner';
import { openZipChild } from '../zip/open';
import { looksLikeSkopsSchema, parseSkopsSchema, type SkopsSchema } from './parse';
import { judgeSchema, needsKnowledge } from './judge';
import { pickleKnowledge } from '../pickle/knowledge-load';
import { SKOPS_TRUSTED_VERSIONS } from './trusted.generated';
import { CURRENT_PROTOCOL, SCHEMA, skopsSniffer } from './sniff';

/** Untrusted names quoted in the INFO finding; the note keeps them all. */
const UNTRUSTED_LISTED = 20;

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
  if (loaded.schema) judge(ctx, loaded.schema, listing, needsKnowledge(loaded.schema) ? await pickleKnowledge() : null);
  await scanZipListing(ctx, listing, routeFor(loaded));
}

function judge(ctx: ScanContext, schema: SkopsSchema, listing: ZipListing, knowledge: Knowledge | null): void {
  ctx.note('format', 'skops');
  ctx.note('protocol', schema.protocol);
  ctx.note('nodes', schema.nodes.length);
  ctx.note('trustedDefaultsFrom', `skops ${SKOPS_TRUSTED_VERSIONS.skops}, scikit-learn ${SKOPS_TRUSTED_VERSIONS['scikit-learn']}`);
  if (schema.protocol !== null && schema.protocol > CURRENT_PROTOCOL) ctx.note('protocolNewerThanKnown', schema.protocol);
  const where = (pointer: string) => ({ pointer: `${SCHEMA}#${pointer || '/'}` });

  const { verdicts, untrusted } = judgeSchema(schema, knowledge);
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
  ...skopsSniffer,
  scan: scanSkops,
  open: openSkopsChild,
};
