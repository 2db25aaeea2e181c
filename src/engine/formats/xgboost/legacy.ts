// XGBoost's legacy binary model (before 1.0, still written by save_raw('deprecated') and by
// save_model to names other than .json/.ubj in 1.x): xgboost src/learner.cc LoadModel(dmlc::Stream*),
// src/gbm/gbtree_model.h, src/gbm/gblinear_model.h, src/tree/tree_model.cc RegTree::Load. Little-endian
// fixed-size parameter structs, strings and vectors as a uint64 count then the items:
//   ["binf"] LearnerModelParamLegacy (136 bytes) · name_obj · name_gbm · booster model ·
//   [attributes: vector<pair<string,string>> if contain_extra_attrs] · [metrics if contain_eval_metrics]
import { FormatError } from '../../types';
import { Reader } from '../../io/reader';
import { utf8 } from '../../io/text';
import type { XgbModel } from './model';
import { MAX_PROBLEMS } from './model';

const LEARNER_PARAM_BYTES = 136; // base_score, num_feature, num_class, 2 flags, 2 versions, num_target, boost_from_average, int[25]
const GBTREE_PARAM_BYTES = 160;  // 4 int32, int64 num_pbuffer, 2 int32, int32[32]
const GBLINEAR_PARAM_BYTES = 136; // num_feature, num_output_group, int32[32]
const TREE_PARAM_BYTES = 148;     // 6 int32 + int32[31]
const NODE_BYTES = 20;            // parent, cleft, cright, sindex, split_cond/leaf_value
const STAT_BYTES = 16;            // loss_chg, sum_hess, base_weight, leaf_child_cnt
/** Longest name or attribute string read (names are a few dozen bytes; attributes hold JSON configs). */
const MAX_STRING_BYTES = 16 * 1024 * 1024;
/** Trees, attributes and metrics per model: bounds the loop on a hostile count. */
const MAX_COUNT = 10_000_000;

/** Does the head look like a legacy model: optional "binf", then a learner param and an objective name? */
export function legacyStart(b: Uint8Array): number | null {
  for (const start of [4, 0]) {
    if (start === 4 && !(b[0] === 0x62 && b[1] === 0x69 && b[2] === 0x6e && b[3] === 0x66)) continue;
    const at = start + LEARNER_PARAM_BYTES;
    if (b.length < at + 12) return null;
    const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
    const len = dv.getUint32(at, true);
    if (dv.getUint32(at + 4, true) !== 0 || len < 3 || len > 64 || at + 8 + len > b.length) continue;
    const name = String.fromCharCode(...b.subarray(at + 8, at + 8 + len));
    if (/^(reg|binary|multi|count|survival|rank):[a-z]+$/.test(name)) return start;
  }
  return null;
}

export function parseLegacy(bytes: Uint8Array, start: number): XgbModel {
  const r = new Reader(bytes);
  r.seek(start);
  r.skip(4); // base_score
  const numFeature = r.u32le();
  r.skip(4);
  const extraAttrs = r.i32le(), evalMetrics = r.i32le();
  const major = r.u32le(), minor = r.u32le();
  r.seek(start + LEARNER_PARAM_BYTES);
  const objective = str(r), booster = str(r);
  const m: XgbModel = { encoding: 'legacy-binary', version: major > 0 ? `${major}.${minor}` : undefined, booster, objective,
    numFeature, numTrees: 0, nodes: 0, attributes: [], featureNames: [], problems: [], strings: [] };
  if (booster === 'gbtree' || booster === 'dart') readGbtree(r, m);
  else if (booster === 'gblinear') { r.skip(GBLINEAR_PARAM_BYTES); r.skip(4 * count(r, 'weights')); }
  else throw new FormatError(`unknown booster "${booster.slice(0, 40)}"`, r.absolute);
  if (booster === 'dart') r.skip(4 * count(r, 'weight_drop'));
  if (extraAttrs !== 0) {
    const n = count(r, 'attributes');
    for (let i = 0; i < n; i++) {
      const k = str(r), v = str(r);
      m.attributes.push([k, v]);
      m.strings.push({ text: k, pointer: `attributes/${i}` }, { text: v, pointer: `attributes/${k}` });
    }
  }
  if (evalMetrics !== 0) {
    const n = count(r, 'metrics');
    for (let i = 0; i < n; i++) m.strings.push({ text: str(r), pointer: `metrics/${i}` });
  }
  if (r.remaining > 0) m.problems.push({ pointer: `@${r.absolute}`, message: `${r.remaining} bytes follow the end of the model` });
  return m;
}

function readGbtree(r: Reader, m: XgbModel): void {
  const at = r.pos;
  const numTrees = r.i32le();
  r.seek(at + GBTREE_PARAM_BYTES);
  if (numTrees < 0 || numTrees > MAX_COUNT) throw new FormatError(`num_trees ${numTrees}`, at);
  m.numTrees = numTrees;
  for (let t = 0; t < numTrees; t++) {
    const tp = r.pos;
    r.skip(4);
    const nodes = r.i32le();
    r.seek(tp + TREE_PARAM_BYTES);
    if (nodes < 1 || nodes > MAX_COUNT) throw new FormatError(`tree ${t} declares ${nodes} nodes`, tp);
    r.need(nodes * (NODE_BYTES + STAT_BYTES), `tree ${t}`);
    const base = r.pos;
    for (let i = 0; i < nodes; i++) {
      const o = base + i * NODE_BYTES;
      const left = r.bytes[o + 4]! | (r.bytes[o + 5]! << 8) | (r.bytes[o + 6]! << 16) | (r.bytes[o + 7]! << 24);
      const right = r.bytes[o + 8]! | (r.bytes[o + 9]! << 8) | (r.bytes[o + 10]! << 16) | (r.bytes[o + 11]! << 24);
      const feature = (r.bytes[o + 12]! | (r.bytes[o + 13]! << 8) | (r.bytes[o + 14]! << 16)) & 0x7fffffff; // top bit: default_left
      if (left < -1 || right < -1 || left >= nodes || right >= nodes || left === i || right === i) {
        if (m.problems.length < MAX_PROBLEMS) m.problems.push({ pointer: `trees/${t}/nodes/${i}`, message: `node ${i} has children ${left}, ${right} outside the tree's ${nodes} nodes or pointing at itself` });
        break;
      }
      if (left !== -1 && feature >= m.numFeature && m.problems.length < MAX_PROBLEMS) {
        m.problems.push({ pointer: `trees/${t}/nodes/${i}`, message: `node ${i} splits on feature ${feature} of ${m.numFeature}` });
        break;
      }
    }
    r.skip(nodes * (NODE_BYTES + STAT_BYTES));
    m.nodes += nodes;
  }
  if (numTrees > 0) r.skip(4 * numTrees); // tree_info
}

function count(r: Reader, what: string): number {
  const at = r.absolute;
  const n = r.u64le();
  if (n > MAX_COUNT) throw new FormatError(`${what} count ${n} is beyond any model`, at);
  return n;
}

function str(r: Reader): string {
  const at = r.absolute;
  const n = r.u64le();
  if (n > MAX_STRING_BYTES) throw new FormatError(`string of ${n} bytes`, at);
  return utf8(r.bytesN(n, 'string'));
}
