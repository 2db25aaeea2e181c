// GGUF scanner: judges the header only (ggml docs/gguf.md). Tensor data is never read: bounds,
// overlaps and alignment are checked from the tensor infos against the file size, so a 70 GB model
// costs one pass over its metadata. Chat templates are the executable part of a GGUF file (llama.cpp,
// llama-cpp-python and Ollama render them with Jinja: CVE-2024-34359), so they go to the jinja scanner.
import { FormatError, type ScanContext, type Scanner } from '../../types';
import { fromBytes } from '../../io/byte-source';
import { encodeUtf8, hex, startsWith } from '../../io/text';
import { AbsurdCount, parseGguf, VOCAB_KEYS, type GgufHeader, type GgufTensor, type GgufValue } from './parse';
import { GGML_TYPES, GGUF_MAGIC, ValueType } from './types';
import { ggufSniffer, type GgufSniff } from './sniff';
import { NameMap } from '../../io/name-map';

/** Metadata strings handed to the string detectors per file: bounds detector work on odd files. */
export const MAX_INSPECTED_STRINGS = 4096;
/** Metadata keys kept in notes. */
export const MAX_NOTED_KEYS = 200;

const SAFE = Number.MAX_SAFE_INTEGER;
const CHAT_TEMPLATE = 'tokenizer.chat_template';

async function scan(ctx: ScanContext<GgufSniff>): Promise<void> {
  const legacy = ctx.state?.legacy;
  if (legacy) {
    const b = ctx.head.bytes;
    const version = legacy.versioned && b.length >= 8 ? (b[4]! | (b[5]! << 8) | (b[6]! << 16)) + b[7]! * 0x1000000 : null;
    ctx.note('container', legacy.name);
    if (version !== null) ctx.note('legacyVersion', version);
    ctx.report({ ruleId: 'gguf/legacy-ggml', offset: 0, evidence: hex(b.subarray(0, 8)),
      message: `Pre-GGUF ${legacy.name} file${version !== null ? ` (version ${version})` : ''}: only recognised, its hyperparameters and vocabulary are not parsed` });
    return;
  }
  if (!startsWith(ctx.head.bytes, GGUF_MAGIC)) {
    throw new FormatError('named .gguf but does not start with the GGUF magic', 0);
  }
  let h: GgufHeader;
  try {
    h = await parseGguf((o, n) => ctx.read(o, n), ctx.source.size, () => ctx.checkAborted());
  } catch (e) {
    if (e instanceof AbsurdCount) {
      ctx.report({ ruleId: 'gguf/absurd-count', offset: e.offset, evidence: e.message,
        message: `The ${e.what} read from the header is absurd; a loader trusting it allocates or reads out of bounds` });
    }
    throw e;
  }
  ctx.checkAborted();
  judgeMetadata(ctx, h);
  judgeTensors(ctx, h);
  await sendTemplates(ctx, h);
  noteFacts(ctx, h);
}

/** JSON pointer token (RFC 6901). */
const token = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');

function judgeMetadata(ctx: ScanContext<GgufSniff>, h: GgufHeader): void {
  const seen = new NameMap<true>(); // keys may be 1 MiB long (io/name-map.ts)
  let inspected = 0;
  const inspect = (text: string, pointer: string) => {
    if (inspected++ < MAX_INSPECTED_STRINGS) ctx.inspectString(text, { pointer, key: pointer });
  };
  for (const kv of h.kvs) {
    const pointer = `/metadata/${token(kv.key)}`;
    if (seen.has(kv.key)) {
      ctx.report({ ruleId: 'gguf/duplicate-key', offset: kv.offset, pointer,
        message: `The metadata key "${kv.key}" appears twice; gguf.cpp refuses the file and other readers disagree on which wins` });
    }
    seen.set(kv.key, true);
    if (kv.clipped) ctx.limited(`metadata string ${kv.key} only partly inspected`);
    if (VOCAB_KEYS.has(kv.key)) continue; // vocabularies: huge and noisy; noted, not inspected
    if (isTemplateKey(kv.key)) continue;  // goes to the jinja scanner whole
    walkStrings(kv.value, pointer, inspect);
  }
  if (inspected > MAX_INSPECTED_STRINGS) ctx.limited(`only ${MAX_INSPECTED_STRINGS} metadata strings inspected`);
  if (h.badAlignment !== null) {
    ctx.report({ ruleId: 'gguf/bad-alignment', pointer: '/metadata/general.alignment', evidence: String(show(h.badAlignment)),
      message: 'general.alignment is not a u32 power of two; gguf.cpp refuses the file and laxer readers place tensors elsewhere' });
  }
}

function walkStrings(v: GgufValue, pointer: string, visit: (text: string, pointer: string) => void): void {
  if (typeof v === 'string') visit(v, pointer);
  else if (typeof v === 'object') v.items.forEach((item, i) => walkStrings(item, `${pointer}/${i}`, visit));
}

const isTemplateKey = (k: string) => k === CHAT_TEMPLATE || k.startsWith(`${CHAT_TEMPLATE}.`);

function show(v: GgufValue): string {
  return typeof v === 'object' ? `array of ${v.length}` : String(v).slice(0, 64);
}

/** Bytes a tensor occupies (ggml_nbytes for a contiguous tensor), or null when unknown or absurd. */
export function tensorBytes(t: GgufTensor): number | null {
  const traits = GGML_TYPES.get(t.type);
  const n = elementCount(t.dims);
  if (!traits || n === null) return null;
  const [, block, size] = traits;
  // gguf.cpp refuses a first dimension that is not a whole number of blocks.
  if ((t.dims[0] ?? 1) % block !== 0) return null;
  const bytes = (n / block) * size;
  return bytes > SAFE ? null : bytes;
}

function elementCount(dims: readonly number[]): number | null {
  let n = 1;
  for (const d of dims) {
    n *= d;
    if (!(n <= SAFE)) return null;
  }
  return n;
}

function judgeTensors(ctx: ScanContext<GgufSniff>, h: GgufHeader): void {
  const size = ctx.source.size;
  const placed: Array<{ t: GgufTensor; begin: number; end: number }> = [];
  const names = new NameMap<true>(); // names may be 1 MiB long (io/name-map.ts)
  for (const t of h.tensors) {
    const pointer = `/tensors/${token(t.name)}`;
    if (names.has(t.name)) {
      ctx.report({ ruleId: 'gguf/duplicate-key', offset: t.infoOffset, pointer,
        message: `The tensor name "${t.name}" appears twice; readers disagree on which one a model loads` });
    }
    names.set(t.name, true);
    const traits = GGML_TYPES.get(t.type);
    if (!traits) {
      ctx.report({ ruleId: 'gguf/unknown-tensor-type', offset: t.infoOffset, pointer, evidence: `type ${t.type}`,
        message: `Tensor "${t.name}" declares the unknown ggml type ${t.type}; its size cannot be checked` });
      continue;
    }
    const elements = elementCount(t.dims);
    const bytes = tensorBytes(t);
    if (elements === null || bytes === null) {
      ctx.report({ ruleId: 'gguf/absurd-count', offset: t.infoOffset, pointer, evidence: `${traits[0]} [${t.dims.join(', ')}]`,
        message: `Tensor "${t.name}" has dimensions whose product overflows or is not a whole number of ${traits[0]} blocks` });
      continue;
    }
    if (t.offset % h.alignment !== 0) {
      ctx.report({ ruleId: 'gguf/misaligned-tensor', offset: t.infoOffset, pointer, evidence: `offset ${t.offset}, alignment ${h.alignment}`,
        message: `Tensor "${t.name}" data offset is not a multiple of the ${h.alignment}-byte alignment; gguf.cpp refuses the file` });
    }
    const begin = h.dataStart + t.offset;
    const end = begin + bytes;
    if (!(end <= size)) {
      ctx.report({ ruleId: 'gguf/tensor-out-of-bounds', offset: t.infoOffset, pointer,
        evidence: `[${Number.isFinite(begin) ? begin : '≥ 2^53'}, ${Number.isFinite(end) ? end : '≥ 2^53'}) in a ${size}-byte file`,
        message: `Tensor "${t.name}" data (${bytes} bytes) ends past the end of the file` });
      continue;
    }
    if (bytes > 0) placed.push({ t, begin, end });
  }
  placed.sort((a, b) => a.begin - b.begin || a.end - b.end);
  let last: (typeof placed)[number] | null = null;
  for (const p of placed) {
    if (last && p.begin < last.end) {
      ctx.report({ ruleId: 'gguf/overlapping-tensors', offset: p.begin, pointer: `/tensors/${token(p.t.name)}`,
        evidence: `"${last.t.name}" [${last.begin}, ${last.end}) and "${p.t.name}" [${p.begin}, ${p.end})`,
        message: `Tensors "${last.t.name}" and "${p.t.name}" share ${Math.min(last.end, p.end) - p.begin} bytes` });
    }
    if (!last || p.end > last.end) last = p;
  }
}

async function sendTemplates(ctx: ScanContext<GgufSniff>, h: GgufHeader): Promise<void> {
  for (const kv of h.kvs) {
    if (!isTemplateKey(kv.key)) continue;
    if (typeof kv.value !== 'string') {
      ctx.report({ ruleId: 'gguf/unexpected-type', offset: kv.offset, pointer: `/metadata/${token(kv.key)}`,
        message: `${kv.key} is ${kv.type === ValueType.ARRAY ? 'an array' : 'not a string'}; loaders expect a template string` });
      continue;
    }
    await ctx.scanChild(kv.key, fromBytes(encodeUtf8(kv.value), kv.key), 'jinja');
  }
}

function noteFacts(ctx: ScanContext<GgufSniff>, h: GgufHeader): void {
  const get = (k: string) => h.kvs.find((kv) => kv.key === k)?.value;
  const arch = get('general.architecture');
  ctx.note('version', h.version);
  ctx.note('tensorCount', h.tensors.length);
  ctx.note('metadataKeys', h.kvs.slice(0, MAX_NOTED_KEYS).map((kv) => kv.key));
  ctx.note('alignment', h.alignment);
  ctx.note('dataStart', h.dataStart);
  if (typeof arch === 'string') {
    ctx.note('architecture', arch.slice(0, 128));
    const context = get(`${arch}.context_length`);
    if (typeof context === 'number' && Number.isFinite(context)) ctx.note('contextLength', context);
  }
  const name = get('general.name');
  if (typeof name === 'string') ctx.note('name', name.slice(0, 128));
  const fileType = get('general.file_type');
  if (typeof fileType === 'number' && Number.isFinite(fileType)) ctx.note('fileType', fileType);
  const types = Object.create(null) as Record<string, number>;
  let parameters = 0;
  for (const t of h.tensors) {
    const label = GGML_TYPES.get(t.type)?.[0] ?? `type ${t.type}`;
    types[label] = (types[label] ?? 0) + 1;
    const n = elementCount(t.dims);
    parameters = n === null || parameters + n > SAFE ? Infinity : parameters + n;
  }
  ctx.note('tensorTypes', types);
  ctx.note('parameterCount', Number.isFinite(parameters) ? parameters : null);
  for (const k of VOCAB_KEYS) {
    const v = get(k);
    if (v && typeof v === 'object') ctx.note(k === 'tokenizer.ggml.tokens' ? 'vocabularySize' : 'mergeCount', v.length);
  }
  if (h.kvs.some((kv) => VOCAB_KEYS.has(kv.key))) ctx.note('vocabularySkipped', 'tokenizer.ggml.tokens/merges strings are not inspected');
}

export const ggufScanner: Scanner<GgufSniff> = {
  ...ggufSniffer,
  scan,
};
