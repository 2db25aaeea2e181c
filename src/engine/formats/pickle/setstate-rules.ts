// Reviewed rules for __setstate__ methods whose sink is real but fed by one part of the BUILD state:
// the knowledge base sees the method reach the sink and cannot tell a state the library itself wrote
// from a hostile one. A rule judges the state instead: null when it is what the library writes, a reason
// when it is not. Each rule names the method it was reviewed for (matched on the reach path: the
// __setstate__ definition a class inherits), so a subclass that overrides __setstate__ is not covered.
import type { ReachStep } from './knowledge/types';
import { isNode, type Val } from './values';

export interface SetstateRule {
  /** The __setstate__ definition reviewed (matched on the first two steps of the reach path). */
  method: string;
  /**
   * Modules whose classes the rule covers: the reach path cannot tell a class inheriting the method
   * from one overriding it and calling super(); within these modules only the reviewed one exists.
   */
  modules: RegExp;
  /** What the method does with the state, after "which …". */
  does: string;
  /** null when the state is one the library writes itself, else why it is not. */
  check(state: Val): string | null;
}

/** Longest state string checked (scipy's templates are a few hundred characters). */
const MAX_TEMPLATE_CHARS = 4096;

// scipy/stats/_distn_infrastructure.py: `parse_arg_template`, formatted by rv_generic._construct_argparser
// with shape_arg_str ('a, b, ' or '') and the loc/scale pair of continuous or discrete distributions.
const scipyTemplate = (shapes: string, locIn: string, locOut: string): string =>
  `\ndef _parse_args(self, ${shapes} ${locIn}):\n    return (${shapes}), ${locOut}\n\n`
  + `def _parse_args_rvs(self, ${shapes} ${locIn}, size=None):\n    return self._argcheck_rvs(${shapes} ${locOut}, size=size)\n\n`
  + `def _parse_args_stats(self, ${shapes} ${locIn}, moments='mv'):\n    return (${shapes}), ${locOut}, moments\n`;
/** rv_continuous.__init__ and rv_discrete.__init__/rv_sample.__init__ pass these two pairs. */
const SCIPY_LOCSCALE: ReadonlyArray<readonly [string, string]> = [['loc=0, scale=1', 'loc, scale'], ['loc=0', 'loc, 1']];
const SCIPY_SHAPE_ARGS = /^\ndef _parse_args\(self, ((?:[A-Za-z_][A-Za-z0-9_]*, )*) /;
/** What _construct_argparser accepts as `shapes`: identifiers separated by commas and spaces. */
const SCIPY_SHAPES = /^[\s,]*(?:[A-Za-z_][A-Za-z0-9_]*[\s,]*)*$/;

function dictEntries(state: Val): Map<string, Val> | null {
  if (!isNode(state) || state.t !== 'dict' || state.items.length !== state.n) return null;
  const out = new Map<string, Val>();
  for (let i = 0; i + 1 < state.items.length; i += 2) {
    const k = state.items[i]!;
    if (typeof k !== 'string') return null;
    out.set(k, state.items[i + 1]!);
  }
  return out;
}

/**
 * scipy.stats rv_generic.__setstate__ does `self.__dict__.update(state)` and then `_attach_methods()`,
 * which exec()s `self._parse_arg_template`: a string taken from the state itself (rv_continuous.__getstate__
 * keeps it). Default values in that source run on load, so only scipy's own template, over shape names
 * that are plain identifiers, is what scipy writes. `shapes` is checked as scipy's constructor checks it
 * (it is parsed into such a template again when the distribution is re-created or frozen).
 */
const SCIPY_RV: SetstateRule = {
  method: 'scipy.stats._distn_infrastructure.rv_generic.__setstate__',
  // scipy/stats defines no other __setstate__ (scipy 1.10-1.17): its distributions all inherit this one.
  modules: /^scipy\.stats\./,
  does: 'exec()s the argument parser source carried in its state',
  check(state) {
    const d = dictEntries(state);
    if (!d) return 'the state is not a plain dict of attributes the scanner could read in full';
    const t = d.get('_parse_arg_template');
    if (typeof t !== 'string' || t.length > MAX_TEMPLATE_CHARS) return 'its _parse_arg_template is not a string of scipy\'s size';
    const m = SCIPY_SHAPE_ARGS.exec(t);
    if (!m || !SCIPY_LOCSCALE.some(([i, o]) => t === scipyTemplate(m[1]!, i, o))) {
      return '_parse_arg_template is not scipy\'s own argument-parser template over plain shape names';
    }
    const shapes = d.get('shapes');
    if (shapes !== undefined && shapes !== null && (typeof shapes !== 'string' || shapes.length > MAX_TEMPLATE_CHARS || !SCIPY_SHAPES.test(shapes))) {
      return 'its shapes are not a comma-separated list of Python identifiers';
    }
    return null;
  },
};

/**
 * torchmetrics Metric.__setstate__ (torchmetrics/metric.py, 1.x) does `self.__dict__.update(state)` and then
 * `inspect.signature(self.update)`. inspect reaches eval only for a __text_signature__, so the sink is fed
 * by whatever `update` names: the class's own method when the state leaves it out, as Metric.__getstate__
 * always does (it drops update, compute and _update_signature); a pickled stand-in when the state sets it.
 * Its other reaches (import and getattr through sync/_move_list_states_to_cpu) sit inside the closures that
 * _wrap_update/_wrap_compute return: they run when the user calls update() or compute(), not on load.
 */
const TORCHMETRICS_METRIC: SetstateRule = {
  method: 'torchmetrics.metric.Metric.__setstate__',
  // torchmetrics defines no other __setstate__ (1.9): every metric, collection member and wrapper inherits it.
  modules: /^torchmetrics\./,
  does: 'calls inspect.signature on its update attribute',
  check(state) {
    const d = dictEntries(state);
    if (!d) return 'the state is not a plain dict of attributes the scanner could read in full';
    for (const k of ['update', 'compute', '_update_signature']) {
      if (d.has(k)) return `its state sets ${k}, which Metric.__getstate__ never writes`;
    }
    return null;
  },
};

/**
 * skorch NeuralNet.__setstate__ (skorch/net.py, 0.12-1.x) writes the bytes its own __getstate__ stored under
 * `__cuda_dependent_attributes__` (a torch.save of the module, optimizer and criterion) to a spooled
 * temporary file and torch.load()s them, then `self.__dict__.update(state)`. Those bytes are a torch.save
 * file inside the pickle: the scanner reads them as a nested file and judges what they would load there.
 * Its other reach (torch.cuda.is_available in get_map_location) loads no library a pickle names.
 */
const SKORCH_NET: SetstateRule = {
  method: 'skorch.net.NeuralNet.__setstate__',
  // skorch defines no other __setstate__ (0.12-1.1): every net (classifier, regressor, hf, probabilistic) inherits it.
  modules: /^skorch\./,
  does: 'torch.load()s the torch.save bytes carried in its state',
  check(state) {
    const d = dictEntries(state);
    if (!d) return 'the state is not a plain dict of attributes the scanner could read in full';
    const carried = d.get('__cuda_dependent_attributes__');
    if (carried === undefined || !isNode(carried) || carried.t !== 'bytes') return 'its __cuda_dependent_attributes__ is not the bytes skorch\'s __getstate__ writes';
    return null;
  },
};

const RULES: readonly SetstateRule[] = [SCIPY_RV, TORCHMETRICS_METRIC, SKORCH_NET];

/** The reviewed rule for the __setstate__ of class `module` that every harmful reach step starts at, or null. */
export function setstateRuleFor(module: string, bad: readonly ReachStep[]): SetstateRule | null {
  // The path starts at the class's own name for the method, then the definition it inherits.
  for (const r of RULES) {
    if (r.modules.test(module) && bad.length && bad.every((s) => s.path[0] === r.method || s.path[1] === r.method)) return r;
  }
  return null;
}
