// Sharded checkpoints: model.safetensors.index.json, the file transformers (modeling_utils,
// `load_sharded_checkpoint`) and accelerate read to learn which shard holds which tensor:
//   {"metadata": {"total_size": <bytes>}, "weight_map": {"<tensor>": "model-00001-of-00002.safetensors"}}
// Loaders join each weight_map value to the model folder and open it, so a value that is an absolute
// path or climbs out with ".." makes them read a file outside the model. The shard-vs-index comparison
// needs the shards too and lives in folder.ts; this scanner validates the index alone and notes the map.
import { FormatError, type JsonValue, type ScanContext, type Scanner } from '../../types';
import { isJsonObject, pointerToken } from '../../io/json';
import { parseJsonMembers } from '../../io/json-members';
import { NameMap } from '../../io/name-map';
import { safetensorsIndexSniffer } from './index-sniff';
import { escapesFolder } from '../../folder/references';

/** Tensor names kept in notes across all shards of one index; bounds report size. */
export const MAX_NOTED_INDEX_ENTRIES = 200_000;
/**
 * Characters of tensor names kept in notes: an index of 100,000 tensors named with 60 characters takes
 * 6 M; a 61 MB index of a million entries would otherwise put most of itself in the report.
 */
export const MAX_NOTED_INDEX_CHARS = 8 * 1024 * 1024;
/** Distinct shard names kept in notes (real indexes name a few hundred at most); every one is judged. */
export const MAX_NOTED_SHARDS = 10_000;
/** Longest shard name kept in notes (Linux's PATH_MAX: no loader opens a longer one); every one is judged. */
export const MAX_NOTED_SHARD_NAME_CHARS = 4096;

/** What the index's weight_map says, gathered entry by entry (the last copy of a repeated key wins, as in loaders). */
class WeightMap {
  /** Distinct tensors. */
  tensors = 0;
  /** Shard → the tensors noted for it (a Set: a repeated tensor moves to its last shard). */
  readonly byShard = new NameMap<Set<string>>();
  /** Tensor → shard, for the noted tensors; built at the first repeated tensor only. */
  private shardOf?: NameMap<string>;
  private noted = 0;
  private chars = 0;
  truncated = false;

  /** Notes that `tensor` is in `file` (within the bounds; past them, `truncated`). */
  add(tensor: string, file: string, repeated: boolean): void {
    if (!repeated) this.tensors++;
    else if (!this.truncated) {
      this.shardOf ??= this.index();
      const before = this.shardOf.get(tensor);
      if (before !== undefined && this.byShard.get(before)!.delete(tensor)) { this.noted--; this.chars -= tensor.length; }
    }
    let set = this.byShard.get(file);
    if (!set) {
      set = new Set();
      if (this.byShard.size < MAX_NOTED_SHARDS && file.length <= MAX_NOTED_SHARD_NAME_CHARS) this.byShard.set(file, set);
      else this.truncated = true;
    }
    if (!this.truncated && this.noted < MAX_NOTED_INDEX_ENTRIES && this.chars + tensor.length <= MAX_NOTED_INDEX_CHARS) {
      if (!set.has(tensor)) { this.noted++; this.chars += tensor.length; }
      set.add(tensor);
      this.shardOf?.set(tensor, file);
    } else {
      this.truncated = true;
    }
  }

  private index(): NameMap<string> {
    const m = new NameMap<string>();
    for (const [file, set] of this.byShard) for (const t of set) m.set(t, file);
    return m;
  }
}

async function scan(ctx: ScanContext<unknown>): Promise<void> {
  const size = ctx.source.size;
  const max = ctx.budget.limits.maxJsonHeaderBytes;
  if (size > max) {
    ctx.report({ ruleId: 'scan/limit-reached', message: `The ${size}-byte index is above the ${max}-byte JSON limit; it was not parsed` });
    ctx.limited('index above maxJsonHeaderBytes');
    return;
  }
  // Member by member (io/json-members.ts parseJsonMembers), weight_map entry by entry: a million-entry index
  // never becomes one million-key object (it took 8 s and 307 MB).
  let metadata: JsonValue | undefined;
  let map: WeightMap | null = null;
  let notObject = false;
  const judged = new NameMap<true>();
  const doc = parseJsonMembers(await ctx.read(0, size), { maxDepth: ctx.budget.limits.maxJsonDepth }, (key, value) => {
    if (key === 'metadata') metadata = value;
    else if (key === 'weight_map') { map = null; notObject = true; } // the last copy wins, and it is not an object
  }, (key) => {
    if (key !== 'weight_map') return undefined;
    const m = map = new WeightMap(); // a repeated weight_map: the last copy wins
    notObject = false;
    return (tensor, file, _offset, repeated) => {
      const pointer = `/weight_map/${pointerToken(tensor)}`;
      ctx.inspectString(tensor, { pointer });
      if (typeof file !== 'string') {
        ctx.report({ ruleId: 'safetensors/index-inconsistent', pointer, message: `The index maps tensor "${tensor}" to a non-string shard` });
        return;
      }
      m.add(tensor, file, repeated);
      if (judged.claim(file, true) === undefined) judgeShardName(ctx, file, pointer);
    };
  });
  const weightMap = map as WeightMap | null;
  if (!weightMap || notObject) throw new FormatError('the index has no "weight_map" object', 0);

  for (const d of doc.duplicates) {
    ctx.report({ ruleId: 'safetensors/duplicate-key', offset: d.offset, pointer: d.pointer,
      message: `The index repeats the key ${d.pointer}; loaders disagree on which value wins` });
  }

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

  const grouped = Object.create(null) as Record<string, JsonValue>;
  const shards: string[] = [];
  for (const [file, names] of weightMap.byShard) { grouped[file] = [...names]; shards.push(file); }
  ctx.note('tensorCount', weightMap.tensors);
  ctx.note('shards', shards);
  ctx.note('weightMap', grouped);
  if (weightMap.truncated) ctx.note('weightMapTruncated', true);
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
