// CatBoost binary models (.cbm; catboost/libs/model/model.cpp TFullModel::Save/Load): 'CBM1', a
// little-endian uint32 core size, the TModelCore flatbuffer (catboost/libs/model/flatbuffers/model.fbs:
// FormatVersion, ObliviousTrees, InfoMap [Key, Value], ModelPartIds), then the parts it lists (CTR
// tables, text and embedding processing). Loading runs no user code; the InfoMap's free text (training
// params JSON, class names, user metadata) reaches user code, and unknown parts are named. The core is
// read with bounds-checked flatbuffer accessors (flat.ts), never trusting an offset.
import type { ScanContext, Scanner } from '../../types';
import { FormatError } from '../../types';
import { Flat } from '../../io/flatbuffer';
import { catboostSniffer } from './sniff';

/** Core flatbuffers above this are not read (real cores are KB to a few hundred MB with big CTRs). */
const MAX_CORE_BYTES = 256 * 1024 * 1024;
/** Model parts CatBoost writes (TStaticCtrProvider, TTextProcessingCollection, TEmbeddingProcessingCollection, ...). */
const KNOWN_PARTS = new Set(['static_provider_v1', 'text_processing_collection', 'embedding_processing_collection',
  'static_provider_v2', 'TTextProcessingCollection', 'TEmbeddingProcessingCollection', 'non_symmetric_trees']);
/** InfoMap entries handed to the detectors per model. */
const MAX_INFO = 1000;

export const catboostScanner: Scanner = { ...catboostSniffer, scan };

async function scan(ctx: ScanContext): Promise<void> {
  const head = await ctx.read(0, 8);
  const size = (head[4]! | (head[5]! << 8) | (head[6]! << 16)) + head[7]! * 0x1000000;
  if (size < 8 || 8 + size > ctx.source.size) throw new FormatError(`core size ${size} runs past the ${ctx.source.size}-byte file`, 4);
  if (size > MAX_CORE_BYTES) {
    ctx.report({ ruleId: 'scan/limit-reached', offset: 4, message: `The ${size}-byte model core is above the ${MAX_CORE_BYTES}-byte limit; it was not read` });
    ctx.limited('core above the read limit');
    return;
  }
  const f = new Flat(await ctx.read(8, size), 8);
  const root = f.root();
  const version = f.string(root, 0);
  ctx.note('formatVersion', version ?? '');
  const trees = f.table(root, 1);
  if (trees !== null) {
    const sizes = f.vectorLength(trees, 2);
    ctx.note('trees', sizes);
    ctx.note('leafValues', f.vectorLength(trees, 8));
  }
  const info = f.tables(root, 2);
  const keys: string[] = [];
  for (const kv of info.slice(0, MAX_INFO)) {
    const k = f.string(kv, 0) ?? '', v = f.string(kv, 1) ?? '';
    keys.push(k);
    ctx.inspectString(k, { pointer: `/InfoMap/${k}`, key: 'InfoMap key' });
    ctx.inspectString(v, { pointer: `/InfoMap/${k}`, key: k });
  }
  if (keys.length) ctx.note('info', keys.slice(0, 50));
  const parts = f.strings(root, 3);
  if (parts.length) ctx.note('parts', parts.slice(0, 50));
  for (const [i, p] of parts.entries()) {
    if (!KNOWN_PARTS.has(p)) {
      ctx.report({ ruleId: 'catboost/unknown-part', pointer: `/ModelPartIds/${i}`, evidence: p.slice(0, 80),
        message: `The model lists the part "${p.slice(0, 80)}", which CatBoost does not write` });
    }
  }
  if (parts.length === 0 && 8 + size < ctx.source.size) {
    ctx.report({ ruleId: 'format/malformed', offset: 8 + size, message: `${ctx.source.size - 8 - size} bytes follow a model core that lists no parts` });
  }
}
