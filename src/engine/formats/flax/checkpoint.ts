// Judges one Flax msgpack checkpoint (flax.serialization.to_bytes / msgpack_serialize, legacy
// `checkpoint_<step>` files, Orbax's pre-OCDBT aggregate `checkpoint`). Loading it runs no code by
// itself; the risks are leaves that are not what Flax writes (pickles, programs, object arrays, unknown
// extension types) which the code after loading may unpickle or run, and documents built to exhaust
// a decoder (absurd lengths, deep nesting, trailing data).
import type { ByteSource, JsonValue, ScanContext } from '../../types';
import { fromBytes } from '../../io/byte-source';
import { looksLikeText, utf8 } from '../../io/text';
import { byteRangeName } from '../child-names';
import { nestedPickle } from '../pickle/nested';
import { AbsurdLength, MAX_DEPTH, MsgStream, walk, type Container, type Value } from './walk';
import { checkComplex, EXT_COMPLEX, EXT_NDARRAY, EXT_NPSCALAR, NDARRAY_HEAD_BYTES, isObjectDtype, parseNdarray } from './ndarray';
import { EXEC_PEEK_BYTES, LEAF_PEEK_BYTES, needsLongPeek, recognisePayload } from './payload';
import type { FlaxState } from './sniff';

/** Children (payloads) handed to ctx.scanChild per checkpoint; each is a node of the file's budget. */
export const MAX_CHILDREN = 256;
/** Distinct dtypes and top-level keys listed in the notes. */
const MAX_NOTED = 64;
/** Key Flax uses for arrays split into chunks (serialization._chunk). */
const CHUNKED_KEY = '__msgpack_chunked_array__';

/**
 * Strings (keys and values) handed one by one to the string detectors, each with its own pointer. The
 * detectors cost microseconds per call whatever the length, so a document of millions of short strings
 * would take minutes: past this many, strings are joined into blocks of BATCH_CHARS inspected with the
 * pointer of their first string (every string is still inspected; only the location is coarser).
 */
export const MAX_PRECISE_STRINGS = 10_000;
const BATCH_CHARS = 16 * 1024;

class Strings {
  private precise = 0;
  private block: string[] = [];
  private chars = 0;
  private first: { pointer: string; offset: number } | null = null;
  batched = 0;

  constructor(private readonly ctx: ScanContext<FlaxState>) {}

  inspect(text: string, pointer: string, offset: number): void {
    if (this.precise < MAX_PRECISE_STRINGS) {
      this.precise++;
      this.ctx.inspectString(text, { pointer, offset });
      return;
    }
    this.batched++;
    this.first ??= { pointer, offset };
    this.block.push(text);
    this.chars += text.length + 1;
    if (this.chars >= BATCH_CHARS) this.flush();
  }

  flush(): void {
    if (!this.first) return;
    this.ctx.inspectString(this.block.join('\n'), this.first);
    this.block = [];
    this.chars = 0;
    this.first = null;
  }
}

/** msgpack-numpy's array layout ({nd: True, type, kind, shape, data}), collected while a map is walked. */
interface MapState { nd?: boolean; type?: string; data?: { offset: number; length: number } }

class Tally {
  constructor(readonly strings: Strings) {}
  leaves = 0;
  arrays = 0;
  params = 0;
  chunked = 0;
  children = 0;
  childLimit = false;
  readonly dtypes = new Map<string, number>();
  readonly topKeys: string[] = [];
  /** Payload offsets already handed over, so a layout check does not scan the same bytes twice. */
  readonly sent = new Set<number>();
}

export async function scanMsgpack(ctx: ScanContext<FlaxState>): Promise<void> {
  const size = ctx.source.size;
  const t = new Tally(new Strings(ctx));
  const stream = new MsgStream((o, n) => ctx.read(o, n), size, 0);
  const maxString = ctx.budget.limits.maxStringBytes;
  let result;
  try {
    result = await walk(stream, {
      keep: (h) => (h.kind === 'str' ? Math.min(h.length, maxString) : LEAF_PEEK_BYTES),
      value: (v, s) => judgeValue(ctx, t, v, s),
      open(c) {
        if (c.kind === 'map') c.state = {} satisfies MapState;
        if (c.depth === 2 && c.key !== null) noteTopKey(t, c.key);
        inspectKey(t, c.key, c.pointer, c.offset);
      },
      close: (c) => closeMap(ctx, t, c),
      tooDeep(pointer, offset) {
        ctx.report({ ruleId: 'flax/deep-nesting', message: `Maps and arrays nest deeper than ${MAX_DEPTH} levels at ${pointer || '/'}; the rest was not walked`, pointer, offset });
        ctx.limited('msgpack nesting above MAX_DEPTH');
      },
      checkAborted: () => ctx.checkAborted(),
    });
  } catch (e) {
    if (e instanceof AbsurdLength) {
      ctx.report({ ruleId: 'flax/absurd-length', message: `A msgpack ${e.header.kind} declares ${e.header.length} ${e.header.kind === 'map' || e.header.kind === 'array' ? 'items' : 'bytes'}; only ${e.available} bytes follow`,
        offset: e.header.offset });
    }
    throw e;
  } finally {
    t.strings.flush();
    writeNotes(ctx, t);
  }
  ctx.note('maxDepth', result.maxDepth);
  if (result.complete && result.end < size) {
    ctx.report({ ruleId: 'flax/trailing-data', message: `${size - result.end} bytes follow the end of the msgpack document; msgpack.unpackb refuses them`, offset: result.end });
    await ctx.scanChild(byteRangeName(result.end, size), ctx.source.slice(result.end, size));
  }
}

function noteTopKey(t: Tally, key: string): void {
  if (t.topKeys.length < MAX_NOTED) t.topKeys.push(key);
}

/** Module-scope names ('Dense_0', 'kernel', 'layers.0.attn') cannot carry code or links: not inspected. */
const PLAIN_KEY = /^[\w.\-]{0,128}$/;

function inspectKey(t: Tally, key: string | null, pointer: string, offset: number): void {
  if (key !== null && !PLAIN_KEY.test(key)) t.strings.inspect(key, pointer, offset);
}

function writeNotes(ctx: ScanContext<FlaxState>, t: Tally): void {
  ctx.note('leaves', t.leaves);
  ctx.note('arrays', t.arrays);
  ctx.note('parameters', t.params);
  const dtypes: Record<string, JsonValue> = {};
  for (const [k, n] of [...t.dtypes].slice(0, MAX_NOTED)) dtypes[k] = n;
  ctx.note('dtypes', dtypes);
  if (t.chunked) ctx.note('chunkedArrays', t.chunked);
  if (t.strings.batched) ctx.note('stringsInspectedInBlocks', t.strings.batched);
  ctx.note('topLevelKeys', t.topKeys);
}

/** Hands bytes of this node to the orchestrator, named by pointer and range so open() finds them. */
async function child(ctx: ScanContext<FlaxState>, t: Tally, pointer: string, offset: number, length: number, hint?: string): Promise<void> {
  if (t.sent.has(offset)) return;
  t.sent.add(offset);
  await send(ctx, t, `${pointer || '/'} ${byteRangeName(offset, offset + length)}`, ctx.source.slice(offset, offset + length), pointer, offset, hint);
}

/** The one place children leave this scanner: counted against MAX_CHILDREN, the overflow reported once. */
async function send(ctx: ScanContext<FlaxState>, t: Tally, name: string, source: ByteSource, pointer: string, offset: number, hint?: string): Promise<void> {
  if (t.children >= MAX_CHILDREN) {
    if (!t.childLimit) {
      t.childLimit = true;
      ctx.report({ ruleId: 'scan/limit-reached', message: `More than ${MAX_CHILDREN} payloads in one checkpoint; later ones were not scanned`, pointer, offset });
      ctx.limited('payload children above MAX_CHILDREN');
    }
    return;
  }
  t.children++;
  await ctx.scanChild(name, source, hint);
}

/** Synchronous for scalars (the bulk of a big tree); a promise only for str/bin/ext leaves. */
function judgeValue(ctx: ScanContext<FlaxState>, t: Tally, v: Value, stream: MsgStream): Promise<void> | void {
  t.leaves++;
  const { header: h, pointer } = v;
  if (v.parent?.depth === 1 && v.key !== null) noteTopKey(t, v.key);
  inspectKey(t, v.key, pointer, h.offset);
  const map = v.parent?.kind === 'map' ? (v.parent.state as MapState) : undefined;
  if (map && v.key === 'nd' && h.kind === 'bool') map.nd = h.value === true;
  if (map && v.key === CHUNKED_KEY) t.chunked++;
  if (h.kind === 'str' || h.kind === 'bin') {
    if (map && v.key === 'type' && h.length <= 64) map.type = utf8(v.prefix!);
    if (map && v.key === 'data' && h.kind === 'bin') map.data = { offset: v.payloadOffset, length: h.length };
    // msgpack-numpy writes numeric array data as a bin under 'data' after 'type': raw tensor bytes.
    const numeric = map?.nd === true && map.type !== undefined && !isObjectDtype(map.type) && v.key === 'data';
    return judgeBytes(ctx, t, v, stream, numeric);
  }
  if (h.kind === 'ext') return judgeExt(ctx, t, v, stream);
}

/** A str or bin leaf: payloads by content, text through the string detectors. */
async function judgeBytes(ctx: ScanContext<FlaxState>, t: Tally, v: Value, stream: MsgStream, rawTensor: boolean): Promise<void> {
  const { header: h, pointer, payloadOffset: at } = v;
  let prefix = v.prefix!;
  if (needsLongPeek(prefix) && prefix.length < h.length) prefix = await stream.prefix(h.length, EXEC_PEEK_BYTES);
  const hit = recognisePayload(prefix, h.length, rawTensor);
  if (hit) {
    ctx.report({ ruleId: 'flax/embedded-payload', message: `The ${h.kind} leaf ${pointer || '/'} holds a ${hit.description} (${h.length} bytes); it was scanned`,
      pointer, offset: at, evidence: hit.description });
    await child(ctx, t, pointer, at, h.length, hit.kind === 'pickle' ? 'pickle' : undefined);
    return;
  }
  if (rawTensor) return;
  const text = h.kind === 'str' || looksLikeText(prefix) ? utf8(prefix) : null;
  if (text !== null) t.strings.inspect(text, pointer, at);
  // Encoded (base64/hex) or zlib-compressed pickles: decoded under the pickle module's own bound.
  const nested = nestedPickle(text ?? prefix);
  if (nested && nested.how !== 'raw') {
    ctx.report({ ruleId: 'flax/embedded-payload', message: `The ${h.kind} leaf ${pointer || '/'} holds a ${nested.how}-encoded pickle; it was scanned`,
      pointer, offset: at, evidence: nested.how });
    await send(ctx, t, `${pointer || '/'} (${nested.how})`, fromBytes(nested.bytes, 'pickle'), pointer, at, 'pickle');
  }
}

async function judgeExt(ctx: ScanContext<FlaxState>, t: Tally, v: Value, stream: MsgStream): Promise<void> {
  const { header: h, pointer, payloadOffset: at } = v;
  const code = h.extType!;
  if (code === EXT_NDARRAY || code === EXT_NPSCALAR) {
    const head = await stream.view(at, Math.min(h.length, NDARRAY_HEAD_BYTES), 'ndarray extension');
    const r = parseNdarray(head, at, h.length);
    if (!r.ok) {
      ctx.report({ ruleId: 'flax/bad-ndarray', message: `The ${code === EXT_NDARRAY ? 'ndarray' : 'numpy scalar'} at ${pointer || '/'} will not load: ${r.reason}`, pointer, offset: at });
      return;
    }
    const a = r.value;
    t.arrays++;
    t.params += a.elements;
    t.dtypes.set(a.dtype, (t.dtypes.get(a.dtype) ?? 0) + 1);
    if (a.kind === 'object') {
      ctx.report({ ruleId: 'flax/object-array', message: `The ndarray at ${pointer || '/'} has dtype ${a.dtype}: its ${a.bufferLength}-byte buffer was scanned as a pickle`,
        pointer, offset: a.bufferOffset, evidence: a.dtype });
      await child(ctx, t, pointer, a.bufferOffset, a.bufferLength, 'pickle');
      return;
    }
    if (a.kind === 'unknown') {
      ctx.report({ ruleId: 'flax/unknown-dtype', message: `The ndarray at ${pointer || '/'} has the unrecognised dtype "${a.dtype}"`, pointer, offset: at, evidence: a.dtype });
    }
    if (a.itemSize !== null && a.elements * a.itemSize !== a.bufferLength) {
      ctx.report({ ruleId: 'flax/bad-ndarray', message: `The ndarray at ${pointer || '/'} (shape ${JSON.stringify(a.shape)}, ${a.dtype}) needs ${a.elements * a.itemSize} bytes but holds ${a.bufferLength}`,
        pointer, offset: a.bufferOffset });
    }
    await judgeBuffer(ctx, t, pointer, a.bufferOffset, a.bufferLength, stream, true);
    return;
  }
  if (code === EXT_COMPLEX) {
    const reason = h.length > 64 ? `the payload is ${h.length} bytes` : checkComplex(await stream.view(at, h.length, 'complex extension'));
    if (reason) ctx.report({ ruleId: 'flax/bad-ndarray', message: `The complex number at ${pointer || '/'} will not load: ${reason}`, pointer, offset: at });
    return;
  }
  ctx.report({ ruleId: 'flax/unknown-ext', message: `Extension type ${code} (${h.length} bytes) at ${pointer || '/'} is not one Flax writes`, pointer, offset: at, evidence: `ext ${code}` });
  await judgeBuffer(ctx, t, pointer, at, h.length, stream, false);
}

/** Looks at the front of an array buffer or ext payload for a pickle, program or archive. */
async function judgeBuffer(ctx: ScanContext<FlaxState>, t: Tally, pointer: string, at: number, length: number, stream: MsgStream, rawTensor: boolean): Promise<void> {
  if (length < 2) return;
  const saved = stream.pos;
  stream.pos = at;
  let prefix = await stream.prefix(length, LEAF_PEEK_BYTES);
  if (needsLongPeek(prefix) && prefix.length < length) prefix = await stream.prefix(length, EXEC_PEEK_BYTES);
  stream.pos = saved;
  const hit = recognisePayload(prefix, length, rawTensor);
  if (!hit) return;
  ctx.report({ ruleId: 'flax/embedded-payload', message: `The data at ${pointer || '/'} holds a ${hit.description} (${length} bytes) instead of ${rawTensor ? 'array values' : 'extension data'}; it was scanned`,
    pointer, offset: at, evidence: hit.description });
  await child(ctx, t, pointer, at, length, hit.kind === 'pickle' ? 'pickle' : undefined);
}

/** msgpack-numpy object arrays: {nd: true, type: '|O', data: <pickle>}; msgpack_numpy.decode unpickles data. */
async function closeMap(ctx: ScanContext<FlaxState>, t: Tally, c: Container): Promise<void> {
  if (c.kind !== 'map') return;
  const m = c.state as MapState;
  if (!m.nd || m.type === undefined || !isObjectDtype(m.type) || !m.data) return;
  ctx.report({ ruleId: 'flax/object-array', message: `The msgpack-numpy array at ${c.pointer || '/'} has dtype ${m.type}: msgpack_numpy.decode unpickles its data, which was scanned as a pickle`,
    pointer: c.pointer, offset: m.data.offset, evidence: m.type });
  await child(ctx, t, `${c.pointer}/data`, m.data.offset, m.data.length, 'pickle');
}
