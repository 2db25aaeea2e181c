// Jinja2 constructs @huggingface/jinja cannot parse (raw blocks, empty and one-element tuples, trailing
// commas in calls, `{%+`): benign templates using them are judged, not reported unparseable, in every
// source form (.jinja, tokenizer_config.json, GGUF); an attack written with the same construct stays CRITICAL.
// The templates are our own minimal texts reproducing each construct.
import { describe, expect, it } from 'vitest';
import { scan, fromBytes, SEVERITY_RANK, type FileReport } from '../../src/engine';
import { encodeUtf8 } from '../../src/engine/io/text';
import { rewriteForParser } from '../../src/engine/formats/jinja/rewrite';
import { parseTemplate } from '../../src/engine/formats/jinja/parse';
import { gguf } from '../builders/gguf';

const worst = (r: FileReport) => Math.max(-1, ...r.findings.map((f) => SEVERITY_RANK[f.severity]));
const ids = (r: FileReport) => r.findings.map((f) => `${f.severity} ${f.ruleId}`);
const forms = (t: string): Array<[string, Uint8Array]> => [
  ['chat_template.jinja', encodeUtf8(t)],
  ['tokenizer_config.json', encodeUtf8(JSON.stringify({ tokenizer_class: 'PreTrainedTokenizerFast', chat_template: t }))],
  ['model.gguf', gguf({ kvs: [{ key: 'general.architecture', type: 'string', value: 'llama' }, { key: 'tokenizer.chat_template', type: 'string', value: t }] })],
];

const BENIGN: Array<[string, string]> = [
  ['raw block showing template syntax', "{% for m in messages %}{{ m.content }}{% endfor %}{% raw %}Call tools as {{ name }} with {% args %}{% endraw %}"],
  ['raw block with whitespace control', "{%- raw -%}{# not a comment #}{{ x }}{%- endraw -%}{{ messages[0].content }}"],
  ['empty tuple as a default', "{% set stops = () %}{% for m in messages %}{% if m.role not in () %}{{ m.content }}{% endif %}{% endfor %}"],
  ['one-element tuple', "{% for m in messages %}{% if m.role in ('system',) %}{{ m.content }}{% endif %}{% endfor %}"],
  ['nested tuples and a call with a trailing comma', "{% set pairs = ((), ('a',)) %}{{ messages|map(attribute='content',)|join('\\n') }}"],
  ['plus whitespace control', "{% for m in messages %}\n    {%+ if m.content %}{{ m.content }}{% endif +%}\n{% endfor %}"],
];

describe('jinja rewrite: benign templates with constructs the parser lacks stay below WARNING', () => {
  it.each(BENIGN)('%s: parses only after the rewrite', (_name, t) => {
    expect(parseTemplate(t)).toMatchObject({ ok: true });
    expect((parseTemplate(t) as { rewritten: string[] }).rewritten.length).toBeGreaterThan(0);
  });

  it.each(BENIGN.flatMap(([name, t]) => forms(t).map(([file, bytes]) => [name, file, bytes] as const)))(
    '%s as %s: no jinja/unparseable, nothing above INFO', async (_name, file, bytes) => {
      const r = await scan(fromBytes(bytes, file));
      expect(ids(r)).not.toContain('warning jinja/unparseable');
      expect(worst(r), JSON.stringify(ids(r))).toBeLessThanOrEqual(SEVERITY_RANK.info);
      expect(r.complete).toBe(true);
    });
});

const ATTACKS: Array<[string, string, string]> = [
  ['empty tuple climbing to the subclasses', "{{ ().__class__.__base__.__subclasses__() }}", 'jinja/dunder-access'],
  ['one-element tuple climbing to the globals', "{{ ('x',).__class__.__mro__[1].__subclasses__()[0].__init__.__globals__ }}", 'jinja/dunder-access'],
  ['payload after a raw block', "{% raw %}{{ harmless }}{% endraw %}{{ cycler.__init__.__globals__.os.popen('id').read() }}", 'jinja/global-escape'],
  ['payload between raw tags written inside strings', "{{ '{% raw %}' }}{{ lipsum.__globals__['os'].popen('id') }}{{ '{% endraw %}' }}{{ () }}", 'jinja/global-escape'],
  ['payload between raw tags in a comment', "{# {% raw %} #}{{ ().__class__ }}{# {% endraw %} #}", 'jinja/dunder-access'],
  ['call with a trailing comma', "{{ x|attr('__class__',) }}{{ () }}", 'jinja/dunder-access'],
  ['plus whitespace control around a payload', "{%+ if ().__class__ +%}{% endif %}", 'jinja/dunder-access'],
];

describe('jinja rewrite: attacks written with the same constructs stay CRITICAL', () => {
  it.each(ATTACKS.flatMap(([name, t, rule]) => forms(t).map(([file, bytes]) => [name, file, rule, bytes] as const)))(
    '%s as %s → %s', async (_name, _file, rule, bytes) => {
      const r = await scan(fromBytes(bytes, _file));
      expect(r.findings.find((f) => f.ruleId === rule)?.severity, JSON.stringify(ids(r))).toBe('critical');
    });
});

describe('jinja rewrite: the pre-pass itself', () => {
  it('keeps the length and rewrites only what the parser lacks', () => {
    const t = "{{ f() }}{{ x in () }}{% if y in ('a',) %}{% endif %}{{ '()' }}";
    const r = rewriteForParser(t);
    expect(r.text.length).toBe(t.length);
    expect(r.text).toBe("{{ f() }}{{ x in [] }}{% if y in ['a' ] %}{% endif %}{{ '()' }}");
  });

  it('turns a raw body into text and never an expression into text', () => {
    const r = rewriteForParser("{% raw %}{{ a }}{% endraw %}{{ b }}");
    expect(r.text).toBe(`${' '.repeat(9)}({ a }}${' '.repeat(12)}{{ b }}`);
    expect(r.constructs).toEqual(['raw block']);
  });

  it('a dict literal closing with }} does not end the block (as in Jinja2)', () => {
    expect(rewriteForParser("{{ f({'a': {'b': ()}}) }}").text).toBe("{{ f({'a': {'b': []}}) }}");
  });

  it('an unclosed raw block, tuple or string is left for the parser to reject', async () => {
    for (const t of ["{% raw %}{{ ().__class__ }}", "{{ (", "{{ '() }}"]) {
      const r = await scan(fromBytes(encodeUtf8(t), 'chat_template.jinja'));
      expect(r.findings.find((f) => f.ruleId === 'jinja/unparseable')?.severity).toBe('warning');
    }
  });

  it('random delimiter soup: never throws, keeps the length, changes only brackets, commas, + and raw tags', () => {
    const parts = ['{{', '}}', '{%', '%}', '{#', '#}', '(', ')', ',', "'", '"', '\\', ' ', 'raw', 'endraw', 'x', '+', '-', '[', ']', '{', '}', 'in'];
    let seed = 7;
    const rnd = (k: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % k; };
    for (let n = 0; n < 2000; n++) {
      let t = '';
      for (let k = rnd(40); k > 0; k--) t += parts[rnd(parts.length)];
      const r = rewriteForParser(t);
      expect(r.text.length).toBe(t.length);
      for (let k = 0; k < t.length; k++) if (r.text[k] !== t[k]) expect('(),+{%#}rawend-\t\n ').toContain(t[k]);
    }
  });

  it('a template that parses as written is not rewritten', () => {
    expect(parseTemplate("{{ messages[0]['content'] }}")).toMatchObject({ ok: true, rewritten: [] });
  });
});
