// The README's "Use in CI" examples are meant to be copied: every YAML block parses, the policy
// reference is a valid policy, the action inputs and hook ids it uses exist, and every option of a
// `modelgate scan` command line it shows is one the parser accepts.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseAllDocuments, parse } from 'yaml';
import { parseArgs } from '../../src/cli/args';
import { parsePolicy } from '../../src/engine/policy';

const readme = readFileSync('README.md', 'utf8');
const start = readme.indexOf('## Use in CI');
const section = readme.slice(start, readme.indexOf('\n## ', start + 5));
const blocks = (lang: string) => [...section.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);

describe('README "Use in CI"', () => {
  it('has the Action, pre-commit, policy reference, baselines and shards parts', () => {
    for (const h of ['### GitHub Action', '### pre-commit', '### Policy file', '### Fail levels, strict, baselines', '### Registry scale']) expect(section).toContain(h);
  });

  it('every YAML example parses, and the action inputs and hook id it uses exist', () => {
    const yamls = blocks('yaml');
    expect(yamls.length).toBeGreaterThanOrEqual(4);
    for (const y of yamls) for (const doc of parseAllDocuments(y)) expect(doc.errors, y).toEqual([]);
    const action = parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown> };
    let checked = 0;
    for (const y of yamls) {
      for (const m of y.matchAll(/uses: OWNER\/modelgate@v1[\s\S]*?with:\s*(\{[^}]*\}|\n(?:\s{10,}.*\n)+)/g)) {
        const withBlock = parse(m[1]!.trim().startsWith('{') ? m[1]! : m[1]!.replace(/^\n/, '')) as Record<string, unknown>;
        for (const k of Object.keys(withBlock)) { expect(Object.keys(action.inputs), `action input ${k}`).toContain(k); checked++; }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(5);
    const hooks = parse(readFileSync('.pre-commit-hooks.yaml', 'utf8')) as Array<{ id: string }>;
    expect(section).toMatch(new RegExp(`hooks: \\[\\{ id: ${hooks[0]!.id} \\}\\]`));
  });

  it('the policy reference is a valid policy file', () => {
    const [toml] = blocks('toml');
    const r = parsePolicy(toml!, '.modelgate.toml');
    expect('errors' in r ? r.errors : []).toEqual([]);
  });

  it('every modelgate scan command line shown uses options the parser accepts', () => {
    const code = [...section.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((m) => m[1]!.replace(/\n\s+(?=-)/g, ' ')).join('\n');
    const lines = [...code.matchAll(/modelgate scan ([^\n;|]*)/g)].map((m) => m[1]!.replace(/\$\{\{[^}]*\}\}|\$\(\([^)]*\)\)|\$[A-Z_]+/g, '1'));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) {
      const argv = l.replace(/`.*$/, '').split(/\s+/).filter((a) => a && a !== '\\' && !a.startsWith('('));
      const c = parseArgs(['scan', ...argv, 'x']);
      expect(c.kind === 'usage-error' ? c.message : '', l).not.toMatch(/unknown option/);
    }
  });
});
