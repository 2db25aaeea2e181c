// Finds and reads the policy file: --config FILE, else .modelgate.toml (or a pyproject.toml with a
// [tool.modelgate] table) in the first PATH's directory or the nearest parent. Its SHA-256 is recorded
// in the report so a reviewer knows exactly which policy judged the run.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { MAX_POLICY_BYTES, parsePolicy, type Policy, type PolicyError } from '../engine/policy';

export interface LoadedPolicy { policy: Policy; root: string }

async function isFile(p: string): Promise<boolean> {
  try { return (await stat(p)).isFile(); } catch { return false; }
}

/** The nearest .modelgate.toml, or pyproject.toml that has [tool.modelgate], from `start` upward. */
export async function findPolicy(start: string): Promise<{ file: string; pyproject: boolean } | undefined> {
  let dir = start;
  try { if (!(await stat(dir)).isDirectory()) dir = dirname(dir); } catch { dir = dirname(dir); }
  for (;;) {
    const own = join(dir, '.modelgate.toml');
    if (await isFile(own)) return { file: own, pyproject: false };
    const py = join(dir, 'pyproject.toml');
    if (await isFile(py)) {
      const text = await readFile(py, 'utf8').catch(() => '');
      if (/^\s*\[\[?\s*tool\.modelgate\b/m.test(text)) return { file: py, pyproject: true };
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

export async function loadPolicy(file: string, pyproject: boolean, shown: string): Promise<LoadedPolicy | { errors: PolicyError[] }> {
  let bytes: Buffer;
  try {
    const st = await stat(file);
    if (st.size > MAX_POLICY_BYTES) return { errors: [{ source: shown, message: `the policy is larger than ${MAX_POLICY_BYTES} bytes` }] };
    bytes = await readFile(file);
  } catch (e) {
    return { errors: [{ source: shown, message: `cannot read it (${(e as { code?: string }).code ?? String(e)})` }] };
  }
  const parsed = parsePolicy(bytes.toString('utf8'), shown, { pyproject });
  if ('errors' in parsed) return parsed;
  parsed.policy.sha256 = createHash('sha256').update(bytes).digest('hex');
  return { policy: parsed.policy, root: dirname(resolve(file)) };
}
