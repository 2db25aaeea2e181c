// The judge's bookkeeping: findings wait WINDOW_AFTER ops for their evidence window and are flushed
// when a stream ends or breaks (a call before a truncation is still reported); import findings are
// held until a use of the name replaces them; verdicts are cached per global; constants are handed to
// the string detectors, and nested pickles and executables carried as constants are queued as children.
// judge.ts judges imports, calls and BUILDs on top of this.
import type { FindingInput, StringWhere } from '../../types';
import type { RuleId } from '../../rules';
import type { PolicyVerdict } from './policy';
import type { Knowledge } from './knowledge/types';
import { executableAt } from '../../detectors/executables';
import { startsWithLegacyMagic } from '../pytorch/sniff';
import { WINDOW_AFTER, WINDOW_BEFORE } from './evidence';
import { HIGHEST_PROTOCOL } from './opcodes';
import type { GlobalNode, Machine } from './machine';
import { strongerVerdict } from './shapes';
import { compressedHead, deflateWrapperHead, encodedCompressed, nestedPickle } from './nested';
import { EmbedSearch, embeddedPickleAt, encodedPickleHead, pickleHeadAt0 } from './embedded';

export type Classify = (module: string, name: string) => PolicyVerdict;

/** Payloads found inside the pickle, scanned as children once the stream is done. */
/** `codec`: a compressed constant, also searched for a pickle inside its decompressed bytes (inflated-search.ts). */
export type NestedPayload = { name: string; hint?: string; codec?: string } & ({ bytes: Uint8Array } | { range: [number, number] });

/** How a constant too large to keep is read again once the stream is done (JudgeEnv.searchLater). */
export type LaterKind = 'search' | 'text' | 'deflate';

export interface JudgeEnv {
  report(f: FindingInput): void;
  classify: Classify;
  inspectString?(text: string, where: StringWhere): void;
  nested?(p: NestedPayload): void;
  /**
   * A constant too large to keep ([start, end) of the source, its op at `off`), read again once the
   * stream is done: searched for a pickle inside it (embedded.ts searchRange), or ('text') decoded as
   * the base64, hex or latin-1 text of a pickle its prefix opens, or ('deflate') proved as the zlib or gzip
   * stream its prefix opens (a stored block outgrows the prefix) and then scanned as one, else searched.
   */
  searchLater?(start: number, end: number, off: number, kind: LaterKind): void;
  /** The per-file bound of the embedded-pickle search, shared with searchLater. */
  embedSearch?: EmbedSearch;
  /** A bound cut the scan short: the file is incomplete (ctx.limited). */
  limited?(why: string): void;
  embeddedPickle?(start: number): Promise<number>;
  charge?(ops: number): void;
  /** The knowledge base, for the facts of __setstate__ (verdicts come through classify). */
  knowledge?: Knowledge | null;
}

/**
 * Nested payloads queued per file; one more is a limit (the file is incomplete), never a silent skip.
 * Each child's work is charged to the file's budget (inflated bytes, pickle ops); this bounds the number
 * of child scans. Compressed blobs and zips held as bytes count too, so it leaves room for a cache of them.
 */
const MAX_NESTED = 256;
/** A ZIP local file header or an empty archive's end record (PK\x03\x04, PK\x05\x06) at the start. */
const isZipHead = (b: Uint8Array): boolean => b.length >= 22 && b[0] === 0x50 && b[1] === 0x4b
  && ((b[2] === 3 && b[3] === 4) || (b[2] === 5 && b[3] === 6));
/** The code points below U+0100 of a UTF-8 prefix as bytes (what _codecs.encode(s, 'latin1') makes of it); stops at anything else. */
function latin1OfUtf8(b: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c < 0x80) out.push(c);
    else if ((c === 0xc2 || c === 0xc3) && i + 1 < b.length) out.push(((c & 0x1f) << 6) | (b[++i]! & 0x3f));
    else break;
  }
  return new Uint8Array(out);
}
/** Strings are handed to the string detectors in blocks of about this many characters. */
const STRING_BLOCK = 16 * 1024;
/** Strings shorter than this are identifiers and numbers: not worth the detectors' time. */
const MIN_INSPECT = 16;
/** Strings at least this long may be docstrings (shorter text is names, paths and values). */
const MIN_PROSE = 200;

/** Several lines of mostly words with sentence punctuation: a docstring, not a command or a config value. */
function looksLikeDocstring(s: string): boolean {
  let lines = 0, words = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) lines++;
    else if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a || c === 0x20) words++;
  }
  return lines >= 3 && words >= s.length * 0.75 && /[a-z]\. [A-Z]/.test(s);
}

export interface Pending { f: FindingInput; head: string; mark: number; until: number; hold?: string; done?: boolean; cancelled?: boolean }

export abstract class JudgeBase {
  machine!: Machine;
  readonly imports = new Set<string>();
  readonly calls = new Map<string, string>();
  callCount = 0;
  protocols = new Set<number>();
  protected readonly verdicts = new Map<string, PolicyVerdict>();
  /** Offsets of bytes constants queued as nested pickles, with their finding (held). */
  protected readonly nestedConsts = new Map<number, Pending>();
  /** The same for latin-1 string constants (protocol 2 writes bytes as _codecs.encode(str, 'latin1')). */
  protected readonly nestedStrings = new Map<string, Pending>();
  protected pending: Pending[] = [];
  protected readonly held = new Map<string, Pending>();
  protected readonly seen = new Set<string>();
  protected nestedCount = 0;
  /** Offsets of string constants too large to keep whose text is a legacy torch stream (pickle.dumps(tensor), protocol 2). */
  protected readonly legacyText = new Set<number>();
  private limitSaid = false;
  private ownSearch: EmbedSearch | null = null;
  protected readonly queuedSigs = new Set<string>();
  protected strParts: string[] = [];
  protected strChars = 0;
  protected strFirst = -1;

  constructor(protected readonly env: JudgeEnv) {}

  verdict(g: GlobalNode): PolicyVerdict {
    return this.verdictOf(g.module, g.name, g.key);
  }

  protected verdictOf(module: string, name: string, key = `${module}.${name}`): PolicyVerdict {
    let v = this.verdicts.get(key);
    if (!v) {
      v = strongerVerdict(module, name, this.env.classify);
      if (this.verdicts.size < 100_000) this.verdicts.set(key, v);
    }
    return v;
  }

  /** The import finding held for `key` is replaced by a finding about its use (or by nothing). */
  protected cancelHeld(key: string): void {
    const held = this.held.get(key);
    if (held) { held.cancelled = true; this.held.delete(key); }
  }

  protected pointer(): string { return `op:${this.machine.ring.count - 1}`; }

  /** Queues a finding until its trailing opcode window has been seen. */
  protected raise(ruleId: RuleId, message: string, off: number, head: string, extra: Partial<FindingInput> = {}, hold?: string): void {
    const mark = this.machine.ring.count - 1;
    const p: Pending = { f: { ruleId, message, offset: off, pointer: this.pointer(), ...extra }, head, mark, until: mark + WINDOW_AFTER };
    if (hold) { p.hold = hold; this.held.set(hold, p); }
    this.pending.push(p);
    this.machine.waiting = true;
  }

  protected finalize(p: Pending): void {
    if (!p.done) {
      p.done = true;
      const lines = this.machine.ring.lines(p.mark - WINDOW_BEFORE, p.until + 1, p.mark);
      p.f.evidence = `${p.head}\n${lines.join('\n')}`;
    }
    if (!p.hold && !p.cancelled) this.env.report(p.f);
  }

  afterOp(): void {
    const now = this.machine.ring.count - 1;
    while (this.pending.length && this.pending[0]!.until <= now) this.finalize(this.pending.shift()!);
    this.machine.waiting = this.pending.length > 0;
  }

  /** End of a stream (or its failure): everything pending is reported with the window it has. */
  flush(): void {
    for (const p of this.pending) this.finalize(p);
    this.pending = [];
    this.machine.waiting = false;
    for (const p of this.held.values()) if (!p.cancelled) { p.hold = undefined; this.finalize(p); }
    this.held.clear();
    this.flushStrings();
  }

  onUnresolvedImport(why: string, off: number, fromCall = false): void {
    this.raise('pickle/unresolved-import', `Pickle imports a name it computes or cannot resolve: ${why}`, off, why,
      fromCall ? { severity: 'critical', severityReason: 'the module or name is computed by a call at load time' } : {});
  }

  protected nestedDecoded(payload: Uint8Array, sink: string, off: number): void {
    if (/(^|\.)(loads?|_loads)$/.test(sink) && !sink.startsWith('marshal')) {
      this.queue({ name: `<decoded@${off}>`, bytes: payload, hint: 'pickle' }, off);
    } else if (this.env.inspectString) {
      let s = '';
      for (let i = 0; i < Math.min(payload.length, 1 << 20); i++) s += String.fromCharCode(payload[i]!);
      this.env.inspectString(s, { offset: off, pointer: this.pointer() });
    }
  }

  onExt(code: number, off: number): void {
    this.raise('pickle/ext-code', `Pickle loads extension code ${code} from the copyreg registry`, off, `EXT ${code}`);
  }

  onProto(p: number, off: number): void {
    this.protocols.add(p);
    if (p > HIGHEST_PROTOCOL) this.raise('pickle/protocol-unknown', `PROTO ${p} is above the highest known protocol (${HIGHEST_PROTOCOL})`, off, `PROTO ${p}`);
  }

  onConst(v: string | Uint8Array, off: number, argOff: number, argLen: number, partial: boolean): void {
    if (typeof v === 'string' && v.length >= MIN_INSPECT && this.env.inspectString) {
      // A docstring pickled with an object (scipy's frozen distributions keep __doc__ in their state) is
      // prose for people: its links are documentation (INFO), its shell patterns still count.
      if (v.length >= MIN_PROSE && looksLikeDocstring(v)) this.env.inspectString(v, { offset: off, pointer: this.pointer(), documentation: true });
      else this.addString(v, off);
    }
    if (!this.env.nested) return;
    if (v instanceof Uint8Array && v.length >= 4) {
      // A complete executable carried as bytes is reported as the same bytes in a file would be: the
      // constant goes to the fallback sweep as a child (issue 11, item 6).
      const exe = executableAt(v, 0);
      if (exe && exe.kind !== 'script') {
        this.queue({ name: `<const@${off}>`, range: [argOff, argOff + argLen] }, off);
        return;
      }
    }
    if (partial) {
      // Only a prefix is in memory (disasm MAX_KEPT_ARG_BYTES): what starts the constant is judged from
      // it; a pickle further in is searched for from the source once the stream is done.
      if (!(v instanceof Uint8Array)) return;
      if (pickleHeadAt0(v, argLen)) this.nestedRange(argOff, argLen, off, 'raw', v);
      else if (isZipHead(v)) this.queue({ name: `<const@${off}>`, range: [argOff, argOff + argLen] }, off);
      else if (compressedHead(v)) this.queue({ name: `<const@${off}>`, range: [argOff, argOff + argLen], codec: compressedHead(v)! }, off);
      else if (encodedPickleHead(v, argLen)) {
        if (startsWithLegacyMagic(latin1OfUtf8(v.subarray(0, 64)))) this.legacyText.add(off);
        this.env.searchLater?.(argOff, argOff + argLen, off, 'text');
      } else this.env.searchLater?.(argOff, argOff + argLen, off, deflateWrapperHead(v) ? 'deflate' : 'search');
      return;
    }
    const n = nestedPickle(v);
    if (!n) {
      if (!(v instanceof Uint8Array)) {
        // base64 or hex of a bz2, xz, lz4, zstd or gzip stream: scanned by content as the bytes would be.
        const e = encodedCompressed(v);
        if (e) this.queue({ name: `<const@${off}>`, bytes: e.bytes, codec: e.codec }, off);
        return;
      }
      // A zip held as bytes (torch.save into a BytesIO, kept in a dict) is scanned as the file it is:
      // its members hold pickles at their own offsets, which the zip scanners find and judge. So is a
      // compressed stream (bz2, xz, lzma, lz4, zstd; zlib and gzip whose content is not a pickle): the
      // compressed scanner decompresses it under the file's budget and its content is scanned by type.
      if (isZipHead(v)) { this.queue({ name: `<const@${off}>`, range: [argOff, argOff + argLen] }, off); return; }
      const codec = compressedHead(v);
      if (codec) { this.queue({ name: `<const@${off}>`, range: [argOff, argOff + argLen], codec }, off); return; }
      const search = this.embedSearch();
      const at = embeddedPickleAt(v, search);
      if (at !== null) {
        this.raise('pickle/nested-pickle', `A bytes constant at ${off} holds a pickle at its byte ${at} (scanned as <const@${off}+${at}>)`, off, 'embedded', {}, `const@${off}`);
        this.queue({ name: `<const@${off}+${at}>`, range: [argOff + at, argOff + argLen], hint: 'pickle' }, off);
      } else if (search.exhausted) this.searchLimit(off);
      return;
    }
    if (n.how === 'raw') this.nestedRange(argOff, argLen, off, n.how, n.bytes);
    else {
      this.raise('pickle/nested-pickle', `A ${n.how} constant at ${off} holds a pickle (scanned as <const@${off}>)`, off, n.how, {}, `const@${off}`);
      const held = this.held.get(`const@${off}`);
      if (held && typeof v === 'string' && n.how === 'latin-1 string') this.nestedStrings.set(v, held);
      this.queue({ name: `<const@${off}>`, bytes: n.bytes, ...(startsWithLegacyMagic(n.bytes) ? {} : { hint: 'pickle' }) }, off);
    }
  }

  /** The file's embedded-pickle search bound (the scanner's, shared with its later searches). */
  protected embedSearch(): EmbedSearch {
    return this.env.embedSearch ?? (this.ownSearch ??= new EmbedSearch());
  }

  /** The embedded-pickle search spent its bound: reported once, the file is incomplete. */
  searchLimit(off: number): void {
    this.limit(`the embedded-pickle search stopped after ${this.embedSearch().sniffs} candidate parses`, off);
  }

  protected limit(why: string, off: number): void {
    if (this.limitSaid) return;
    this.limitSaid = true;
    this.env.limited?.(why);
    this.env.report({ ruleId: 'scan/limit-reached', message: `Constants were not all searched for nested payloads: ${why}`, offset: off });
  }

  protected nestedRange(argOff: number, argLen: number, off: number, how: string, head: Uint8Array | null): void {
    this.raise('pickle/nested-pickle', `A ${how} bytes constant at ${off} holds a pickle (scanned as <const@${off}>)`, off, how, {}, `const@${off}`);
    const held = this.held.get(`const@${off}`);
    if (held) this.nestedConsts.set(off, held);
    // A legacy torch.save stream (what pickle.dumps(tensor) embeds) goes to the legacy checkpoint
    // scanner, which knows its storages follow the pickles; anything else is a pickle.
    const legacy = head !== null && startsWithLegacyMagic(head);
    this.queue({ name: `<const@${off}>`, range: [argOff, argOff + argLen], ...(legacy ? {} : { hint: 'pickle' }) }, off);
  }

  protected queue(p: NestedPayload, off: number): void {
    // The same payload reached twice (a nested-pickle constant that also feeds a decode chain) is scanned once.
    if ('bytes' in p) {
      const b = p.bytes;
      let sig = `${b.length}:`;
      for (let i = 0; i < Math.min(b.length, 32); i++) sig += b[i]!.toString(16);
      for (let i = Math.max(0, b.length - 16); i < b.length; i++) sig += b[i]!.toString(16);
      if (this.queuedSigs.has(sig)) return;
      this.queuedSigs.add(sig);
    }
    if (this.nestedCount++ < MAX_NESTED) this.env.nested?.(p);
    else this.limit(`more than ${MAX_NESTED} nested payloads; ${p.name} and later ones were not scanned`, off);
  }

  protected addString(s: string, off: number): void {
    if (this.strFirst < 0) this.strFirst = off;
    this.strParts.push(s);
    this.strChars += s.length + 1;
    if (this.strChars >= STRING_BLOCK) this.flushStrings();
  }

  protected flushStrings(): void {
    if (this.strParts.length && this.env.inspectString) this.env.inspectString(this.strParts.join('\n'), { offset: this.strFirst });
    this.strParts = []; this.strChars = 0; this.strFirst = -1;
  }

  onEmbeddedPickle(start: number): Promise<number> {
    if (!this.env.embeddedPickle) return Promise.resolve(start);
    return this.env.embeddedPickle(start);
  }

  charge(ops: number): void { this.env.charge?.(ops); }
}
