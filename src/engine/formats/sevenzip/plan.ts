// Which members of a listed 7z archive are extracted, and how, decided from the listing alone so that
// scan() and open() (navigate.ts) reach the same children in the same order under the same names.
//
// 'all': one `x` of the whole archive, when nothing must be held back and the declared total fits
//   MAX_EXTRACT_ALL_BYTES (and one member's memory): solid blocks are decoded once, and extracted files map back to listed names
//   by creation order (7-Zip extracts in item order; MEMFS inode numbers only grow).
// 'each': one `x -spd -- <name>` per member otherwise, each checked against maxMemberBytes first.
//   Extracting a member of a solid block decodes the block from its start, so every call is charged
//   to the inflated budget for the whole prefix it decodes: a solid archive of many large members
//   runs out of budget (incomplete) instead of costing quadratic time.
import type { Limits } from '../../limits';
import { RATIO_FLOOR_BYTES } from '../../io/inflate';
import type { SevenZipEntry } from './parse';
import type { Extraction, RunResult, SevenZipSession } from './session';

/**
 * Declared bytes above which the archive is extracted member by member even when nothing is held
 * back: one `x` of everything keeps every member in MEMFS at once (and MEMFS grows a file's buffer by
 * doubling, so up to twice the bytes), which a browser worker should not hold for a large archive.
 */
export const MAX_EXTRACT_ALL_BYTES = 128 * 1024 ** 2;

export type SkipReason = 'encrypted' | 'bomb' | 'too-large' | 'unknown-size';

export interface BlockStats { block: number; unpacked: number; packed: number; bomb: boolean }

export interface Plan {
  mode: 'all' | 'each' | 'none';
  /** Members whose content is scanned (regular files), in item order. */
  extract: SevenZipEntry[];
  /** Symbolic links: extracted too (as MEMFS links) so their targets can be judged. */
  links: SevenZipEntry[];
  skipped: Array<{ entry: SevenZipEntry; why: SkipReason }>;
  blocks: BlockStats[];
  /** Declared bytes of everything in `extract`. */
  total: number;
}

export function planExtraction(entries: readonly SevenZipEntry[], limits: Readonly<Limits>, inflatedRemaining: number): Plan {
  const blocks = blockStats(entries, limits);
  const bombs = new Set(blocks.filter((b) => b.bomb).map((b) => b.block));
  const extract: SevenZipEntry[] = [], links: SevenZipEntry[] = [];
  const skipped: Plan['skipped'] = [];
  let total = 0;
  for (const e of entries) {
    if (e.isDir) continue;
    if (e.encrypted) skipped.push({ entry: e, why: 'encrypted' });
    else if (e.block !== undefined && bombs.has(e.block)) skipped.push({ entry: e, why: 'bomb' });
    else if (e.size === undefined) skipped.push({ entry: e, why: 'unknown-size' });
    else if (e.size > limits.maxMemberBytes) skipped.push({ entry: e, why: 'too-large' });
    else if (e.isSymlink) links.push(e);
    else { extract.push(e); total += e.size; }
  }
  const fitsOnce = total <= Math.min(MAX_EXTRACT_ALL_BYTES, limits.maxMemberBytes, inflatedRemaining);
  const mode = extract.length + links.length === 0 ? 'none' : skipped.length === 0 && fitsOnce ? 'all' : 'each';
  return { mode, extract, links, skipped, blocks, total };
}

/** Per solid block: declared unpacked bytes, packed bytes (listed on its first file), ratio verdict. */
function blockStats(entries: readonly SevenZipEntry[], limits: Readonly<Limits>): BlockStats[] {
  const byBlock = new Map<number, BlockStats>();
  for (const e of entries) {
    if (e.block === undefined || e.isDir) continue;
    const s = byBlock.get(e.block) ?? { block: e.block, unpacked: 0, packed: 0, bomb: false };
    s.unpacked += e.size ?? 0;
    s.packed = Math.max(s.packed, e.packedSize ?? 0);
    byBlock.set(e.block, s);
  }
  for (const s of byBlock.values()) {
    // The same cap as io/inflate.ts: small outputs are never bombs, whatever their ratio.
    s.bomb = s.unpacked > Math.max(RATIO_FLOOR_BYTES, limits.maxCompressionRatio * Math.max(1, s.packed));
  }
  return [...byBlock.values()];
}

export interface Child { name: string; entry?: SevenZipEntry; bytes: Uint8Array }

export interface ExtractReport {
  runs: RunResult[];
  links: Array<{ entry?: SevenZipEntry; name: string; target: string }>;
  /** Members that produced no file. */
  missing: SevenZipEntry[];
}

/**
 * Extracts the plan's members and yields each file's bytes, one at a time (each read is freed from
 * MEMFS before it is yielded). `charge(n)` is called before a run with the bytes it will decode.
 */
export async function* extractPlanned(session: SevenZipSession, plan: Plan, entries: readonly SevenZipEntry[],
  charge: (bytes: number) => void, report: ExtractReport): AsyncGenerator<Child> {
  if (plan.mode === 'none') return;
  if (plan.mode === 'all') {
    charge(plan.total);
    const x = session.extract();
    report.runs.push(x.run);
    collectLinks(x, plan.links, report);
    // Created files map to listed files in order when the counts agree; otherwise output paths are used.
    const byOrder = x.files.length === plan.extract.length;
    if (!byOrder) report.missing.push(...plan.extract.slice(x.files.length));
    try {
      for (let i = 0; i < x.files.length; i++) {
        const f = x.files[i]!;
        const entry = byOrder ? plan.extract[i] : undefined;
        yield { name: entry?.path ?? f.outPath, entry, bytes: session.take(x.dir, f.outPath) };
      }
    } finally {
      session.discard(x);
    }
    return;
  }
  const done = new Set<string>();
  for (const e of [...plan.extract, ...plan.links]) {
    if (done.has(e.path)) continue; // duplicates of a name came out together
    done.add(e.path);
    charge(solidPrefix(entries, e));
    const x = session.extract([e.path]);
    report.runs.push(x.run);
    if (e.isSymlink) { collectLinks(x, [e], report); continue; }
    if (x.files.length === 0) report.missing.push(e);
    try {
      for (const f of x.files) yield { name: e.path, entry: e, bytes: session.take(x.dir, f.outPath) };
    } finally {
      session.discard(x);
    }
  }
}

/** Bytes 7-Zip decodes to reach the end of `e`: its block from the start up to and including it. */
function solidPrefix(entries: readonly SevenZipEntry[], e: SevenZipEntry): number {
  if (e.block === undefined) return e.size ?? 0;
  let n = 0;
  for (const o of entries) {
    if (o.block === e.block && !o.isDir && o.index <= e.index) n += o.size ?? 0;
  }
  return n;
}

/** Dangerous links are refused by 7-Zip with this message; the others become MEMFS links. */
const DANGEROUS_LINK = /^ERROR: Dangerous link path was ignored : (.*) : (.*)$/;

function collectLinks(x: Extraction, listed: readonly SevenZipEntry[], report: ExtractReport): void {
  const byName = new Map(listed.map((e) => [e.path, e]));
  for (const l of x.links) report.links.push({ entry: byName.get(l.outPath), name: l.outPath, target: l.target });
  for (const line of x.run.err) {
    const m = DANGEROUS_LINK.exec(line);
    if (m) report.links.push({ entry: byName.get(m[1]!), name: m[1]!, target: m[2]! });
  }
}
