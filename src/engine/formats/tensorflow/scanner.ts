// TensorFlow SavedModel (saved_model.pb), frozen GraphDef (*.pb), TF1 MetaGraphDef (*.meta), Keras 2's
// keras_metadata.pb and the variables files next to them. Every op of every graph and library function
// is judged (graph.ts); collections, assets and Keras configs in meta.ts. The protobuf decoders are
// static code generated from TensorFlow's descriptors (schema/), loaded only when a file is scanned.
import { FormatError, LimitExceeded, type JsonValue, type ScanContext, type Scanner } from '../../types';
import { clip } from '../../io/text';
import { tensorflowSniffer, type TfSniff } from './sniff';
import { MAX_DECODED_KERAS_OBJECTS, MAX_DECODED_NODES, countDecodedObjects, parseTensorflow } from './parse';
import { judgeGraph, newStats, type GraphStats } from './graph';
import { judgeKeras, judgeMeta, type Reference } from './meta';
import { scanPbtxt } from './text';
import { loadStandardOps } from './policy';

/** Protobuf cannot encode messages of 2 GiB or more; TensorFlow refuses them. */
const PROTO_MAX_BYTES = 2 ** 31 - 1;
/** Ops listed in the opCounts note (most frequent first). Bounds the note on graphs of many custom ops. */
const MAX_OP_COUNT_ENTRIES = 500;
/** Meta graphs whose tags and version are noted (SavedModels hold one per tag set, usually one). */
const MAX_NOTED_META_GRAPHS = 16;
/** leveldb table footer magic (tensor bundle .index files are leveldb SSTables): 0xdb4775248b80fb57 LE. */
const TABLE_MAGIC = [0x57, 0xfb, 0x80, 0x8b, 0x24, 0x75, 0x47, 0xdb];

const LABEL: Record<string, string> = {
  'saved-model': 'SavedModel', 'meta-graph': 'MetaGraphDef', 'graph-def': 'GraphDef', 'keras-metadata': 'Keras metadata',
};

async function scan(ctx: ScanContext<TfSniff>): Promise<void> {
  const { kind } = ctx.state;
  ctx.note('kind', kind);
  if (kind === 'variables-data') {
    ctx.note('skipped', 'tensor bundle data shard: raw tensor bytes, not parsed');
    return;
  }
  if (kind === 'variables-index') return checkIndex(ctx);
  await loadStandardOps();
  if (kind === 'pbtxt') return scanPbtxt(ctx);

  // The decoder needs the message in memory: one member-sized buffer at most (limits.maxMemberBytes).
  const max = Math.min(PROTO_MAX_BYTES, ctx.budget.limits.maxMemberBytes);
  if (ctx.source.size > max) throw new LimitExceeded('maxMemberBytes', `${LABEL[kind]} of ${ctx.source.size} bytes is larger than ${max}`);
  const bytes = await ctx.read(0, ctx.source.size);
  if (bytes.length !== ctx.source.size) throw new FormatError(`short read: ${bytes.length} of ${ctx.source.size} bytes`);
  const objects = countDecodedObjects(bytes, kind);
  const cap = kind === 'keras-metadata' ? MAX_DECODED_KERAS_OBJECTS : MAX_DECODED_NODES;
  if (objects > cap) {
    throw new LimitExceeded('tensorflowNodes', `${LABEL[kind]} of ${objects} ${kind === 'keras-metadata' ? 'objects' : 'nodes'} is above the ${cap} decoded per file`);
  }
  const doc = await parseTensorflow(bytes, kind);
  ctx.checkAborted();

  if (doc.schemaVersion !== undefined) ctx.note('schemaVersion', doc.schemaVersion);
  const refs: Reference[] = [];
  const versions: JsonValue[] = [];
  for (const { prefix, meta } of doc.metaGraphs) {
    const info = meta.meta_info_def;
    // Untrusted strings in a note: few and short.
    if (info && versions.length < MAX_NOTED_META_GRAPHS) {
      versions.push({ tags: (info.tags ?? []).slice(0, 16).map((t) => clip(t, 80)), tensorflowVersion: clip(info.tensorflow_version ?? '', 80) });
    }
    await judgeMeta(ctx, meta, prefix, refs);
    if (meta.saver_def && !refs.some((r) => r.kind === 'variables')) refs.push({ path: 'variables/variables.index', kind: 'variables' });
  }
  if (versions.length) ctx.note('metaGraphs', versions);
  const stats = newStats();
  for (const { prefix, graph } of doc.graphs) {
    judgeGraph(ctx, graph, prefix, stats);
    ctx.checkAborted();
  }
  if (kind === 'keras-metadata') {
    ctx.note('kerasObjects', doc.keras.length);
    await judgeKeras(ctx, doc.keras, 'nodes/');
  }
  if (kind === 'saved-model' && refs.length) ctx.note('references', refs.map((r) => ({ path: r.path, kind: r.kind })));
  if (doc.graphs.length) summarise(ctx, kind, stats);
  if (stats.cut) ctx.limited(`stopped after ${stats.cut}`);
}

function summarise(ctx: ScanContext<TfSniff>, kind: string, stats: GraphStats): void {
  const ops = [...stats.opCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const counts: Record<string, JsonValue> = {};
  for (const [op, n] of ops.slice(0, MAX_OP_COUNT_ENTRIES)) counts[op] = n;
  ctx.note('opCounts', counts);
  if (ops.length > MAX_OP_COUNT_ENTRIES) ctx.note('opCountsOmitted', ops.length - MAX_OP_COUNT_ENTRIES);
  const top = ops.slice(0, 8).map(([op, n]) => `${op}×${n}`).join(', ');
  ctx.report({ ruleId: 'tensorflow/op-summary',
    message: `${LABEL[kind]}: ${stats.graphs} graph${stats.graphs === 1 ? '' : 's'}, ${stats.functions} function${stats.functions === 1 ? '' : 's'}, ${stats.nodes} nodes, ${ops.length} distinct ops`,
    evidence: top });
}

/** A tensor bundle index is a leveldb table: check its footer magic (table/format.h) and leave the
 * entries (tensor names, dtypes, shapes, offsets into the data shards) unparsed. */
async function checkIndex(ctx: ScanContext<TfSniff>): Promise<void> {
  const size = ctx.source.size;
  if (size < 48) throw new FormatError('variables.index shorter than a table footer', 0);
  const tail = await ctx.read(size - 8, 8);
  if (!TABLE_MAGIC.every((b, i) => tail[i] === b)) throw new FormatError('variables.index does not end with the table magic', size - 8);
  ctx.note('skipped', 'tensor bundle index (leveldb table): entries not parsed');
}

export const tensorflowScanner: Scanner<TfSniff> = {
  ...tensorflowSniffer,
  scan,
};
