// LightGBM text models (.txt / .model): loading runs no user code, but LightGBM's C++ indexes with the
// tree arrays as written, and the free text (feature names, parameters, pandas categories) reaches user
// code; the arrays are checked against num_leaves and max_feature_idx and the text goes to the detectors.
// Pickled sklearn-API models (LGBMClassifier) are pickles, for the pickle scanner.
import type { ScanContext, Scanner } from '../../types';
import { utf8 } from '../../io/text';
import { parseLightgbm, type LgbModel, type LgbTree } from './parse';
import { lightgbmSniffer } from './sniff';

/** Problems listed per model; more are counted. */
const MAX_PROBLEMS = 20;
/** Text models above this are not parsed whole (a 100k-tree model is ~200 MB). */
const MAX_TEXT_BYTES = 512 * 1024 * 1024;

export const lightgbmScanner: Scanner = { ...lightgbmSniffer, scan };

async function scan(ctx: ScanContext): Promise<void> {
  const size = ctx.source.size;
  if (size > Math.min(MAX_TEXT_BYTES, ctx.budget.limits.maxMemberBytes)) {
    ctx.report({ ruleId: 'scan/limit-reached', message: `The ${size}-byte text model is above the limit for reading it whole; it was not parsed` });
    ctx.limited('text model too large');
    return;
  }
  const m = parseLightgbm(utf8(await ctx.read(0, size)));
  const h = m.header;
  ctx.note('version', h.get('version') ?? '');
  ctx.note('objective', h.get('objective') ?? '');
  ctx.note('trees', m.trees.length + m.treesDropped);
  const maxFeature = Number(h.get('max_feature_idx') ?? NaN);
  if (Number.isFinite(maxFeature)) ctx.note('features', maxFeature + 1);
  if (m.treesDropped) ctx.limited(`${m.treesDropped} trees past the checking bound`);

  const problems: Array<{ pointer: string; message: string }> = [];
  // The loader splits the text into trees by tree_sizes (gbdt_model_text.cpp): a count that disagrees
  // with the Tree= blocks makes it parse other bytes as trees.
  const sizes = nums(h.get('tree_sizes'));
  if (h.has('tree_sizes') && m.treesDropped === 0 && sizes.length !== m.trees.length) {
    problems.push({ pointer: 'tree_sizes', message: `tree_sizes lists ${sizes.length} trees, the model holds ${m.trees.length}` });
  }
  for (const t of m.trees) {
    checkTree(t, maxFeature, problems);
    if (problems.length >= MAX_PROBLEMS) break;
  }
  for (const p of problems.slice(0, MAX_PROBLEMS)) ctx.report({ ruleId: 'lightgbm/bad-tree', pointer: p.pointer, message: `Inconsistent model structure: ${p.message}` });
  inspect(ctx, m);
}

function nums(s: string | undefined): number[] {
  if (s === undefined || s.trim() === '') return [];
  return s.trim().split(/\s+/).map(Number);
}

/** Tree::Tree(const char*): num_leaves-1 internal nodes; a child >= 0 is a node, ~child a leaf. */
function checkTree(t: LgbTree, maxFeature: number, out: Array<{ pointer: string; message: string }>): void {
  const p = `Tree=${t.index}`;
  const leaves = Number(t.fields.get('num_leaves'));
  if (!Number.isInteger(leaves) || leaves < 1) { out.push({ pointer: p, message: `num_leaves ${t.fields.get('num_leaves') ?? '(missing)'}` }); return; }
  const internal = leaves - 1;
  const leafValues = nums(t.fields.get('leaf_value'));
  if (leafValues.length !== leaves) out.push({ pointer: `${p}/leaf_value`, message: `${leafValues.length} leaf values for ${leaves} leaves` });
  if (internal === 0) return;
  for (const key of ['split_feature', 'threshold', 'decision_type', 'left_child', 'right_child']) {
    const n = nums(t.fields.get(key)).length;
    if (n !== internal) { out.push({ pointer: `${p}/${key}`, message: `${key} has ${n} entries for ${internal} internal nodes` }); return; }
  }
  const left = nums(t.fields.get('left_child')), right = nums(t.fields.get('right_child')), feat = nums(t.fields.get('split_feature'));
  for (let i = 0; i < internal; i++) {
    for (const c of [left[i]!, right[i]!]) {
      if (!Number.isInteger(c) || c >= internal || (c < 0 && ~c >= leaves) || c === i) {
        out.push({ pointer: `${p}/left_child`, message: `node ${i} has a child ${c} outside the tree's ${internal} nodes and ${leaves} leaves` });
        return;
      }
    }
    if (Number.isFinite(maxFeature) && (!Number.isInteger(feat[i]) || feat[i]! < 0 || feat[i]! > maxFeature)) {
      out.push({ pointer: `${p}/split_feature`, message: `node ${i} splits on feature ${feat[i]} of ${maxFeature + 1}` });
      return;
    }
  }
}

function inspect(ctx: ScanContext, m: LgbModel): void {
  for (const [i, name] of (m.header.get('feature_names') ?? '').split(' ').entries()) {
    if (name) ctx.inspectString(name, { pointer: `feature_names/${i}`, key: 'feature_names' });
  }
  for (const p of m.parameters) {
    if (p.value && !/^[-+\d.e,: ]*$/i.test(p.value)) ctx.inspectString(p.value, { pointer: `parameters/${p.key}`, key: p.key });
  }
  if (m.pandasCategorical && m.pandasCategorical !== 'null') ctx.inspectString(m.pandasCategorical, { pointer: 'pandas_categorical', key: 'pandas_categorical' });
}
