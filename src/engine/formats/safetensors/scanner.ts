// SafeTensors scanner: judges the header only. The loader's own validation (safetensors/src/tensor.rs
// `read_metadata` + `Metadata::validate`) refuses files whose tensors are not back to back from offset
// 0 to the end of the file, whose byte ranges do not match dtype × shape, or whose metadata is not
// str → str. Each of those refusals is mirrored here as a finding, because other parsers (and older
// library versions) are laxer, and the bytes a loader skips are room to hide a payload.
import { FormatError, type ScanContext, type Scanner } from '../../types';
import { hex } from '../../io/text';
import { DTYPE_BITS, headerLength, parseHeader, type SafetensorsHeader, type TensorEntry } from './parse';
import { safetensorsWeightStats } from '../../stats/formats';
import { safetensorsSniffer } from './sniff';

/** Hidden regions at least this large are swept by the fallback scanner for executables and text. */
export const HIDDEN_SWEEP_MIN_BYTES = 16;
/** Hidden regions sent to scanChild per file: a header with 100k gaps must not spawn 100k nodes. */
export const MAX_HIDDEN_REGIONS_SWEPT = 16;
/** Tensor names kept in notes (for the sharded-checkpoint folder check); bounds report size. */
export const MAX_NOTED_TENSOR_NAMES = 20_000;
/** Characters of tensor names kept in notes: 20,000 real names take ~1 MB, and a header of 24,000
 * names of 4,000 characters made an 80 MB report. */
export const MAX_NOTED_TENSOR_NAME_CHARS = 2 * 1024 * 1024;
/** Metadata keys kept in notes. */
export const MAX_NOTED_METADATA_KEYS = 200;
const EVIDENCE_BYTES = 16;

const SAFE = Number.MAX_SAFE_INTEGER;

async function scan(ctx: ScanContext<unknown>): Promise<void> {
  const size = ctx.source.size;
  const limits = ctx.budget.limits;
  const first8 = await ctx.read(0, 8);
  const len = headerLength(first8, size, limits.maxJsonHeaderBytes);
  if (!len.ok) {
    ctx.report({
      ruleId: 'safetensors/header-too-large', offset: 0, evidence: hex(first8),
      message: len.reason === 'past-eof'
        ? `The header length ${len.length} runs past the end of the ${size}-byte file`
        : `The header length ${len.length} is above the ${limits.maxJsonHeaderBytes}-byte header limit`,
    });
    ctx.limited('safetensors header not read');
    return;
  }
  const headerBytes = await ctx.read(8, len.length);
  if (headerBytes.length !== len.length) throw new FormatError(`short read of the ${len.length}-byte header`, 8);
  const header = parseHeader(headerBytes, limits.maxJsonDepth);
  ctx.checkAborted();

  judgeHeaderShape(ctx, header);
  for (const p of header.problems) {
    ctx.report({ ruleId: 'safetensors/invalid-tensor-entry', message: p.message, pointer: p.pointer });
  }
  for (const s of header.strings) ctx.inspectString(s.text, { pointer: s.pointer });
  for (const t of header.tensors) ctx.inspectString(t.name, { pointer: t.pointer });
  judgeMetadata(ctx, header);
  const checked = judgeTensors(ctx, header);
  await judgeCoverage(ctx, header, checked);
  noteFacts(ctx, header);
  await safetensorsWeightStats(ctx, header); // INFO-only statistics, after every security check
}

function judgeHeaderShape(ctx: ScanContext<unknown>, h: SafetensorsHeader): void {
  if (h.leadingWhitespace > 0) {
    ctx.report({ ruleId: 'safetensors/noncanonical-header', offset: 8,
      message: `The header starts with ${h.leadingWhitespace} whitespace bytes instead of "{"` });
  }
  if (h.nonSpacePadding) {
    ctx.report({ ruleId: 'safetensors/noncanonical-header', offset: 8,
      message: 'The header is padded with whitespace other than spaces' });
  }
  for (const d of h.duplicates) {
    ctx.report({ ruleId: 'safetensors/duplicate-key', offset: d.offset + 8, pointer: d.pointer,
      message: `The header repeats the key ${d.pointer}; loaders disagree on which value wins` });
  }
  if (h.duplicatesDropped > 0) {
    ctx.report({ ruleId: 'safetensors/duplicate-key', message: `${h.duplicatesDropped} more duplicate keys were not listed` });
  }
}

function judgeMetadata(ctx: ScanContext<unknown>, h: SafetensorsHeader): void {
  if (h.metadataNotObject) {
    ctx.report({ ruleId: 'safetensors/metadata-not-string', pointer: '/__metadata__', message: '__metadata__ is not an object of strings' });
  }
  for (const { key, value } of h.metadata ?? []) {
    if (typeof value === 'string') continue;
    ctx.report({ ruleId: 'safetensors/metadata-not-string', pointer: `/__metadata__/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
      message: `__metadata__ value "${key}" is ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}, not a string`,
      evidence: JSON.stringify(value).slice(0, 200) });
  }
}

/** Tensor ranges inside the buffer (clamped to its end), for the overlap and coverage checks. */
interface Placed { t: TensorEntry; begin: number; end: number }

function judgeTensors(ctx: ScanContext<unknown>, h: SafetensorsHeader): Placed[] {
  const dataSize = ctx.source.size - h.dataStart;
  const placed: Placed[] = [];
  for (const t of h.tensors) {
    const elements = elementCount(t.shape);
    const bits = DTYPE_BITS.get(t.dtype);
    if (bits === undefined) {
      ctx.report({ ruleId: 'safetensors/unknown-dtype', pointer: `${t.pointer}/dtype`, evidence: t.dtype,
        message: `Tensor "${t.name}" declares the unknown dtype "${t.dtype}"` });
    }
    if (t.begin > SAFE || t.end > SAFE || t.end < t.begin || t.end > dataSize) {
      ctx.report({ ruleId: 'safetensors/tensor-out-of-bounds', pointer: `${t.pointer}/data_offsets`,
        evidence: `[${t.begin}, ${t.end}] in a ${dataSize}-byte buffer`,
        message: t.end < t.begin
          ? `Tensor "${t.name}" has data_offsets that run backwards`
          : `Tensor "${t.name}" data ends past the end of the file` });
      // A cut-off tensor still owns the bytes it has: they are truncated data, not hidden bytes.
      if (t.end >= t.begin && t.begin < dataSize) placed.push({ t, begin: t.begin, end: dataSize });
      continue;
    }
    placed.push({ t, begin: t.begin, end: t.end });
    if (bits === undefined) continue;
    // nbits = elements × bits must be a whole number of bytes equal to end − begin (tensor.rs validate).
    const nbits = elements === null ? null : elements * bits;
    const expected = nbits === null || nbits > SAFE || nbits % 8 !== 0 ? null : nbits / 8;
    if (expected !== t.end - t.begin) {
      ctx.report({ ruleId: 'safetensors/size-mismatch', offset: h.dataStart + t.begin, pointer: t.pointer,
        evidence: `${t.dtype} [${t.shape.join(', ')}] → ${expected ?? 'overflow or partial byte'} bytes, offsets span ${t.end - t.begin}`,
        message: `Tensor "${t.name}" spans ${t.end - t.begin} bytes but ${t.dtype} × [${t.shape.join(', ')}] needs ${expected ?? 'an impossible size'}` });
    }
  }
  return placed;
}

/** Product of the shape, or null above 2^53 (the loader's checked_mul would overflow or the size mismatch). */
function elementCount(shape: readonly number[]): number | null {
  let n = 1;
  for (const d of shape) {
    n *= d;
    if (n > SAFE) return null;
  }
  return n;
}

async function judgeCoverage(ctx: ScanContext<unknown>, h: SafetensorsHeader, placed: Placed[]): Promise<void> {
  const dataSize = ctx.source.size - h.dataStart;
  const sorted = [...placed].sort((a, b) => a.begin - b.begin || a.end - b.end);
  const hidden: Array<[number, number]> = [];
  let cursor = 0;
  let last: Placed | null = null; // the range reaching furthest so far
  for (const p of sorted) {
    if (p.begin > cursor) hidden.push([cursor, p.begin]);
    if (last && p.begin < cursor && p.end > p.begin) {
      const { t } = p;
      ctx.report({ ruleId: 'safetensors/overlapping-tensors', offset: h.dataStart + t.begin, pointer: `${t.pointer}/data_offsets`,
        evidence: `"${last.t.name}" [${last.t.begin}, ${last.t.end}] and "${t.name}" [${t.begin}, ${t.end}]`,
        message: `Tensors "${last.t.name}" and "${t.name}" share ${Math.min(cursor, p.end) - p.begin} bytes` });
    }
    if (p.end > cursor) { cursor = p.end; last = p; }
  }
  if (cursor < dataSize) hidden.push([cursor, dataSize]);

  let swept = 0;
  for (const [s, e] of hidden) {
    const at = h.dataStart + s;
    const trailing = e === dataSize;
    const length = e - s;
    const sweep = length >= HIDDEN_SWEEP_MIN_BYTES && swept < MAX_HIDDEN_REGIONS_SWEPT;
    // Reading the hidden bytes is fine: they are not tensor data, and a few are the best evidence.
    const peek = swept < MAX_HIDDEN_REGIONS_SWEPT ? await ctx.read(at, Math.min(length, EVIDENCE_BYTES)) : undefined;
    ctx.report({ ruleId: 'safetensors/hidden-bytes', offset: at, evidence: peek ? hex(peek, EVIDENCE_BYTES) : undefined,
      message: trailing
        ? `${length} bytes after the last tensor are not part of any tensor`
        : `${length} bytes between tensors (buffer offsets ${s}–${e}) are not part of any tensor` });
    if (sweep) {
      swept++;
      await ctx.scanChild(`${ctx.head.name}#gap@${at}`, ctx.source.slice(at, at + length));
    }
  }
}

function noteFacts(ctx: ScanContext<unknown>, h: SafetensorsHeader): void {
  const dtypes = Object.create(null) as Record<string, number>; // dtype "__proto__" is just a key
  let parameters = 0;
  for (const t of h.tensors) {
    dtypes[t.dtype] = (dtypes[t.dtype] ?? 0) + 1;
    const n = elementCount(t.shape);
    parameters = n === null || parameters + n > SAFE ? Infinity : parameters + n;
  }
  ctx.note('headerBytes', h.headerBytes);
  ctx.note('tensorCount', h.tensors.length);
  ctx.note('dtypes', dtypes);
  // Infinity is not JSON: an overflowing count is noted as null.
  ctx.note('parameterCount', Number.isFinite(parameters) ? parameters : null);
  const keys = (h.metadata ?? []).map((m) => m.key);
  ctx.note('metadataKeys', keys.slice(0, MAX_NOTED_METADATA_KEYS));
  const names: string[] = [];
  let chars = 0;
  for (const t of h.tensors) {
    if (names.length >= MAX_NOTED_TENSOR_NAMES || chars + t.name.length > MAX_NOTED_TENSOR_NAME_CHARS) break;
    names.push(t.name);
    chars += t.name.length;
  }
  ctx.note('tensorNames', names);
  if (names.length < h.tensors.length) ctx.note('tensorNamesTruncated', true);
}

export const safetensorsScanner: Scanner = {
  ...safetensorsSniffer,
  scan,
};
