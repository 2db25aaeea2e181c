// PyTorch zip checkpoints (torch.save >= 1.6) and TorchScript archives (torch.jit.save). The generic
// zip scanner does the archive checks and sends members through scanChild; this adds what PyTorch
// knows: which members torch unpickles (hint 'pickle'), which are raw storages (never read: a 10 GB
// checkpoint costs a listing and its pickles), the small fact records, and TorchScript entry points.
import type { JsonValue, OpenContext, OpenedChild, ScanContext } from '../../types';
import { listZip, readMember, type ZipEntry } from '../../containers/zip';
import { utf8 } from '../../io/text';
import { countedSource } from '../zip/members';
import { scanZipListing, type MemberRoute } from '../zip/scanner';
import { openZipChild } from '../zip/open';
import { FACT_MAX_BYTES, FACT_RECORDS, classify, splitTop, type MemberKind } from './layout';
import { torchZipWeightStats, walkZipMain } from './weights';
import { checkZipStorageSizes } from './storages';

/** TorchScript source read per file to list its entry points; real files are a few KiB to a few MiB. */
const CODE_READ_MAX_BYTES = 4 * 1024 * 1024;
/** Entry points named in the INFO finding; more are counted, not listed. */
const MAX_ENTRY_POINTS = 24;
/** Member names listed in the pickles note. */
const MAX_PICKLES_NOTED = 50;

export async function scanTorchZip(ctx: ScanContext): Promise<void> {
  const listing = await listZip(countedSource(ctx), ctx.budget.limits);
  const kinds = new Map<ZipEntry, MemberKind>();
  const tops = new Set<string>();
  for (const e of listing.entries) {
    if (e.isDir || e.isSymlink) continue;
    kinds.set(e, classify(e.name));
    const top = splitTop(e.name)?.top;
    if (top !== undefined) tops.add(top);
  }
  const has = (k: MemberKind) => [...kinds.values()].includes(k);
  const torchscript = has('code') || listing.entries.some((e) => splitTop(e.name)?.rest === 'constants.pkl');
  ctx.note('format', torchscript ? 'torchscript' : 'pytorch-zip');
  if (tops.size === 1) ctx.note('archiveName', [...tops][0]!);
  else if (tops.size > 1) ctx.note('topFolders', [...tops].slice(0, 20));

  const skip = new Set<ZipEntry>();
  let storages = 0, storageBytes = 0;
  const pickles: string[] = [];
  const entryPoints: string[] = [];
  let entryPointCount = 0;
  for (const [e, kind] of kinds) {
    ctx.checkAborted();
    if (kind === 'storage') {
      // Raw tensor bytes: torch copies them into tensors and never unpickles or executes them.
      storages++;
      storageBytes += e.uncompressedSize;
      skip.add(e);
    } else if (kind === 'pickle') {
      if (pickles.length < MAX_PICKLES_NOTED) pickles.push(e.name);
    } else if (kind === 'fact') {
      if (await noteFact(ctx, e)) skip.add(e);
    } else if (kind === 'code') {
      for (const name of await entryPointsOf(ctx, e)) {
        entryPointCount++;
        if (entryPoints.length < MAX_ENTRY_POINTS) entryPoints.push(name);
      }
    }
  }
  ctx.note('storages', storages);
  ctx.note('storageBytes', storageBytes);
  ctx.note('pickles', pickles);
  if (!has('pickle')) ctx.note('dataPkl', false);

  if (torchscript) {
    const listed = entryPoints.join(', ') + (entryPointCount > entryPoints.length ? `, … (${entryPointCount} in all)` : '');
    ctx.report({ ruleId: 'pytorch/torchscript-module',
      message: `TorchScript module: its compiled code runs when the model is called${listed ? ` (entry points: ${listed})` : ''}`,
      evidence: listed || undefined });
  }

  const route = (e: ZipEntry): MemberRoute => {
    if (skip.has(e)) return { skip: true };
    const kind = kinds.get(e);
    if (kind === 'pickle') return { hint: 'pickle' };
    if (kind === 'code') return { hint: 'torchscript-source' };
    return {};
  };
  await scanZipListing(ctx, listing, route);
  // Weight statistics after the security checks (INFO only; off with options.weightStats === false).
  // One walk of data.pkl: the declared storage sizes against the members, then the weight statistics.
  const walked = await walkZipMain(ctx, listing.entries);
  if (walked) checkZipStorageSizes(ctx, listing.entries, walked);
  if (!torchscript) await torchZipWeightStats(ctx, listing.entries, walked);
}

/**
 * Reads one fact record (version, byteorder, ...) and notes it. Returns false when the record is not
 * the short token torch writes: it is then scanned like any other member.
 */
async function noteFact(ctx: ScanContext, e: ZipEntry): Promise<boolean> {
  const rest = splitTop(e.name)?.rest ?? e.name;
  const fact = FACT_RECORDS[rest];
  if (!fact || e.encrypted || e.uncompressedSize > FACT_MAX_BYTES) return false;
  let text: string;
  try {
    const out = await readMember(countedSource(ctx), e, ctx.budget, { maxBytes: FACT_MAX_BYTES + 1, checkAborted: ctx.checkAborted });
    if (out.cut || out.error !== undefined || out.crcOk === false) return false;
    text = utf8(out.bytes);
  } catch {
    return false; // unsupported method, unreadable: the generic member scan reports it
  }
  if (!fact.pattern.test(text)) return false;
  const value: JsonValue = /^\d+\n?$/.test(text) && fact.note !== 'serializationId' ? Number(text.trim()) : text.trim();
  ctx.note(fact.note, value);
  return true;
}

/** `def name(` at any indentation: TorchScript's printed methods (forward, and helpers). */
const DEF = /^[ \t]*def[ \t]+([A-Za-z_][A-Za-z0-9_]*)[ \t]*\(/gm;

async function entryPointsOf(ctx: ScanContext, e: ZipEntry): Promise<string[]> {
  if (e.encrypted) return [];
  try {
    const out = await readMember(countedSource(ctx), e, ctx.budget, { maxBytes: CODE_READ_MAX_BYTES, checkAborted: ctx.checkAborted });
    const file = (splitTop(e.name)?.rest ?? e.name).replace(/^code\//, '').replace(/\.py$/, '').replace(/\//g, '.');
    const names = new Set<string>();
    for (const m of utf8(out.bytes).matchAll(DEF)) names.add(m[1]!);
    return [...names].map((n) => `${file}.${n}`);
  } catch {
    return []; // the generic member scan reports unreadable members
  }
}

/**
 * Scanner.open for PyTorch zips: the generic zip re-opening with the scan's routing (storages were not
 * scanned, pickles carried hint 'pickle', TorchScript sources 'torchscript-source'). Fact records are
 * not skipped here: they are never the target of a report path a view follows.
 */
export function openTorchZipChild(ctx: OpenContext, name: string, nth: number): Promise<OpenedChild | null> {
  return openZipChild(ctx, name, nth, (e: ZipEntry): MemberRoute => {
    const kind = classify(e.name);
    if (kind === 'storage') return { skip: true };
    if (kind === 'pickle') return { hint: 'pickle' };
    if (kind === 'code') return { hint: 'torchscript-source' };
    return {};
  });
}
