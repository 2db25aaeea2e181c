// The pickle scanner: sniff (protocol 2-5 magic; protocol 0/1 by a strict parse of the head), then
// run every stream of the node through the symbolic machine and the judge. Bytes after a STOP are
// another stream, padding, or junk: junk is reported, resynchronised past when a pickle follows
// within RESYNC_WINDOW, and handed to ctx.scanChild so the fallback sweep looks at it.
import { FormatError, type ByteSource, type ScanContext, type Scanner } from '../../types';
import { exactSize, fromBytes } from '../../io/byte-source';
import { hex } from '../../io/text';
import type { Knowledge } from './knowledge/types';
import { pickleKnowledge } from './knowledge-load';
import { knowledgeClassifier } from './verdict';
import { findPickleEnd, OpReader } from './disasm';
import { Judge, type Classify, type JudgeEnv, type NestedPayload } from './judge';
import type { LaterKind } from './judge-base';
import { legacyTarget } from './legacy-names';
import { classifyGlobal } from './policy';
import { weightsOnlyAllows } from '../pytorch/weights-only';
import { Machine } from './machine';
import { compressedHead, DEFLATE_PROOF_INPUT, encodedCompressed, hasPickleMagic, MAX_NESTED_BYTES, nestedPickle, pickleStartsAt } from './nested';
import { utf8At } from './disasm';
import { startsWithLegacyMagic } from '../pytorch/sniff';
import { EmbedSearch, searchRange } from './embedded';
import { pickleSniffer } from './sniff';

/** How far past a STOP (or a broken op) the scanner looks for the next pickle. */
export const RESYNC_WINDOW = 1024 * 1024;
/** Pickle-start candidates tried per resync window (each is a short parse). */
const RESYNC_CANDIDATES = 4096;
/** Trailing bytes that are only whitespace or NULs and at most this long are padding, not junk. */
const MAX_PADDING = 64;
/** Streams per node. A file of a million empty pickles is an attack on the report. */
const MAX_STREAMS = 10_000;
/** Frame-split re-reads per node (each is a child scan of the rest of the node). */
const MAX_FRAME_SPLITS = 2;

export const pickleScanner: Scanner = {
  ...pickleSniffer,
  async scan(ctx) {
    // The knowledge base is loaded when the pickle first needs it (Machine.lazyKnowledge).
    await scanPickle(ctx, classifierFor(null), null, pickleKnowledge);
  },
};

let classifier: { knowledge: Knowledge | null; classify: Classify } | null = null;

/** One layered classifier per loaded knowledge base (verdict.ts); the judge caches verdicts per scan. */
function classifierFor(knowledge: Knowledge | null): Classify {
  if (classifier?.knowledge !== knowledge) classifier = { knowledge, classify: knowledgeClassifier(knowledge) };
  return classifier.classify;
}

/** 'c' module '\n' name '\n' with identifier names: a GLOBAL worth a resync attempt anywhere in junk. */
function globalLineAt(b: Uint8Array, i: number): boolean {
  let k = i + 1, lines = 0;
  for (let len = 0; k < b.length && k < i + 200; k++, len++) {
    const c = b[k]!;
    if (c === 0x0a) { if (len === 0 || ++lines === 2) break; len = -1; continue; }
    if (!(c === 0x2e || c === 0x5f || (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a))) return false;
  }
  return lines === 2;
}

function errorRule(e: FormatError): 'pickle/truncated' | 'pickle/unknown-opcode' | null {
  if (e.message.startsWith('pickle truncated')) return 'pickle/truncated';
  if (e.message.startsWith('invalid opcode')) return 'pickle/unknown-opcode';
  return null;
}

function isPadding(b: Uint8Array): boolean {
  if (b.length > MAX_PADDING) return false;
  for (const c of b) if (c !== 0 && c !== 0x0a && c !== 0x0d && c !== 0x20 && c !== 0x09) return false;
  return true;
}

function allZero(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] !== 0) return false;
  return b.length > 0;
}

/** The end of the data when every byte from `from` on is zero (read forward in RESYNC_WINDOW chunks), else null. */
async function zerosToEnd(ctx: ScanContext, from: number): Promise<number | null> {
  let p = from;
  // ctx.source.size is re-read each time: an unsized stream learns its end on the read that reaches it.
  while (p < ctx.source.size) {
    ctx.checkAborted();
    const c = await ctx.read(p, Math.min(RESYNC_WINDOW, ctx.source.size - p));
    if (!allZero(c)) return c.length ? null : p;
    p += c.length;
  }
  return p;
}

/**
 * A global whose verdict the knowledge base cannot change (knowledgeClassifier, verdict.ts): a plain
 * name that torch.load(weights_only=True) accepts, that the reviewed dangerous list does not name and
 * that is not an old spelling of another name. Such a verdict comes from the overrides alone.
 */
export function judgedWithoutKnowledge(module: string, name: string): boolean {
  return !name.includes('.') && weightsOnlyAllows(module, name) && legacyTarget(module, name) === null
    && classifyGlobal(module, name).level !== 'dangerous';
}

/**
 * Scans every pickle stream of ctx.source. `classify` is the policy and `knowledge` its facts (injectable
 * for tests); with `loadKnowledge`, they are replaced by the knowledge base's when the pickle first
 * imports a name whose verdict it could change.
 */
export async function scanPickle(ctx: ScanContext, classify: Classify, knowledge: Knowledge | null = null,
  loadKnowledge?: () => Promise<Knowledge | null>): Promise<void> {
  const src = ctx.source;
  // src.size is read where it is used: a stream decoded in one pass learns its size at its end (compressed/unsized.ts).
  const queue: NestedPayload[] = [];
  const later: Array<{ start: number; end: number; off: number; kind: LaterKind }> = [];
  const embedSearch = new EmbedSearch();
  const env: JudgeEnv = {
    report: (f) => ctx.report(f),
    classify,
    knowledge,
    inspectString: (t, w) => ctx.inspectString(t, w),
    nested: (p) => queue.push(p),
    searchLater: (start, end, off, kind) => { later.push({ start, end, off, kind }); },
    embedSearch,
    limited: (why) => ctx.limited(why),
    charge: (n) => { ctx.budget.chargePickleOps(n); ctx.checkAborted(); },
    embeddedPickle: async (start) => {
      // joblib object-dtype arrays: a whole protocol-2 pickle written in place of the array bytes.
      const end = await findPickleEnd(src, start);
      if (end === null) throw new FormatError(`joblib object array at ${start} is not a complete pickle`, start);
      queue.push({ name: `<array@${start}>`, range: [start, end], hint: 'pickle' });
      return end;
    },
  };
  const judge = new Judge(env);
  const machine = new Machine(judge);
  judge.machine = machine;
  if (loadKnowledge) {
    machine.lazyKnowledge = {
      needs: (module, name) => !judgedWithoutKnowledge(module, name),
      load: async () => {
        const k = await loadKnowledge();
        env.knowledge = k;
        env.classify = classifierFor(k);
      },
    };
  }

  let pos = 0;
  let streams = 0;
  let firstError: FormatError | null = null;
  let frameIssues = 0;
  let brokeAt = -1;
  let splits = 0;
  try {
    while (pos < src.size && streams < MAX_STREAMS) {
      machine.newStream();
      const r = new OpReader((o, l) => ctx.read(o, l), pos, src.size);
      let next: number | null = null;
      try {
        next = await machine.run(r);
        streams++;
      } catch (e) {
        if (!(e instanceof FormatError)) throw e;
        judge.flush();
        streams++;
        firstError ??= e;
        const rule = errorRule(e);
        if (rule) ctx.report({ ruleId: rule, message: `Stream ${streams}: ${e.message}`, offset: e.offset ?? r.pos });
        if (rule === 'pickle/truncated') break;
        next = (e.offset ?? r.pos) + 1; // resync past the broken op
        brokeAt = next;
      } finally {
        judge.flush();
        for (const fi of r.frameIssues) {
          if (frameIssues++ === 0) ctx.report({ ruleId: 'pickle/frame-mismatch', message: `Frame boundary mismatch: ${fi.detail}`, offset: fi.offset });
          // A loader that honours frame lengths resumes at the frame end, in the middle of this op: what it
          // would run from there is scanned too (the parser-differential payload).
          if (fi.kind === 'straddle' && splits++ < MAX_FRAME_SPLITS && fi.frameEnd < src.size) {
            queue.push({ name: `<frame-split@${fi.frameEnd}>`, range: [fi.frameEnd, src.size], hint: 'pickle' });
          }
        }
      }
      if (next === null || next >= src.size) break;
      const resync = await afterStop(ctx, next, streams, firstError !== null && brokeAt === next);
      if (resync === null) break;
      pos = resync;
    }
    if (pos < src.size && streams >= MAX_STREAMS) {
      ctx.limited(`stopped after ${MAX_STREAMS} pickle streams`);
      ctx.report({ ruleId: 'scan/limit-reached', message: `Stopped after ${MAX_STREAMS} pickle streams; the rest was not scanned`, offset: pos });
    }
  } finally {
    ctx.note('streams', streams);
    ctx.note('opcodes', machine.ops);
    ctx.note('protocol', judge.protocols.size ? Math.max(...judge.protocols) : 0);
    ctx.note('imports', [...judge.imports]);
    ctx.note('calls', [...judge.calls.values()]);
    ctx.note('callCount', judge.callCount);
    if (frameIssues > 1) ctx.note('frameIssues', frameIssues);
  }
  // Constants too large to keep, searched from the source for a pickle that starts inside them.
  for (const c of later) {
    if (c.kind === 'text') {
      // The text of an encoded pickle too large to keep: read whole (up to what nestedPickle decodes) and decoded.
      if (c.end - c.start > MAX_NESTED_BYTES * 2) {
        ctx.limited('an encoded pickle constant is larger than MAX_NESTED_BYTES decoded');
        ctx.report({ ruleId: 'scan/limit-reached', message: `The string constant at ${c.off} opens an encoded pickle of ${c.end - c.start} characters, more than are decoded; it was not scanned`, offset: c.off });
        continue;
      }
      const text = utf8At(await ctx.read(c.start, c.end - c.start), 0, c.end - c.start);
      const n = nestedPickle(text);
      if (!n) {
        // base64 or hex of a compressed stream: scanned by content, and searched inside, as a compressed constant.
        const e = encodedCompressed(text);
        if (e) queue.push({ name: `<const@${c.off}>`, bytes: e.bytes, codec: e.codec });
        continue;
      }
      const name = `<const@${c.off}>`;
      const legacy = startsWithLegacyMagic(n.bytes);
      if (!legacy) ctx.report({ ruleId: 'pickle/nested-pickle', message: `A ${n.how} constant at ${c.off} holds a pickle (scanned as ${name})`, offset: c.off });
      queue.push({ name, bytes: n.bytes, ...(legacy ? {} : { hint: 'pickle' }) });
      continue;
    }
    if (c.kind === 'deflate') {
      // Proved again from more of the source: the kept prefix may end inside a stored block.
      const codec = compressedHead(await ctx.read(c.start, Math.min(c.end - c.start, DEFLATE_PROOF_INPUT)));
      if (codec) { queue.push({ name: `<const@${c.off}>`, range: [c.start, c.end], codec }); continue; }
    }
    const at = await searchRange((o, l) => ctx.read(o, l), c.start, c.end, embedSearch, () => ctx.checkAborted());
    if (embedSearch.exhausted) { judge.searchLimit(c.off); break; }
    if (at === null) continue;
    const name = `<const@${c.off}+${at}>`;
    ctx.report({ ruleId: 'pickle/nested-pickle', message: `A bytes constant at ${c.off} holds a pickle at its byte ${at} (scanned as ${name})`, offset: c.off });
    queue.push({ name, range: [c.start + at, c.end], hint: 'pickle' });
  }
  for (const p of queue) {
    const child: ByteSource = 'bytes' in p ? fromBytes(p.bytes, p.name) : src.slice(p.range[0], p.range[1], p.name);
    await ctx.scanChild(p.name, child, p.hint);
    if (p.codec && !embedSearch.exhausted) await searchInflated(ctx, p.name, p.codec, child, embedSearch, judge);
  }
  if (firstError) throw firstError;
}

/** A pickle inside a compressed constant's decompressed bytes, past byte 0: scanned as a pickle child. */
async function searchInflated(ctx: ScanContext, name: string, codec: string, child: ByteSource, search: EmbedSearch, judge: Judge): Promise<void> {
  // Loaded on first use: it brings every codec (bz2, xz, LZMA, zstd, lz4: ~130 KB), which a pickle without a
  // compressed constant never needs, and which would otherwise load with every pickle and torch.save scan.
  const { inflatedPickleAt } = await import('./inflated-search');
  const { hit, cut } = await inflatedPickleAt(codec, child, ctx.budget, search, () => ctx.checkAborted());
  if (search.exhausted) { judge.searchLimit(0); return; }
  if (cut) {
    ctx.limited(`the decompressed bytes of ${name} passed the decompression caps`);
    ctx.report({ ruleId: 'scan/limit-reached', message: `Only the first decompressed bytes of ${name} (up to the decompression caps) were searched for a pickle inside them` });
  }
  if (!hit) return;
  const at = `${name} (decompressed)+${hit.at}`;
  ctx.report({ ruleId: 'pickle/nested-pickle', message: `The decompressed bytes of ${name} hold a pickle at their byte ${hit.at} (scanned as ${at})` });
  await ctx.scanChild(at, fromBytes(hit.bytes.subarray(hit.at), at), 'pickle');
}

/**
 * What follows a STOP (or a broken op) at `at`: the offset of the next pickle, or null when nothing
 * more is to be parsed. Junk is reported and its region handed to the fallback sweep.
 */
async function afterStop(ctx: ScanContext, at: number, streams: number, afterError: boolean): Promise<number | null> {
  const win = await ctx.read(at, Math.min(RESYNC_WINDOW, ctx.source.size - at));
  const size = ctx.source.size; // after the read, which may have found the end (compressed/unsized.ts)
  if (at >= size) return null;
  const total = size - at;
  if (pickleStartsAt(win, 0, total)) return at;
  if (win.length === total && isPadding(win)) { ctx.note('trailingPadding', total); return null; }
  // Only zeros to the end (a writer's preallocated tail, or a bomb's filler): reported as any junk, but not
  // handed to the sweep, which finds nothing in zeros and, on a stream decoded in one pass (compressed/
  // unsized.ts), would send the decoder back to `at` once more. Read forward once, it costs one pass.
  const zeros = allZero(win) ? await zerosToEnd(ctx, at + win.length) : null;
  if (zeros !== null) {
    ctx.report({ ruleId: 'pickle/bytes-after-stop', message: `${zeros - at} bytes after stream ${streams} are not a pickle (all zeros to the end)`,
      offset: at, evidence: hex(win.subarray(0, 32), 32) });
    return null;
  }
  let q = -1;
  let tried = 0;
  for (let i = 1; i < win.length && tried < RESYNC_CANDIDATES; i++) {
    const c = win[i]!;
    // Candidates: protocol 2+ magic, or a protocol 0/1 GLOBAL/MARK/container right after a STOP byte.
    if (c === 0x80 ? hasPickleMagic(win, i) : (win[i - 1] === 0x2e && (c === 0x63 || c === 0x28 || c === 0x7d || c === 0x5d)) || (c === 0x63 && globalLineAt(win, i))) {
      tried++;
      if (pickleStartsAt(win, i, total)) { q = i; break; }
    }
  }
  const end = q < 0 ? await exactSize(ctx.source) : at + q;
  // After a broken op the malformed finding already speaks for these bytes; they are still swept.
  if (!afterError) ctx.report({ ruleId: 'pickle/bytes-after-stop',
    message: `${end - at} bytes after stream ${streams} are not a pickle${q < 0 ? '' : `; another pickle starts at ${end}`} (swept as <after-stop@${at}>)`,
    offset: at, evidence: hex(win.subarray(0, 32), 32) });
  await ctx.scanChild(`<after-stop@${at}>`, ctx.source.slice(at, end, `<after-stop@${at}>`));
  return q < 0 ? null : end;
}
