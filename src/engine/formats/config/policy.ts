// What a config may make a loader import. Two mechanisms:
//  - transformers `auto_map` (configuration_utils / dynamic_module_utils.get_class_from_dynamic_module):
//    "module.Class" imports <repo>/module.py; "org/repo--module.Class" downloads module.py from ANOTHER
//    repository first (the "--" separator, see dynamic_module_utils.get_class_from_dynamic_module).
//  - Hydra `_target_` (hydra/_internal/instantiate/_instantiate2.py → _locate): imports the dotted path
//    and calls it; NeMo restores models through it (CVE-2025-23304). LightningCLI/jsonargparse
//    `class_path` does the same.
// Callables are judged by the pickle policy (the same import-and-call threat), so one table decides.
import { classifyGlobal, type PolicyVerdict } from '../pickle/policy';

/** NeMo's safe `_target_` prefixes (ModelAudit nemo scanner, research/modelaudit.md §3.13). */
export const SAFE_TARGET_PREFIXES: readonly string[] = [
  'nemo.', 'nemo_toolkit.', 'pytorch_lightning.', 'lightning.', 'torch.optim.', 'torch.nn.', 'torch.utils.',
  'transformers.', 'omegaconf.', 'hydra.', 'megatron.', 'apex.', 'numpy.', 'dataclasses.',
];

/** Keys whose string value is imported and called by the loader. */
export const TARGET_KEYS = new Set(['_target_', 'class_path']);

export type TargetVerdict =
  | { level: 'dangerous'; reason: string; cve?: string[] }
  | { level: 'unknown'; reason: string }
  | { level: 'safe' };

const DOTTED = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export function classifyTarget(target: string): TargetVerdict {
  const t = target.trim();
  if (!DOTTED.test(t)) return { level: 'unknown', reason: 'is not a dotted Python path' };
  const dot = t.lastIndexOf('.');
  // A bare name is looked up like a builtin (hydra's _locate falls back to builtins).
  const [module, name] = dot < 0 ? ['builtins', t] : [t.slice(0, dot), t.slice(dot + 1)];
  const v: PolicyVerdict = classifyGlobal(module, name);
  if (v.level === 'dangerous') return { level: 'dangerous', reason: v.reason, cve: v.cve };
  if (v.level === 'safe' || SAFE_TARGET_PREFIXES.some((p) => t.startsWith(p))) return { level: 'safe' };
  return { level: 'unknown', reason: 'is outside the packages ML configs instantiate (nemo, torch, lightning, transformers, ...)' };
}

/** "org/repo--module.Class": transformers fetches the code from another Hub repository. */
export function foreignRepository(ref: string): string | null {
  const i = ref.indexOf('--');
  if (i <= 0) return null;
  const repo = ref.slice(0, i);
  return /^[\w.-]+\/[\w.-]+$/.test(repo) ? repo : null;
}
