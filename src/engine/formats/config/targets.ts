// What a Hydra/NeMo/LightningCLI config makes its loader import and call, as the loader would see it:
//  - OmegaConf interpolations in a target are resolved first. hydra.utils.instantiate reads `_target_`
//    through a DictConfig, which resolves `${a.b}` (absolute), `${.b}` / `${..b}` (relative to the node
//    holding the key) and string interpolation (`os.${x}`) before the target is located
//    (omegaconf/grammar/OmegaConfGrammarParser.g4; hydra/_internal/instantiate/_instantiate2.py). Judged
//    unresolved, `_target_: ${x}` beside `x: os.system` was only "not a dotted path".
//  - Hydra's locators import the dotted path they are given and hand back what it names:
//    hydra.utils.get_method / get_class / get_object / get_static_method (hydra/utils.py, all through
//    hydra._internal.utils._locate). `{_target_: hydra.utils.get_method, path: posix.system}` passes
//    os.system to whatever the config builds next (builtins.map, a callback), and Hydra's own target
//    blocklist only ever sees the locator. The path is judged as a target of its own.
import type { JsonValue } from '../../types';
import { valueAt } from '../../io/json';

/** Keys whose string value is imported and called by the loader. */
export const TARGET_KEYS = new Set(['_target_', 'class_path']);

/** Hydra's locators: the target names the callable, `path` (or the first of `_args_`) what it imports. */
export const PATH_LOCATORS = new Set([
  'hydra.utils.get_method', 'hydra.utils.get_class', 'hydra.utils.get_object', 'hydra.utils.get_static_method',
  'hydra._internal.utils._locate',
]);

/** Interpolations followed for one target: a chain or a cycle (`a: ${b}`, `b: ${a}`) stops here. */
export const MAX_INTERPOLATION_HOPS = 16;
/** A resolved target longer than this is not a dotted path anyone writes; resolution stops. */
export const MAX_RESOLVED_CHARS = 1024;

/** `${...}` without nesting, not escaped (`\${` is a literal in OmegaConf). */
const INTERPOLATION = /(?<!\\)\$\{([^${}]*)\}/g;
/** A node reference: dotted keys, optionally led by dots (relative) and with [n] or .n list indexes. */
const REFERENCE = /^(\.*)([A-Za-z0-9_\-[\].]*)$/;

export interface ResolvedTarget {
  /** The target as the loader locates it (the input when it has no interpolation). */
  text: string;
  /** Whether an interpolation was replaced. */
  interpolated: boolean;
}

/**
 * The target string with its node interpolations replaced by the values they point to in `root`, where
 * `owner` is the key path of the mapping holding the target key. Resolver calls (`${oc.env:X}`,
 * `${oc.decode:...}`) and references that do not lead to a scalar are left as written, so they stay
 * "not a dotted path".
 */
export function resolveTarget(value: string, root: JsonValue, owner: readonly string[]): ResolvedTarget {
  let text = value;
  let interpolated = false;
  let base: readonly string[] = owner;
  for (let hop = 0; hop < MAX_INTERPOLATION_HOPS && text.includes('${'); hop++) {
    let changed = false;
    let nextBase = base;
    text = text.replace(INTERPOLATION, (whole, ref: string) => {
      const hit = lookup(root, base, ref.trim());
      if (hit === undefined) return whole;
      changed = true;
      // A value that is one whole interpolation resolves relative to where it was found (OmegaConf).
      if (whole === value || whole === text) nextBase = hit.parent;
      return hit.value;
    });
    if (!changed || text.length > MAX_RESOLVED_CHARS) break;
    interpolated = true;
    base = nextBase;
  }
  return { text, interpolated };
}

/** The scalar a node reference names, and the key path of the mapping that holds it. */
function lookup(root: JsonValue, base: readonly string[], ref: string): { value: string; parent: string[] } | undefined {
  const m = REFERENCE.exec(ref);
  if (!m || ref === '') return undefined;
  const [, dots, rest] = m as unknown as [string, string, string];
  // `${.x}` is a sibling of the target key, each further dot one level up; `${x}` starts at the root.
  const start = dots.length === 0 ? [] : base.slice(0, Math.max(0, base.length - (dots.length - 1)));
  const keys = rest.replace(/\[(\d+)\]/g, '.$1').split('.').filter((k) => k !== '');
  if (keys.length === 0) return undefined;
  const path = [...start, ...keys];
  const node = valueAt(root, path);
  if (typeof node === 'string') return { value: node, parent: path.slice(0, -1) };
  if (typeof node === 'number' || typeof node === 'boolean') return { value: String(node), parent: path.slice(0, -1) };
  return undefined;
}
