// What a MetaGraphDef carries besides its graph: collections (TF1 strings and serialized protos),
// asset files, the object graph (Keras 2 layer configs in user objects) and Keras 2's
// keras_metadata.pb. Keras configs are judged by the Keras judge (formats/keras/judge.ts) in place.
import type { JsonValue, ScanContext } from '../../types';
import { isJsonObject, parseJsonText, pointerToken } from '../../io/json';
import { looksLikeText, utf8 } from '../../io/text';
import { judgeKerasConfig } from '../keras/judge';
import type { KerasObject, TfMetaGraph } from './parse';
import { unusualPath } from './policy';

/** Collection strings inspected per meta graph. TF1 collections hold a few per variable. */
const MAX_COLLECTION_STRINGS = 10_000;
/** Keras objects judged per file: one per layer, metric and model; real models have thousands. */
const MAX_KERAS_OBJECTS = 100_000;

export interface Reference { path: string; kind: string }

export function judgeMeta(ctx: ScanContext<unknown>, meta: TfMetaGraph, prefix: string, refs: Reference[]): Promise<void> {
  let n = 0;
  for (const [key, col] of Object.entries(meta.collection_def ?? {})) {
    const values = col.bytes_list?.value ?? [];
    for (let i = 0; i < values.length && n < MAX_COLLECTION_STRINGS; i++, n++) {
      // Most TF1 collection entries are serialized protos (VariableDef, ...): only text is inspected.
      const v = values[i]!.subarray(0, ctx.budget.limits.maxStringBytes);
      if (looksLikeText(v)) ctx.inspectString(utf8(v), { pointer: `${prefix}collection_def/${pointerToken(key)}/bytes_list/value/${i}` });
    }
  }
  (meta.asset_file_def ?? []).forEach((a, i) => {
    const name = a.filename ?? '';
    const unusual = unusualPath(name);
    if (unusual) {
      ctx.report({ ruleId: 'tensorflow/asset-path', message: `Asset file name is ${unusual}: ${name}`,
        pointer: `${prefix}asset_file_def/${i}/filename`, evidence: name });
    } else if (name) {
      refs.push({ path: `assets/${name}`, kind: 'asset' });
    }
  });
  const objects: KerasObject[] = [];
  (meta.object_graph_def?.nodes ?? []).forEach((node, i) => {
    const u = node.user_object;
    if (u?.metadata) objects.push({ node_id: i, node_path: `object_graph_def/nodes/${i}`, identifier: u.identifier ?? '', metadata: u.metadata });
  });
  return judgeKeras(ctx, objects, `${prefix}object_graph_def/nodes/`, true);
}

/**
 * Keras 2 metadata: each object's `metadata` is the JSON config tf.keras revives that object from
 * (keras/saving/legacy/saved_model/load.py), so every object's config goes to the Keras judge. The
 * model's config repeats its layers', so a finding already made for an earlier object is not repeated.
 */
export async function judgeKeras(ctx: ScanContext<unknown>, objects: KerasObject[], base: string, objectGraph = false): Promise<void> {
  const parsed: Array<{ value: JsonValue; pointer: string }> = [];
  let kerasVersion: string | undefined;
  for (let i = 0; i < objects.length && i < MAX_KERAS_OBJECTS; i++) {
    const o = objects[i]!;
    const text = o.metadata ?? '';
    if (!text) continue;
    const pointer = `${base}${objectGraph ? o.node_id ?? i : i}/${objectGraph ? 'user_object/metadata' : 'metadata'}`;
    if (text.length > ctx.budget.limits.maxJsonHeaderBytes) {
      ctx.limited(`Keras config of ${text.length} characters not parsed (limit ${ctx.budget.limits.maxJsonHeaderBytes})`);
      ctx.inspectString(text, { pointer });
      continue;
    }
    let value: JsonValue;
    try {
      value = parseJsonText(text, { maxDepth: ctx.budget.limits.maxJsonDepth }).value;
    } catch {
      ctx.inspectString(text, { pointer }); // not JSON: tf.keras would fail on it; still look at the text
      continue;
    }
    if (isJsonObject(value) && typeof value.keras_version === 'string') kerasVersion ??= value.keras_version;
    parsed.push({ value, pointer });
  }
  if (objects.length > MAX_KERAS_OBJECTS) ctx.limited(`more than ${MAX_KERAS_OBJECTS} Keras objects`);
  const seen = new Set<string>();
  const once: ScanContext<unknown> = { ...ctx, report(f) {
    const key = `${f.ruleId}\u0000${f.message}`;
    if (!seen.has(key)) { seen.add(key); ctx.report(f); }
  } };
  for (const { value, pointer } of parsed) {
    await judgeKerasConfig(once, value, { pointerBase: pointer, kerasVersion, container: 'savedmodel' });
  }
}
