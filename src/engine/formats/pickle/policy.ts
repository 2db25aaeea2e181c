// Pickle policy: which importable callables are dangerous, which are known-safe ML plumbing.
// Placeholder until the tables land; the API is the contract the pickle scanner relies on.

export type PolicyLevel = 'dangerous' | 'safe' | 'unknown';

export interface PolicyVerdict {
  level: PolicyLevel;
  /** Why, in one sentence an analyst can read ("posix.system runs a shell command"). */
  reason: string;
  /** e.g. 'code-execution', 'network', 'filesystem', 'deserialization', 'ml-safe'. */
  category?: string;
  cve?: string[];
}

/** Classifies `module.name` as reached by GLOBAL / STACK_GLOBAL / INST (name may be dotted). */
export function classifyGlobal(module: string, name: string): PolicyVerdict {
  void module; void name;
  return { level: 'unknown', reason: 'not on any list' };
}
