// SafeTensors header → typed data. Reads ONLY the header, never tensor bytes.
// Layout (https://huggingface.co/docs/safetensors, "Format"): an 8-byte little-endian u64 N, then N
// bytes of UTF-8 JSON {"<tensor>": {"dtype", "shape", "data_offsets": [begin, end]}, "__metadata__":
// {str: str}}, then the byte buffer; offsets are relative to the buffer start (8 + N).
import { FormatError, type JsonValue } from '../../types';
import { Reader } from '../../io/reader';
import { utf8Strict } from '../../io/text';
import { NameMap } from '../../io/name-map';
import { isJsonObject, pointerToken, type JsonDuplicate } from '../../io/json';
import { parseJsonMembers } from '../../io/json-members';

/** Bits per element, from safetensors/src/tensor.rs `Dtype::bitsize` (F4/F6 are packed sub-byte). */
/** A Map, not an object: a dtype named "constructor" must not find Object.prototype. */
export const DTYPE_BITS: ReadonlyMap<string, number> = new Map(Object.entries({
  BOOL: 8, F4: 4, F6_E2M3: 6, F6_E3M2: 6, U8: 8, I8: 8, F8_E5M2: 8, F8_E4M3: 8, F8_E8M0: 8,
  F8_E4M3FNUZ: 8, F8_E5M2FNUZ: 8, I16: 16, U16: 16, F16: 16, BF16: 16, I32: 32, U32: 32, F32: 32,
  C64: 64, F64: 64, I64: 64, U64: 64,
}));

export const METADATA_KEY = '__metadata__';
const SPACE = 0x20;
const OPEN_BRACE = 0x7b;

export interface TensorEntry {
  readonly name: string;
  /** JSON pointer of the entry: '/<name>'. */
  readonly pointer: string;
  readonly dtype: string;
  readonly shape: number[];
  /** Relative to the buffer start (header.dataStart). Not yet judged: may run backwards or past EOF. */
  readonly begin: number;
  readonly end: number;
}

/** A tensor entry whose JSON types the format does not allow (the loader refuses the file). */
export interface EntryProblem { pointer: string; message: string }

/** A string the header carries besides dtypes and tensor names: judged by the string detectors. */
export interface HeaderString { pointer: string; text: string; kind: 'tensor-name' | 'metadata-key' | 'metadata-value' | 'extra-field' }

export interface SafetensorsHeader {
  /** N from the first 8 bytes. */
  headerBytes: number;
  /** Absolute offset of the byte buffer: 8 + N. */
  dataStart: number;
  /** Bytes of JSON whitespace before the opening '{' (the spec says the header MUST begin with '{'). */
  leadingWhitespace: number;
  /** Trailing padding other than spaces (the library pads with 0x20 only). */
  nonSpacePadding: boolean;
  /** Document order; a repeated name keeps its first place and its last value. Their names are strings to judge too. */
  tensors: TensorEntry[];
  /** null when the header has no __metadata__. */
  metadata: Array<{ key: string; value: JsonValue }> | null;
  /** __metadata__ present but not an object. */
  metadataNotObject: boolean;
  problems: EntryProblem[];
  duplicates: JsonDuplicate[];
  duplicatesDropped: number;
  strings: HeaderString[];
}

export type HeaderLength =
  | { ok: true; length: number }
  | { ok: false; length: number; reason: 'past-eof' | 'over-limit' };

/**
 * Reads N and checks it before anything is allocated: past the end of the file, or above the JSON
 * header limit (loaders that trust N allocate it; safetensors itself caps it at 100 MB).
 */
export function headerLength(first8: Uint8Array, fileSize: number, maxHeaderBytes: number): HeaderLength {
  if (first8.length < 8 || fileSize < 8) throw new FormatError(`file of ${fileSize} bytes is shorter than the 8-byte header length`, 0);
  const n = new Reader(first8).u64le(); // Infinity above 2^53: fails both checks below
  if (n > fileSize - 8) return { ok: false, length: n, reason: 'past-eof' };
  if (n > maxHeaderBytes) return { ok: false, length: n, reason: 'over-limit' };
  return { ok: true, length: n };
}

/** Decodes and parses the N header bytes (already bounds-checked by headerLength). */
export function parseHeader(bytes: Uint8Array, maxDepth: number): SafetensorsHeader {
  const n = bytes.length;
  const dataStart = 8 + n;
  let lead = 0;
  while (lead < n && (bytes[lead] === SPACE || bytes[lead] === 0x09 || bytes[lead] === 0x0a || bytes[lead] === 0x0d)) lead++;
  if (bytes[lead] !== OPEN_BRACE) throw new FormatError('the header is not a JSON object (does not start with "{")', 8 + lead);
  let tail = n;
  let nonSpacePadding = false;
  while (tail > 0 && (bytes[tail - 1] === SPACE || bytes[tail - 1] === 0x09 || bytes[tail - 1] === 0x0a || bytes[tail - 1] === 0x0d)) {
    if (bytes[tail - 1] !== SPACE) nonSpacePadding = true;
    tail--;
  }
  const header: SafetensorsHeader = {
    headerBytes: n, dataStart, leadingWhitespace: lead, nonSpacePadding,
    tensors: [], metadata: null, metadataNotObject: false, problems: [],
    duplicates: [], duplicatesDropped: 0, strings: [],
  };
  // Member by member (io/json-members.ts parseJsonMembers): a 100 MB header of a million tensors must not
  // become one million-key object. As in serde_json (the loader), the last of a repeated key wins and
  // keeps the first one's place.
  // Keyed by what the header chose, which may be longer than V8 hashes by content (io/name-map.ts).
  const dtypes = new NameMap<string>();
  const slots: Array<TensorEntry | null> = [];
  const names: string[] = [];
  let at: NameMap<number> | undefined; // name → slot, built at the first repeated name only
  let doc;
  try {
    doc = parseJsonMembers(bytes, { maxDepth }, (name, value, _offset, repeated) => {
      if (name === METADATA_KEY) {
        header.metadataNotObject = false;
        header.metadata = null;
        if (!isJsonObject(value)) header.metadataNotObject = true;
        else header.metadata = Object.keys(value).map((key) => ({ key, value: value[key]! }));
        return;
      }
      const entry = tensorEntry(name, value, header, dtypes);
      // The scanner judges the names of the tensors kept; an invalid entry's name is judged from here.
      if (!entry) header.strings.push({ pointer: `/${pointerToken(name)}`, text: name, kind: 'tensor-name' });
      if (!repeated) {
        slots.push(entry);
        names.push(name);
        at?.set(name, slots.length - 1);
        return;
      }
      if (!at) { at = new NameMap(); names.forEach((x, i) => at!.set(x, i)); }
      slots[at.get(name)!] = entry; // every name but __metadata__ (returned above) has its slot
    });
  } catch (e) {
    // The loader decodes the header with str::from_utf8 before parsing it: invalid UTF-8 is its error
    // first. Not checked up front: the JSON parser reads every byte, as whitespace, a token (ASCII) or
    // a string decoded as strict UTF-8, so a header it accepts is valid UTF-8, and only a failed parse
    // needs the second pass (it once cost ~0.3 s of a 67 MB header's 8 s).
    if (e instanceof FormatError && utf8Strict(bytes) === null) throw new FormatError('the header is not valid UTF-8', 8);
    // Offsets from the JSON parser are relative to the header: make them absolute in the file.
    if (e instanceof FormatError && e.offset !== undefined) throw new FormatError(e.message.replace(/at byte \d+/, `at byte ${e.offset + 8}`), e.offset + 8);
    throw e;
  }
  header.tensors = slots.some((t) => t === null) ? slots.filter((t): t is TensorEntry => t !== null) : slots as TensorEntry[];
  header.duplicates = doc.duplicates;
  header.duplicatesDropped = doc.duplicatesDropped;
  for (const { key, value: v } of header.metadata ?? []) {
    const p = `/${METADATA_KEY}/${pointerToken(key)}`;
    header.strings.push({ pointer: p, text: key, kind: 'metadata-key' });
    // A non-string value is judged by the scanner; its text still goes to the detectors.
    header.strings.push({ pointer: p, text: typeof v === 'string' ? v : JSON.stringify(v), kind: 'metadata-value' });
  }
  return header;
}

function tensorEntry(name: string, value: JsonValue, header: SafetensorsHeader, dtypes: NameMap<string>): TensorEntry | null {
  const pointer = `/${pointerToken(name)}`;
  const bad = (message: string) => { header.problems.push({ pointer, message }); return null; };
  if (!isJsonObject(value)) return bad(`tensor "${name}" is not an object`);
  const { dtype, shape, data_offsets: offsets } = value;
  // Fields the loader ignores (serde without deny_unknown_fields) are room for text: keep their strings.
  for (const k of Object.keys(value)) {
    if (k === 'dtype' || k === 'shape' || k === 'data_offsets') continue;
    const v = value[k];
    header.strings.push({ pointer: `${pointer}/${pointerToken(k)}`, text: typeof v === 'string' ? v : k, kind: 'extra-field' });
  }
  if (typeof dtype !== 'string') return bad(`tensor "${name}" has no string dtype`);
  if (!Array.isArray(shape) || !shape.every(isCount)) return bad(`tensor "${name}" shape is not a list of non-negative integers`);
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isCount)) {
    return bad(`tensor "${name}" data_offsets is not a pair of non-negative integers`);
  }
  // One string per distinct dtype, not one per tensor.
  let d = dtypes.get(dtype);
  if (d === undefined) dtypes.set(dtype, d = dtype);
  return new Tensor(name, d, shape as number[], offsets[0] as number, offsets[1] as number);
}

/** A tensor entry; its JSON pointer is built when a finding or a statistic needs it. */
class Tensor implements TensorEntry {
  constructor(readonly name: string, readonly dtype: string, readonly shape: number[], readonly begin: number, readonly end: number) {}
  get pointer(): string { return `/${pointerToken(this.name)}`; }
}

/** A JSON number usable as a count or offset: integral and non-negative (u64/usize in the loader). */
function isCount(v: JsonValue): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}
