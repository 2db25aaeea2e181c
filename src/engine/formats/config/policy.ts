// What a config may make a loader import. Two mechanisms:
//  - transformers `auto_map` (configuration_utils / dynamic_module_utils.get_class_from_dynamic_module):
//    "module.Class" imports <repo>/module.py; "org/repo--module.Class" downloads module.py from ANOTHER
//    repository first (the "--" separator, see dynamic_module_utils.get_class_from_dynamic_module).
//  - Hydra `_target_` (hydra/_internal/instantiate/_instantiate2.py → _locate): imports the dotted path
//    and calls it; NeMo restores models through it (CVE-2025-23304). LightningCLI/jsonargparse
//    `class_path` does the same.
// Callables are judged by the pickle policy (the same import-and-call threat), so one table decides:
// the reviewed lists first, then the knowledge base generated from the libraries' source (design.md,
// "knowledge is generated data"), which clears a target outside the usual packages that it proved reaches
// nothing dangerous (torchvision transforms, optuna samplers, peft helpers).
import { classifyGlobal, type PolicyVerdict } from '../pickle/policy';
import { factsOf, harmfulReach, sinksText } from '../pickle/verdict';
import type { Knowledge } from '../pickle/knowledge/types';

/** NeMo's safe `_target_` prefixes (ModelAudit nemo scanner, research/modelaudit.md §3.13). */
export const SAFE_TARGET_PREFIXES: readonly string[] = [
  'nemo.', 'nemo_toolkit.', 'pytorch_lightning.', 'lightning.', 'torch.optim.', 'torch.nn.', 'torch.utils.',
  'transformers.', 'omegaconf.', 'hydra.', 'megatron.', 'apex.', 'numpy.', 'dataclasses.',
];

export type TargetVerdict =
  | { level: 'dangerous'; reason: string; cve?: string[] }
  | { level: 'unknown'; reason: string }
  | { level: 'safe' };

const DOTTED = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/**
 * How a target is judged: the reviewed dangerous list, then the reviewed safe list and the ML packages'
 * prefixes, then (when it is loaded) the knowledge base. The knowledge base only clears or explains an
 * unknown target; it never raises one under the usual prefixes, where trainers, checkpoints and loggers
 * legitimately write files and open connections when a training run builds them.
 */
export function classifyTarget(target: string, knowledge: Knowledge | null = null): TargetVerdict {
  const t = target.trim();
  if (!DOTTED.test(t)) return { level: 'unknown', reason: 'is not a dotted Python path' };
  const dot = t.lastIndexOf('.');
  // A bare name is looked up like a builtin (hydra's _locate falls back to builtins).
  const [module, name] = dot < 0 ? ['builtins', t] : [t.slice(0, dot), t.slice(dot + 1)];
  const v: PolicyVerdict = classifyGlobal(module, name);
  if (v.level === 'dangerous') return { level: 'dangerous', reason: v.reason, cve: v.cve };
  if (v.level === 'safe' || SAFE_TARGET_PREFIXES.some((p) => t.startsWith(p))) return { level: 'safe' };
  const outside = 'is outside the packages ML configs instantiate (nemo, torch, lightning, transformers, ...)';
  const facts = knowledge ? factsOf(knowledge, module, name) : null;
  if (!facts) return { level: 'unknown', reason: outside };
  const harmful = harmfulReach(facts);
  if (harmful.length === 0) return { level: 'safe' };
  const sinks = sinksText(harmful);
  return { level: 'unknown', reason: `${outside}, and the analysis of its library finds it reaches ${sinks}` };
}

/** Whether judging `target` may need the knowledge base (the reviewed lists leave it unknown). */
export function needsKnowledge(target: string): boolean {
  return classifyTarget(target).level === 'unknown' && DOTTED.test(target.trim());
}

/** "org/repo--module.Class": transformers fetches the code from another Hub repository. */
export function foreignRepository(ref: string): string | null {
  const i = ref.indexOf('--');
  if (i <= 0) return null;
  const repo = ref.slice(0, i);
  return /^[\w.-]+\/[\w.-]+$/.test(repo) ? repo : null;
}
