// XGBoost models: the JSON and UBJSON documents of save_model (1.0+), and the legacy binary format
// (before 1.0; save_raw('deprecated')). Loading one runs no user code, but XGBoost's C++ trusts the tree
// arrays (child indexes, split features) and the free text it keeps (attributes, feature names,
// objective parameters) ends up in user code: the trees are checked for consistency and every string
// goes to the detectors. Pickled sklearn-API models (XGBClassifier) are pickles, for the pickle scanner.
import type { ScanContext, Scanner } from '../../types';
import { FormatError } from '../../types';
import { parseJson } from '../../io/json';
import { isXgbDocument, readXgbDocument, BOOSTERS, OBJECTIVES, type XgbModel } from './model';
import { parseUbjson } from './ubjson';
import { parseLegacy } from './legacy';
import { xgboostSniffer, type XgbState } from './sniff';

export const xgboostScanner: Scanner<XgbState> = {
  ...xgboostSniffer,
  scan,
};

async function scan(ctx: ScanContext<XgbState>): Promise<void> {
  const cap = ctx.state.encoding === 'legacy' ? ctx.budget.limits.maxMemberBytes : ctx.budget.limits.maxJsonHeaderBytes;
  if (ctx.source.size > cap) {
    ctx.report({ ruleId: 'scan/limit-reached', message: `The ${ctx.source.size}-byte model is above the ${cap}-byte limit for reading it whole; it was not parsed` });
    ctx.limited('model larger than the parse limit');
    return;
  }
  const bytes = await ctx.read(0, ctx.source.size);
  let model: XgbModel;
  if (ctx.state.encoding === 'legacy') model = parseLegacy(bytes, ctx.state.start);
  else {
    const value = ctx.state.encoding === 'json' ? parseJson(bytes, { maxDepth: ctx.budget.limits.maxJsonDepth }).value
      : parseUbjson(bytes, ctx.budget.limits.maxJsonDepth);
    if (!isXgbDocument(value)) throw new FormatError('no "learner" object: not an XGBoost model document', 0);
    model = readXgbDocument(value, ctx.state.encoding);
  }
  judge(ctx, model);
}

function judge(ctx: ScanContext<XgbState>, m: XgbModel): void {
  ctx.note('encoding', m.encoding);
  if (m.configOnly) ctx.note('document', 'configuration (Booster.save_config: parameters, no trees)');
  if (m.version) ctx.note('version', m.version);
  ctx.note('booster', m.booster);
  ctx.note('objective', m.objective);
  ctx.note('trees', m.numTrees);
  ctx.note('nodes', m.nodes);
  if (Number.isFinite(m.numFeature)) ctx.note('features', m.numFeature);
  if (m.attributes.length) ctx.note('attributes', m.attributes.slice(0, 20).map(([k]) => k));
  if (!BOOSTERS.has(m.booster)) {
    ctx.report({ ruleId: 'xgboost/unknown-component', pointer: '/learner/gradient_booster/name', evidence: m.booster.slice(0, 80),
      message: `The booster "${m.booster.slice(0, 80)}" is not one XGBoost provides (gbtree, dart, gblinear)` });
  }
  if (!OBJECTIVES.has(m.objective) && !m.objective.startsWith('reg:') && m.objective !== '') {
    ctx.report({ ruleId: 'xgboost/unknown-component', pointer: '/learner/objective/name', evidence: m.objective.slice(0, 80),
      message: `The objective "${m.objective.slice(0, 80)}" is not one XGBoost registers` });
  }
  for (const p of m.problems) {
    ctx.report({ ruleId: 'xgboost/bad-tree', pointer: p.pointer, message: `Inconsistent model structure: ${p.message}` });
  }
  for (const s of m.strings) ctx.inspectString(s.text, { pointer: s.pointer, key: s.pointer.split('/').pop() });
}
