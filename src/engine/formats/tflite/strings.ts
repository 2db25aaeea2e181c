// Untrusted strings of a TFLite model and how they reach the string detectors: names, metadata
// buffers (text whole, binary by printable runs), constant STRING tensors and custom options, each
// under a budget so a hostile model cannot turn inspection into unbounded work.
import type { ScanContext } from '../../types';
import { clip, looksLikeText, utf8 } from '../../io/text';
import type { TfliteModel } from './parse';

/** Bytes of one metadata buffer read to inspect its strings. Bounds memory on a huge metadata blob. */
export const MAX_METADATA_BYTES = 1024 * 1024;
/** Bytes of strings and buffers handed to the detectors per model: bounds regex work. */
export const MAX_INSPECTED_BYTES = 32 * 1024 * 1024;
/** Bytes of one operator's custom_options searched for strings. */
export const MAX_CUSTOM_OPTIONS_BYTES = 64 * 1024;
/** Strings handed to the detectors per model: bounds detector work on models with millions of names. */
export const MAX_INSPECTED_STRINGS = 4096;
/** Shortest printable run taken from a binary metadata buffer (TFLite Metadata is itself a flatbuffer). */
const MIN_RUN = 6;

/** clip() of the first `max` characters only: clip escapes the whole text before cutting it. */
export const short = (text: string, max: number) => clip(text.slice(0, max + 1), max);

/** Strings taken from one tensor: bounds the work on a tensor claiming millions of entries. */
export const MAX_TENSOR_STRINGS = 1024;

/**
 * Values of a constant STRING tensor. TFLite packs them as (tensorflow/lite/string_util.h): int32 N,
 * then N + 1 int32 offsets from the start of the buffer, then the bytes; string i is
 * [offset[i], offset[i + 1]). Every offset is checked against the buffer.
 */
export function stringTensorValues(bytes: Uint8Array): Array<{ at: number; text: string }> {
  if (bytes.length < 4) return [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = view.getInt32(0, true);
  // N + 1 offsets must fit after the count; otherwise this is not a string buffer.
  if (n < 0 || 4 + (n + 1) * 4 > bytes.length) return [];
  const out: Array<{ at: number; text: string }> = [];
  for (let i = 0; i < Math.min(n, MAX_TENSOR_STRINGS); i++) {
    const start = view.getInt32(4 + i * 4, true);
    const end = view.getInt32(8 + i * 4, true);
    if (start < 0 || end < start || end > bytes.length) break;
    if (end > start) out.push({ at: start, text: utf8(bytes.subarray(start, end)) });
  }
  return out;
}

/**
 * Hands untrusted strings to the detectors: each distinct string once, each buffer range read once,
 * MAX_INSPECTED_STRINGS strings and MAX_INSPECTED_BYTES in all (a hostile model can point a hundred
 * thousand tables at one megabyte-long string or buffer).
 */
export class Inspector {
  private strings = 0;
  private bytes = 0;
  private readonly seen = new Set<number>();

  constructor(private readonly ctx: ScanContext) {}

  private readonly texts = new Set<string>();

  get full(): boolean { return this.strings >= MAX_INSPECTED_STRINGS || this.bytes >= MAX_INSPECTED_BYTES; }

  /** Each distinct text once (tables may share one string): the first place it was met is reported. */
  inspect(text: string | null, pointer: string, key?: string, offset?: number): void {
    if (!text || this.texts.has(text)) return;
    if (this.full) {
      this.ctx.limited(`only ${this.strings} strings (${this.bytes} bytes) inspected`);
      return;
    }
    this.texts.add(text);
    this.strings++;
    this.bytes += text.length;
    this.ctx.inspectString(text, { pointer, key, offset });
  }

  async read(start: number, length: number, cap: number): Promise<Uint8Array | null> {
    if (this.seen.has(start)) return null;
    if (this.full) { this.ctx.limited(`only ${this.bytes} bytes of strings inspected`); return null; }
    this.seen.add(start);
    const wanted = Math.min(length, cap);
    const n = Math.min(wanted, MAX_INSPECTED_BYTES - this.bytes);
    if (length > n) this.ctx.limited(`only ${Math.max(n, 0)} of ${length} bytes at offset ${start} inspected`);
    if (n <= 0) return null;
    this.bytes += n;
    return this.ctx.read(start, n);
  }
}

/** Metadata buffers: text (min_runtime_version) whole, binary ones (TFLITE_METADATA, CONVERSION_METADATA:
 * flatbuffers of their own) by their printable runs. */
export async function inspectMetadata(ctx: ScanContext, model: TfliteModel, ins: Inspector): Promise<void> {
  for (const m of model.metadata) {
    const pointer = `/metadata/${m.index}`;
    ins.inspect(m.name, `${pointer}/name`, 'metadata name', m.offset);
    const where = bufferRange(model, m.buffer, ctx.source.size);
    const bytes = where && await ins.read(where.start, where.length, MAX_METADATA_BYTES);
    if (!where || !bytes) continue;
    const text = trimNul(bytes);
    if (m.name === 'min_runtime_version' && looksLikeText(text)) ctx.note('minRuntimeVersion', short(utf8(text), 32));
    if (looksLikeText(text)) ins.inspect(utf8(text), pointer, m.name ?? 'metadata', where.start);
    else for (const run of printableRuns(bytes)) ins.inspect(run.text, pointer, m.name ?? 'metadata', where.start + run.at);
  }
}

/** Constant STRING tensors (file paths, URLs, prompts baked into the graph). */
export async function inspectStringTensors(ctx: ScanContext, model: TfliteModel, ins: Inspector): Promise<void> {
  for (const t of model.stringTensors) {
    if (ins.full) return;
    const where = bufferRange(model, t.buffer, ctx.source.size);
    const bytes = where && await ins.read(where.start, where.length, MAX_METADATA_BYTES);
    if (!where || !bytes) continue;
    for (const v of stringTensorValues(bytes)) ins.inspect(v.text, t.pointer, 'string tensor', where.start + v.at);
  }
}

/**
 * custom_options of CUSTOM operators: for Flex ops a flexbuffer holding the TensorFlow NodeDef, whose
 * attributes can carry paths and URLs (PrintV2's output_stream, ImmutableConst's memory region).
 */
export async function inspectCustomOptions(model: TfliteModel, ins: Inspector): Promise<void> {
  for (const c of model.customOptions) {
    const bytes = await ins.read(c.start, c.length, MAX_CUSTOM_OPTIONS_BYTES);
    if (!bytes) continue;
    for (const run of printableRuns(bytes)) ins.inspect(run.text, c.pointer, 'custom_options', c.start + run.at);
  }
}

function bufferRange(model: TfliteModel, index: number, size: number): { start: number; length: number } | null {
  const b = model.buffers[index];
  if (!b || b.index !== index) return null;
  if (b.data) return b.data;
  if (b.external && b.external.offset + b.external.size <= size) return { start: b.external.offset, length: b.external.size };
  return null;
}

function trimNul(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  return bytes.subarray(0, end);
}

function printableRuns(bytes: Uint8Array): Array<{ at: number; text: string }> {
  const out: Array<{ at: number; text: string }> = [];
  let start = -1;
  for (let i = 0; i <= bytes.length; i++) {
    const b = i < bytes.length ? bytes[i]! : 0;
    const printable = (b >= 0x20 && b < 0x7f) || b === 0x09 || b === 0x0a || b === 0x0d || b >= 0x80;
    if (printable && start < 0) start = i;
    else if (!printable && start >= 0) {
      if (i - start >= MIN_RUN) out.push({ at: start, text: utf8(bytes.subarray(start, i)) });
      start = -1;
    }
  }
  return out;
}

