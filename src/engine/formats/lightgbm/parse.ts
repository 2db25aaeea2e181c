// LightGBM's text model (what Booster.save_model / model_to_string write and LGBM_BoosterLoadModelFromString
// reads; LightGBM src/boosting/gbdt_model_text.cpp, src/io/tree.cpp Tree::Tree(const char*)):
//   "tree" · header key=value lines · blank · "Tree=<i>" blocks of key=value lines · "end of trees" ·
//   "feature_importances:" lines · "parameters:" "[key: value]" lines "end of parameters" ·
//   "pandas_categorical:<JSON>" (the Python package json.loads it).
import { FormatError } from '../../types';

export interface LgbTree { index: number; line: number; fields: Map<string, string> }
export interface LgbModel {
  header: Map<string, string>;
  trees: LgbTree[];
  parameters: Array<{ key: string; value: string; line: number }>;
  pandasCategorical?: string;
  /** Trees past the per-model bound, counted only. */
  treesDropped: number;
}

/** Trees kept for checking; a boosted model of 100k trees is still counted. */
export const MAX_TREES = 100_000;

export function isLightgbmText(head: string): boolean {
  return /^tree\r?\nversion=v\d+\r?\n/.test(head);
}

export function parseLightgbm(text: string): LgbModel {
  const lines = text.split('\n');
  if (!isLightgbmText(text)) throw new FormatError('not a LightGBM text model (no "tree" / "version=" header)', 0);
  const m: LgbModel = { header: new Map(), trees: [], parameters: [], treesDropped: 0 };
  let i = 1;
  for (; i < lines.length && lines[i]!.trim() !== ''; i++) {
    const l = lines[i]!.replace(/\r$/, '');
    const eq = l.indexOf('=');
    if (eq <= 0) throw new FormatError(`header line ${i + 1} is not key=value`, 0);
    m.header.set(l.slice(0, eq), l.slice(eq + 1));
  }
  let section: 'trees' | 'importances' | 'parameters' | 'tail' = 'trees';
  let tree: LgbTree | null = null;
  for (; i < lines.length; i++) {
    const l = lines[i]!.replace(/\r$/, '');
    if (section === 'trees') {
      if (l.startsWith('Tree=')) {
        if (m.trees.length >= MAX_TREES) { m.treesDropped++; tree = null; continue; }
        tree = { index: Number(l.slice(5)), line: i + 1, fields: new Map() };
        m.trees.push(tree);
      } else if (l === 'end of trees') { section = 'importances'; tree = null; }
      else if (l.trim() === '') tree = null;
      else if (tree) {
        const eq = l.indexOf('=');
        if (eq <= 0) throw new FormatError(`tree line ${i + 1} is not key=value`, 0);
        tree.fields.set(l.slice(0, eq), l.slice(eq + 1));
      } else if (m.treesDropped === 0) throw new FormatError(`line ${i + 1} is outside any tree`, 0);
    } else if (l === 'parameters:') section = 'parameters';
    else if (section === 'parameters') {
      if (l === 'end of parameters') { section = 'tail'; continue; }
      const p = /^\[([^:\]]+): ?(.*)\]$/.exec(l);
      if (p) m.parameters.push({ key: p[1]!, value: p[2]!, line: i + 1 });
    } else if (l.startsWith('pandas_categorical:')) m.pandasCategorical = l.slice('pandas_categorical:'.length);
  }
  if (section === 'trees') throw new FormatError('the model ends before "end of trees" (truncated)', text.length);
  return m;
}
