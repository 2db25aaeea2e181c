// Sharded checkpoints: model.safetensors.index.json, the file transformers (modeling_utils,
// `load_sharded_checkpoint`) and accelerate read to learn which shard holds which tensor:
//   {"metadata": {"total_size": <bytes>}, "weight_map": {"<tensor>": "model-00001-of-00002.safetensors"}}
// Loaders join each weight_map value to the model folder and open it, so a value that is an absolute
// path or climbs out with ".." makes them read a file outside the model. The shard-vs-index comparison
// needs the shards too and lives in folder.ts; this scanner validates the index alone and notes the map.
import { FormatError, type JsonValue, type ScanContext, type Scanner } from '../../types';
import { isJsonObject, parseJson, pointerToken } from '../../io/json';
import { safetensorsIndexSniffer } from './index-sniff';

/** Tensor names kept in notes across all shards of one index; bounds report size. */
export const MAX_NOTED_INDEX_ENTRIES = 200_000;

/** A weight_map value that is absolute or climbs out of the index's folder. */
export function escapesFolder(file: string): boolean {
  if (file.startsWith('/') || file.startsWith('\\') || /^[A-Za-z]:/.test(file) || file.includes('\u0000')) return true;
  return file.split(/[\\/]/).some((seg) => seg === '..');
}

async function scan(ctx: ScanContext<unknown>): Promise<void> {
  const size = ctx.source.size;
  const max = ctx.budget.limits.maxJsonHeaderBytes;
  if (size > max) {
    ctx.report({ ruleId: 'scan/limit-reached', message: `The ${size}-byte index is above the ${max}-byte JSON limit; it was not parsed` });
    ctx.limited('index above maxJsonHeaderBytes');
    return;
  }
  const doc = parseJson(await ctx.read(0, size), { maxDepth: ctx.budget.limits.maxJsonDepth });
  const root = doc.value;
  if (!isJsonObject(root)) throw new FormatError('the index is not a JSON object', 0);
  const weightMap = root.weight_map;
  if (!isJsonObject(weightMap)) throw new FormatError('the index has no "weight_map" object', 0);

  for (const d of doc.duplicates) {
    ctx.report({ ruleId: 'safetensors/duplicate-key', offset: d.offset, pointer: d.pointer,
      message: `The index repeats the key ${d.pointer}; loaders disagree on which value wins` });
  }

  const metadata = root.metadata;
  if (metadata !== undefined) {
    if (!isJsonObject(metadata)) {
      ctx.report({ ruleId: 'safetensors/index-inconsistent', pointer: '/metadata', message: 'The index "metadata" is not an object' });
    } else {
      inspectAll(ctx, metadata, '/metadata', 0);
      const total = metadata.total_size;
      if (total !== undefined && !(typeof total === 'number' && Number.isSafeInteger(total) && total >= 0)) {
        ctx.report({ ruleId: 'safetensors/index-inconsistent', pointer: '/metadata/total_size', evidence: JSON.stringify(total).slice(0, 100),
          message: 'The index metadata.total_size is not a byte count' });
      } else if (typeof total === 'number') {
        ctx.note('totalSize', total);
      }
    }
  }

  // Group tensors by shard; judge each distinct shard name once.
  const byShard = new Map<string, string[]>();
  let noted = 0;
  for (const tensor of Object.keys(weightMap)) {
    const file = weightMap[tensor]!;
    const pointer = `/weight_map/${pointerToken(tensor)}`;
    ctx.inspectString(tensor, { pointer });
    if (typeof file !== 'string') {
      ctx.report({ ruleId: 'safetensors/index-inconsistent', pointer, message: `The index maps tensor "${tensor}" to a non-string shard` });
      continue;
    }
    let list = byShard.get(file);
    if (!list) {
      list = [];
      byShard.set(file, list);
      judgeShardName(ctx, file, pointer);
    }
    if (noted < MAX_NOTED_INDEX_ENTRIES) { list.push(tensor); noted++; }
  }

  const grouped = Object.create(null) as Record<string, JsonValue>;
  for (const [file, names] of byShard) grouped[file] = names;
  ctx.note('tensorCount', Object.keys(weightMap).length);
  ctx.note('shards', [...byShard.keys()]);
  ctx.note('weightMap', grouped);
  if (noted < Object.keys(weightMap).length) ctx.note('weightMapTruncated', true);
}

function judgeShardName(ctx: ScanContext<unknown>, file: string, pointer: string): void {
  ctx.inspectString(file, { pointer });
  if (escapesFolder(file)) {
    ctx.report({ ruleId: 'safetensors/index-path-escape', pointer, evidence: file,
      message: `The index points to "${file}", outside the model folder` });
  } else if (!file.toLowerCase().endsWith('.safetensors')) {
    ctx.report({ ruleId: 'safetensors/index-inconsistent', pointer, evidence: file,
      message: `The index names "${file}" as a shard, which is not a .safetensors file` });
  }
}

/** Nesting of the index metadata walked for strings; real metadata is flat. */
const MAX_METADATA_WALK_DEPTH = 8;

function inspectAll(ctx: ScanContext<unknown>, v: JsonValue, pointer: string, depth: number): void {
  if (typeof v === 'string') { ctx.inspectString(v, { pointer }); return; }
  if (depth >= MAX_METADATA_WALK_DEPTH || v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) { v.forEach((x, i) => inspectAll(ctx, x, `${pointer}/${i}`, depth + 1)); return; }
  for (const k of Object.keys(v)) {
    const p = `${pointer}/${pointerToken(k)}`;
    ctx.inspectString(k, { pointer: p });
    inspectAll(ctx, v[k]!, p, depth + 1);
  }
}

export const safetensorsIndexScanner: Scanner = { ...safetensorsIndexSniffer, scan };
