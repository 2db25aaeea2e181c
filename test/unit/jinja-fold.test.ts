// Dunder names spelled by string operations the folder now evaluates (Python slices and indexes, the
// reverse filter, % formatting and the format filter's %c, strip with characters): each stays CRITICAL.
// The benign look-alikes (the same operations on message text, as real chat templates use them) stay silent.
import { describe, expect, it } from 'vitest';
import { scan, fromBytes, SEVERITY_RANK, type FileReport } from '../../src/engine';
import { encodeUtf8 } from '../../src/engine/io/text';

const asJinja = (t: string) => scan(fromBytes(encodeUtf8(t), 'chat_template.jinja'));
const worst = (r: FileReport) => Math.max(-1, ...r.findings.map((f) => SEVERITY_RANK[f.severity]));

describe('jinja folding: dunders spelled by slices, reverse, % formatting and strip are CRITICAL', () => {
  it.each([
    ["{{ x['__' ~ '__ssalc'[::-1]] }}", '__class__'],
    ["{{ x['__' ~ 'ssalc'|reverse ~ '__'] }}", '__class__'],
    ["{{ x['..__globals__..'[2:-2]] }}", '__globals__'],
    ["{{ x['__mro__xyz'[:7]] }}", '__mro__'],
    ["{% set s = '_base' %}{{ x[s[0] ~ s[0] ~ 'base' ~ s[0] * 2] }}", '__base__'],
    ["{{ x[('%c%c' % (95, 95)) ~ 'init__'] }}", '__init__'],
    ["{{ x['_%s_' % '_subclasses_'] }}", '__subclasses__'],
    ["{{ x['%c%cclass%c%c'|format(95, 95, 95, 95)] }}", '__class__'],
    ["{{ x['x__builtins__x'.strip('x')] }}", '__builtins__'],
    ["{{ x['yy__import__'.lstrip('y')] }}", '__import__'],
  ])('%s → jinja/dunder-access (%s)', async (t, name) => {
    const r = await asJinja(t);
    const f = r.findings.find((x) => x.ruleId === 'jinja/dunder-access' && x.message.includes(`builds the name ${name}`));
    expect(f?.severity, JSON.stringify(r.findings.map((x) => x.message))).toBe('critical');
  });
});

describe('jinja folding: the same operations on message text stay below WARNING', () => {
  it.each([
    "{% for m in messages[::-1] %}{{ m.content[:200] }}{% endfor %}",
    "{{ messages[-1]['content'][1:-1] }}{{ (messages|reverse|list)[0].role }}",
    "{% set sep = '<|%s|>' % 'end' %}{{ sep }}{{ '%s: %d tokens' % ('user', 3) }}",
    "{% for m in messages %}{{ m.content.strip('\\n ') }}{{ '<|%s|>'|format(m.role) }}{% endfor %}",
    "{% set tag = 'think' %}{{ '<' ~ tag[::-1] ~ '>' }}{{ '<' ~ tag[0:5] ~ '>' }}",
  ])('%s', async (t) => {
    const r = await asJinja(t);
    expect(worst(r), JSON.stringify(r.findings.map((x) => `${x.ruleId} ${x.message}`))).toBeLessThanOrEqual(SEVERITY_RANK.info);
  });
});
