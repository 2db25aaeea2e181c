import type { RuleDef } from './types';

/** Rules of the gradient-boosting model scanners: xgboost, lightgbm, catboost. */
export const GBDT_RULES = {
  'xgboost/bad-tree': {
    severity: 'warning', title: 'XGBoost tree structure is inconsistent',
    explanation: 'A tree\'s arrays disagree with its node count, a child index points outside the tree or at its own node, or a split names a feature beyond num_feature. XGBoost\'s C++ predictor follows these indexes without checking them all, so such a model reads memory out of bounds or loops; no trainer writes one.',
    remediation: 'Do not load the model; obtain it again from its publisher or retrain it.',
    cwe: [125, 20],
  },
  'xgboost/unknown-component': {
    severity: 'info', title: 'XGBoost booster or objective not known',
    explanation: 'The model names a booster or an objective XGBoost does not provide. Loading fails unless a plugin registers the name; a custom objective from Python cannot be stored in the model.',
    remediation: 'Find out which XGBoost build or plugin wrote the model.',
  },
  'lightgbm/bad-tree': {
    severity: 'warning', title: 'LightGBM tree structure is inconsistent',
    explanation: 'A tree\'s arrays disagree with num_leaves, a child index points outside the tree, or a split names a feature beyond max_feature_idx. LightGBM\'s C++ predictor indexes with these values, so such a model reads out of bounds; the trainer never writes one.',
    remediation: 'Do not load the model; obtain it again from its publisher or retrain it.',
    cwe: [125, 20],
  },
  'catboost/unknown-part': {
    severity: 'info', title: 'CatBoost model part not known',
    explanation: 'The model lists a part (ModelPartIds) other than the ones CatBoost writes (the non-symmetric trees, CTR data, text and embedding processing). CatBoost loads parts by name through a factory, so an unknown name either fails or reaches code the scanner does not know.',
    remediation: 'Find out which CatBoost build wrote the model.',
  },
} as const satisfies Record<string, RuleDef>;
