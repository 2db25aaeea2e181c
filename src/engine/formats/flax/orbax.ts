// The files of an Orbax checkpoint folder (orbax-checkpoint 0.12: StandardCheckpointer /
// PyTreeCheckpointHandler). _METADATA describes the tree (one entry per leaf, keyed by the key path);
// _CHECKPOINT_METADATA names the handlers and holds user metrics; arrays live in TensorStore: OCDBT
// (manifest.ocdbt + d/<hash>, zstd-compressed B+tree nodes) or, without OCDBT, zarr v2 folders
// (<path>/.zarray + chunk files). None of these runs code when read; what can is a zarr array of Python
// objects, which zarr-python decodes through numcodecs (the Pickle codec is pickle.loads).
import { FormatError, type JsonValue, type ScanContext } from '../../types';
import { isJsonObject, parseJson, pointerToken } from '../../io/json';
import { readExact } from '../../io/byte-source';
import { countedSource } from '../zip/members';
import { isObjectDtype } from './ndarray';
import type { FlaxState } from './sniff';

/**
 * Orbax metadata files larger than this are not parsed. _METADATA grows ~300 bytes per leaf; 64 MiB is
 * two hundred thousand leaves, far beyond real models, and bounds the memory of one parse.
 */
export const MAX_ORBAX_JSON_BYTES = 64 * 1024 * 1024;
/** Strings of one metadata file handed to the string detectors (bounds the work of a huge tree). */
const MAX_INSPECTED_STRINGS = 100_000;
/** Value types listed in the notes. */
const MAX_NOTED = 64;
/** numcodecs object codecs that rebuild values without pickle (strings, bytes, JSON, msgpack). */
const SAFE_OBJECT_CODECS = new Set(['msgpack2', 'json2', 'vlen-utf8', 'vlen-bytes', 'vlen-array']);

async function readJson(ctx: ScanContext<FlaxState>): Promise<JsonValue | null> {
  const size = ctx.source.size;
  if (size > MAX_ORBAX_JSON_BYTES) {
    ctx.report({ ruleId: 'scan/limit-reached', message: `The ${size}-byte ${ctx.head.name} is above the ${MAX_ORBAX_JSON_BYTES}-byte limit; it was not parsed` });
    ctx.limited('Orbax metadata above MAX_ORBAX_JSON_BYTES');
    return null;
  }
  const bytes = size <= ctx.head.bytes.length ? ctx.head.bytes : await readExact(countedSource(ctx), 0, size);
  return parseJson(bytes, { maxDepth: ctx.budget.limits.maxJsonDepth }).value;
}

/** Every string (keys included) under `v` through the shared detectors, with its pointer. */
function inspectStrings(ctx: ScanContext<FlaxState>, v: JsonValue): void {
  let left = MAX_INSPECTED_STRINGS;
  const stack: Array<[JsonValue, string]> = [[v, '']];
  while (stack.length && left > 0) {
    const [x, p] = stack.pop()!;
    if (typeof x === 'string') { left--; ctx.inspectString(x, { pointer: p }); continue; }
    if (Array.isArray(x)) { x.forEach((e, i) => stack.push([e, `${p}/${i}`])); continue; }
    if (isJsonObject(x)) {
      for (const [k, e] of Object.entries(x)) {
        const q = `${p}/${pointerToken(k)}`;
        left--;
        ctx.inspectString(k, { pointer: q });
        stack.push([e, q]);
      }
    }
  }
  if (left <= 0) ctx.limited(`more than ${MAX_INSPECTED_STRINGS} strings; the rest were not inspected`);
}

export async function scanOrbaxMetadata(ctx: ScanContext<FlaxState>): Promise<void> {
  const doc = await readJson(ctx);
  if (doc === null) return;
  if (!isJsonObject(doc)) throw new FormatError(`${ctx.head.name} is not a JSON object`, 0);
  ctx.note('orbaxFile', ctx.head.name);
  const tree = doc['tree_metadata'];
  if (isJsonObject(tree)) {
    const types = new Map<string, number>();
    for (const leaf of Object.values(tree)) {
      const vm = isJsonObject(leaf) ? leaf['value_metadata'] : undefined;
      const type = isJsonObject(vm) && typeof vm['value_type'] === 'string' ? vm['value_type'] : 'unknown';
      types.set(type, (types.get(type) ?? 0) + 1);
    }
    ctx.note('leaves', Object.keys(tree).length);
    const noted: Record<string, JsonValue> = {};
    for (const [k, n] of [...types].slice(0, MAX_NOTED)) noted[k] = n;
    ctx.note('valueTypes', noted);
  }
  for (const k of ['use_ocdbt', 'use_zarr3'] as const) if (typeof doc[k] === 'boolean') ctx.note(k, doc[k]);
  const handlers = doc['item_handlers'];
  if (typeof handlers === 'string' || isJsonObject(handlers)) ctx.note('itemHandlers', handlers);
  inspectStrings(ctx, doc);
}

/** Codec ids of a zarr v2 filters list / compressor object. */
function codecIds(v: JsonValue | undefined): string[] {
  const list = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  return list.flatMap((c) => (isJsonObject(c) && typeof c['id'] === 'string' ? [c['id']] : []));
}

/** Dtype strings of a zarr v2 dtype: '<f4', or a structured [[name, dtype, shape?], ...] list. */
function dtypeStrings(v: JsonValue | undefined, depth = 0): string[] {
  if (typeof v === 'string') return [v];
  if (!Array.isArray(v) || depth > 8) return [];
  return v.flatMap((f) => (Array.isArray(f) ? dtypeStrings(f[1], depth + 1) : []));
}

export async function scanZarray(ctx: ScanContext<FlaxState>): Promise<void> {
  const doc = await readJson(ctx);
  if (doc === null) return;
  if (!isJsonObject(doc)) throw new FormatError(`${ctx.head.name} is not a JSON object`, 0);
  inspectStrings(ctx, doc);
  if (ctx.head.name !== '.zarray') return;
  const dtypes = dtypeStrings(doc['dtype']);
  const codecs = [...codecIds(doc['filters']), ...codecIds(doc['compressor'])];
  ctx.note('dtype', doc['dtype'] ?? null);
  if (Array.isArray(doc['shape'])) ctx.note('shape', doc['shape']);
  ctx.note('codecs', codecs);
  const objectDtype = dtypes.find((d) => isObjectDtype(d));
  const pickleCodec = codecs.includes('pickle');
  if (objectDtype === undefined && !pickleCodec) return;
  const what = [objectDtype && `dtype ${objectDtype}`, pickleCodec && 'codec "pickle"'].filter(Boolean).join(' and ');
  const pointer = pickleCodec ? (codecIds(doc['filters']).includes('pickle') ? '/filters' : '/compressor') : '/dtype';
  const safe = codecs.find((c) => SAFE_OBJECT_CODECS.has(c));
  if (pickleCodec || safe === undefined) {
    ctx.report({ ruleId: 'flax/zarr-object-array', pointer, evidence: what,
      message: `The zarr array declares ${what}: zarr-python decodes its chunks into Python objects${pickleCodec ? ' with pickle.loads' : ' with a codec the array does not name'}` });
    return;
  }
  // Text and bytes arrays are object arrays in zarr v2 too; their codecs rebuild values without pickle.
  ctx.report({ ruleId: 'flax/zarr-object-array', pointer, evidence: what, severity: 'info',
    severityReason: `the object codec "${safe}" decodes values without pickle`,
    message: `The zarr array declares ${what}, decoded with the "${safe}" codec` });
}

/**
 * OCDBT file header (tensorstore/kvstore/ocdbt/format: magic u32 BE, total length u64 LE, then
 * varint version and varint compression, 0 none / 1 zstd). Recognised and noted, not decoded.
 */
export async function scanOcdbt(ctx: ScanContext<FlaxState>): Promise<void> {
  const b = ctx.head.bytes;
  if (b.length < 14) throw new FormatError('OCDBT header cut short', 0);
  const magic = ((b[0]! << 24) >>> 0) + (b[1]! << 16) + (b[2]! << 8) + b[3]!;
  let length = 0;
  for (let i = 11; i >= 4; i--) length = length * 256 + b[i]!;
  const kind = magic === 0x0cdb3a2a ? 'manifest' : 'node';
  ctx.note('ocdbt', kind);
  ctx.note('declaredLength', length);
  ctx.note('compression', b[13] === 1 ? 'zstd' : b[13] === 0 ? 'none' : `code ${b[13]}`);
  ctx.report({ ruleId: 'flax/ocdbt-opaque', message: `OCDBT ${kind} file (${ctx.source.size} bytes): its B+tree and array data were not decoded`, offset: 0 });
}
