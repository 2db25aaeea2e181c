// XGBoost's model document (JSON and UBJSON share it; xgboost doc/model.schema, src/learner.cc
// SaveModel, src/tree/tree_model.cc RegTree::SaveModel) → what a judge needs: booster, objective,
// trees and their consistency, and every free-text string (attributes, feature names, parameters).
// XGBoost's C++ loader trusts the tree arrays: a child index past the node count or a split on a
// feature past num_feature makes prediction read out of bounds, so such trees are reported.
import type { JsonValue } from '../../types';

export interface XgbProblem { pointer: string; message: string }
export interface XgbModel {
  encoding: 'json' | 'ubjson' | 'legacy-binary';
  version?: string;
  booster: string;
  objective: string;
  numFeature: number;
  numTrees: number;
  nodes: number;
  attributes: Array<[string, string]>;
  featureNames: string[];
  problems: XgbProblem[];
  /** A save_config() document: parameters, no trees. */
  configOnly?: boolean;
  /** Free text for the string detectors, with where it sits. */
  strings: Array<{ text: string; pointer: string }>;
}

/** Structural problems listed per model; more are counted. */
export const MAX_PROBLEMS = 20;
/** Strings handed to the detectors per model (feature names of wide data run to thousands). */
const MAX_STRINGS = 5000;

export const BOOSTERS = new Set(['gbtree', 'dart', 'gblinear']);
/** Objectives XGBoost registers (src/objective/*.cc XGBOOST_REGISTER_OBJECTIVE), 1.0 to 2.1. */
export const OBJECTIVES = new Set([
  'reg:squarederror', 'reg:squaredlogerror', 'reg:logistic', 'reg:pseudohubererror', 'reg:absoluteerror',
  'reg:quantileerror', 'reg:linear', 'reg:gamma', 'reg:tweedie', 'binary:logistic', 'binary:logitraw',
  'binary:hinge', 'count:poisson', 'survival:cox', 'survival:aft', 'multi:softmax', 'multi:softprob',
  'rank:ndcg', 'rank:map', 'rank:pairwise', 'reg:logisticraw',
]);

type Obj = { [k: string]: JsonValue };
const obj = (v: JsonValue | undefined): Obj | null => (v && typeof v === 'object' && !Array.isArray(v) ? v : null);
const arr = (v: JsonValue | undefined): JsonValue[] | null => (Array.isArray(v) ? v : null);
const num = (v: JsonValue | undefined): number => (typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : NaN);

/** Is this JSON value an XGBoost model document? (a `learner` object; `version` array) */
export function isXgbDocument(v: JsonValue): boolean {
  const root = obj(v);
  return !!root && !!obj(root['learner']);
}

export function readXgbDocument(v: JsonValue, encoding: 'json' | 'ubjson'): XgbModel {
  const root = obj(v)!;
  const learner = obj(root['learner'])!;
  const version = arr(root['version']);
  const gb = obj(learner['gradient_booster']) ?? {};
  const objective = obj(learner['objective']) ?? {};
  const lmp = obj(learner['learner_model_param']) ?? {};
  const m: XgbModel = {
    encoding, version: version ? version.map(String).join('.') : undefined,
    booster: String(gb['name'] ?? ''), objective: String(objective['name'] ?? ''),
    numFeature: num(lmp['num_feature']), numTrees: 0, nodes: 0, attributes: [], featureNames: [], problems: [], strings: [],
  };
  const text = (t: string, pointer: string) => { if (m.strings.length < MAX_STRINGS && t) m.strings.push({ text: t, pointer }); };
  for (const [k, val] of Object.entries(obj(learner['attributes']) ?? {})) {
    m.attributes.push([k, String(val)]);
    text(k, '/learner/attributes'); text(String(val), `/learner/attributes/${k}`);
  }
  for (const [i, f] of (arr(learner['feature_names']) ?? []).entries()) {
    m.featureNames.push(String(f));
    text(String(f), `/learner/feature_names/${i}`);
  }
  for (const [i, f] of (arr(learner['feature_types']) ?? []).entries()) text(String(f), `/learner/feature_types/${i}`);
  // Parameter values are numbers and names; a string of code among them is what to look for.
  walkParams(objective, '/learner/objective', text);
  // dart wraps a gbtree: {"name": "dart", "gbtree": {"model": ...}, "weight_drop": [...]}
  const model = obj(obj(gb['gbtree'])?.['model']) ?? obj(gb['model']);
  // Booster.save_config() writes the same document without models: parameters only, nothing to check.
  m.configOnly = !model && !!obj(learner['generic_param']);
  if (!m.configOnly && (m.booster === 'gbtree' || m.booster === 'dart')) readTrees(m, model, m.booster === 'dart' ? '/learner/gradient_booster/gbtree/model' : '/learner/gradient_booster/model');
  if (m.configOnly) walkParams(learner, '/learner', text);
  return m;
}

function walkParams(o: Obj, pointer: string, text: (t: string, p: string) => void, depth = 0): void {
  if (depth > 4) return;
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'string') { if (!/^-?[\d.e+]+$|^(true|false)$/i.test(v)) text(v, `${pointer}/${k}`); }
    else if (obj(v)) walkParams(obj(v)!, `${pointer}/${k}`, text, depth + 1);
  }
}

function problem(m: XgbModel, pointer: string, message: string): void {
  if (m.problems.length < MAX_PROBLEMS) m.problems.push({ pointer, message });
}

function readTrees(m: XgbModel, model: Obj | null, base: string): void {
  if (!model) { problem(m, base, 'the tree booster has no model'); return; }
  const trees = arr(model['trees']) ?? [];
  m.numTrees = trees.length;
  const declared = num(obj(model['gbtree_model_param'])?.['num_trees']);
  if (Number.isFinite(declared) && declared !== trees.length) problem(m, `${base}/gbtree_model_param/num_trees`, `declares ${declared} trees but holds ${trees.length}`);
  const info = arr(model['tree_info']);
  if (info && info.length !== trees.length) problem(m, `${base}/tree_info`, `tree_info has ${info.length} entries for ${trees.length} trees`);
  for (const [t, tv] of trees.entries()) {
    const tree = obj(tv);
    const p = `${base}/trees/${t}`;
    if (!tree) { problem(m, p, 'a tree is not an object'); continue; }
    const n = num(obj(tree['tree_param'])?.['num_nodes']);
    const left = arr(tree['left_children']) ?? [], right = arr(tree['right_children']) ?? [];
    const splits = arr(tree['split_indices']) ?? [];
    if (!Number.isInteger(n) || n < 1) { problem(m, `${p}/tree_param/num_nodes`, `num_nodes ${String(n)} is not a positive count`); continue; }
    m.nodes += n;
    for (const key of ['left_children', 'right_children', 'parents', 'split_indices', 'split_conditions', 'default_left']) {
      const a = arr(tree[key]);
      if (a && a.length !== n) problem(m, `${p}/${key}`, `${key} has ${a.length} entries for ${n} nodes`);
    }
    for (let i = 0; i < Math.min(n, left.length, right.length); i++) {
      const l = left[i], r = right[i];
      if (typeof l !== 'number' || typeof r !== 'number' || l < -1 || r < -1 || l >= n || r >= n || l === i || r === i) {
        problem(m, `${p}/left_children/${i}`, `node ${i} has children ${String(l)}, ${String(r)} outside the tree's ${n} nodes or pointing at itself`);
        break;
      }
      const f = splits[i];
      if (l !== -1 && Number.isFinite(m.numFeature) && (typeof f !== 'number' || f < 0 || f >= m.numFeature)) {
        problem(m, `${p}/split_indices/${i}`, `node ${i} splits on feature ${String(f)} of ${m.numFeature}`);
        break;
      }
    }
  }
}
