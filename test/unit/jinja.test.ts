// Chat-template scanner: each SSTI family built as a template and scanned through the public scan(),
// in every source form (standalone .jinja, tokenizer_config.json, a list of named templates, hint 'jinja').
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scan, fromBytes, SEVERITY_RANK, type FileReport } from '../../src/engine';
import { encodeUtf8 } from '../../src/engine/io/text';

const asJinja = (t: string, name = 'chat_template.jinja') => scan(fromBytes(encodeUtf8(t), name));
const asJson = (o: unknown, name = 'tokenizer_config.json') => scan(fromBytes(encodeUtf8(JSON.stringify(o, null, 2)), name));
const rules = (r: FileReport) => r.findings.map((f) => f.ruleId);
const worst = (r: FileReport) => Math.max(-1, ...r.findings.map((f) => SEVERITY_RANK[f.severity]));
const find = (r: FileReport, id: string) => r.findings.find((f) => f.ruleId === id);

describe('jinja: SSTI families are CRITICAL', () => {
  it('CVE-2024-34359 payload: __class__/__subclasses__/__globals__ chain → jinja/dunder-access', async () => {
    const r = await asJinja("{% for c in [].__class__.__base__.__subclasses__() %}{% if c.__name__ == 'catch_warnings' %}{{ c()._module.__builtins__['__import__']('os').system('id') }}{% endif %}{% endfor %}");
    expect(r.format).toBe('jinja');
    expect(find(r, 'jinja/dunder-access')?.severity).toBe('critical');
    expect(r.findings.some((x) => x.ruleId === 'jinja/dunder-access' && x.evidence?.includes('[].__class__'))).toBe(true);
    expect(r.findings.some((x) => x.ruleId === 'jinja/dunder-access' && x.message.includes('__subclasses__'))).toBe(true);
    expect(rules(r)).toContain('jinja/dangerous-name');
  });

  it('|attr filter with dunder strings → jinja/dynamic-attribute and dunder-access', async () => {
    const r = await asJinja("{{ ''|attr('__class__')|attr('__mro__')|attr('__getitem__')(1) }}", 'x.j2');
    expect(find(r, 'jinja/dynamic-attribute')?.severity).toBe('critical');
    expect(r.findings.filter((f) => f.ruleId === 'jinja/dunder-access').map((f) => f.message).join()).toContain('__getitem__');
  });

  it('dunder built by ~ concatenation → dunder-access "builds", dynamic-attribute', async () => {
    const r = await asJinja("{{ foo['__cla' ~ 'ss__'] }}");
    expect(r.findings.some((f) => f.ruleId === 'jinja/dunder-access' && f.message.includes('builds the name __class__'))).toBe(true);
    expect(rules(r)).toContain('jinja/dynamic-attribute');
  });

  it.each([
    ["{{ x[['_', '_', 'globals', '_', '_']|join] }}", '__globals__'],
    ["{{ x['{0}{0}init{0}{0}'.format('_')] }}", '__init__'],
    ["{{ x['XXclassXX'|replace('X', '_')] }}", '__class__'],
    ["{{ x['_' * 2 ~ 'mro' ~ '_' * 2] }}", '__mro__'],
    ["{{ x[''.join(['__', 'base', '__'])] }}", '__base__'],
  ])('string-built dunder %s → %s', async (t, name) => {
    const r = await asJinja(t);
    expect(r.findings.some((f) => f.ruleId === 'jinja/dunder-access' && f.message.includes(name) && f.severity === 'critical')).toBe(true);
  });

  it('hex/unicode escapes spelling a dunder → dunder-access noting the escapes', async () => {
    const r = await asJinja("{{ request['\\x5f\\x5fglobals\\x5f\\x5f'] }}{{ x['\\u005f\\u005fclass\\u005f\\u005f'] }}");
    const msgs = r.findings.filter((f) => f.ruleId === 'jinja/dunder-access').map((f) => f.message);
    expect(msgs.some((m) => m.includes('__globals__') && m.includes('escapes'))).toBe(true);
    expect(msgs.some((m) => m.includes('__class__'))).toBe(true);
  });

  it.each(['cycler', 'joiner', 'namespace', 'lipsum', 'range'])('%s.__init__.__globals__ → jinja/global-escape', async (g) => {
    const r = await asJinja(`{{ ${g}.__init__.__globals__.os.popen('id').read() }}`);
    expect(find(r, 'jinja/global-escape')?.severity).toBe('critical');
    expect(find(r, 'jinja/global-escape')?.message).toContain(g);
    expect(rules(r)).toContain('jinja/dangerous-name');
  });

  it.each([
    ['{{ os.popen("id") }}', 'os'],
    ['{{ x.system("id") }}', 'system'],
    ['{{ eval("1") }}', 'eval'],
    ['{{ exec("1") }}', 'exec'],
    ["{{ g['subprocess'] }}", 'subprocess'],
    ['{{ import("os") }}', 'import'],
  ])('%s → jinja/dangerous-name (%s)', async (t, name) => {
    const r = await asJinja(t);
    const f = r.findings.find((x) => x.ruleId === 'jinja/dangerous-name' && x.message.includes(name));
    expect(f?.severity).toBe('critical');
  });

  it('getattr() → jinja/dynamic-attribute', async () => {
    const r = await asJinja("{{ getattr(x, 'y') }}");
    expect(find(r, 'jinja/dynamic-attribute')?.message).toContain('getattr');
  });

  it.each(['request', 'config', 'self', 'url_for', 'get_flashed_messages'])('Flask probe %s → jinja/ssti-probe WARNING', async (name) => {
    const r = await asJinja(`{{ ${name} }}`);
    expect(find(r, 'jinja/ssti-probe')?.severity).toBe('warning');
    expect(worst(r)).toBe(SEVERITY_RANK.warning);
  });

  it('an unclosed expression → jinja/unparseable WARNING, never clean', async () => {
    const r = await asJinja('{{ unclosed_bracket');
    expect(find(r, 'jinja/unparseable')?.severity).toBe('warning');
    expect(r.status).not.toBe('clean');
  });
});

describe('jinja: sources', () => {
  const evil = "{{ cycler.__init__.__globals__.os.system('id') }}";
  // The config scanner owns these JSON files and hands each template down as a child named by its pointer.
  it('tokenizer_config.json chat_template string → jinja child at #/chat_template', async () => {
    const r = await asJson({ tokenizer_class: 'X', chat_template: evil });
    expect(r.format).toBe('config');
    expect(find(r, 'jinja/dunder-access')?.location.path).toEqual(['tokenizer_config.json', 'tokenizer_config.json#/chat_template']);
  });

  it('list of named templates → only the tool_use template, child #/chat_template/1/template', async () => {
    const r = await asJson({ chat_template: [{ name: 'default', template: '{{ messages }}' }, { name: 'tool_use', template: evil }] });
    const hits = r.findings.filter((x) => x.ruleId === 'jinja/dunder-access');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((f) => f.location.path[1] === 'tokenizer_config.json#/chat_template/1/template')).toBe(true);
  });

  it('a non-string chat_template → jinja/unparseable at its pointer, never clean', async () => {
    const r = await asJson({ chat_template: [{ name: 'default', template: 42 }] });
    expect(find(r, 'jinja/unparseable')?.location.pointer).toBe('/chat_template/0');
    expect(r.status).not.toBe('clean');
  });

  it('chat_template.json and a JSON of any name with a chat_template key are claimed by structure', async () => {
    expect(find(await asJson({ chat_template: evil }, 'chat_template.json'), 'jinja/dunder-access')).toBeDefined();
    expect(find(await asJson({ a: 1, custom_chat_template: evil }, 'sample.json'), 'jinja/dunder-access')?.location.path[1]).toBe('sample.json#/custom_chat_template');
  });

  it('other JSON files are not claimed', async () => {
    const r = await asJson({ architectures: ['LlamaForCausalLM'], hidden_size: 4096 }, 'config.json');
    expect(r.format).not.toBe('jinja');
  });

  it('a template handed down with hint jinja (as GGUF does) is scanned', async () => {
    // Through the orchestrator's recursion: a container would call ctx.scanChild(name, bytes, 'jinja').
    const { jinjaScanner } = await import('../../src/engine/formats/jinja/scanner');
    const head = { bytes: encodeUtf8(evil), size: evil.length, name: 'tokenizer.chat_template', ext: '.chat_template', hint: 'jinja' };
    expect(jinjaScanner.sniff(head)?.confidence).toBe('magic');
  });
});

describe('jinja: real templates stay clean', () => {
  const dir = join(process.cwd(), 'fixtures', 'jinja', 'benign');
  const files = readdirSync(dir).filter((f) => f.endsWith('.jinja'));
  it('has the fixtures', () => expect(files.length).toBeGreaterThanOrEqual(6));
  it.each(files)('%s: nothing above INFO as .jinja and inside tokenizer_config.json', async (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const a = await asJinja(text, file);
    expect(a.format).toBe('jinja');
    expect(worst(a), JSON.stringify(a.findings)).toBeLessThanOrEqual(SEVERITY_RANK.info);
    const b = await asJson({ chat_template: text });
    expect(worst(b), JSON.stringify(b.findings)).toBeLessThanOrEqual(SEVERITY_RANK.info);
  });

  it("message.class (a key named like a keyword) is not an attack", async () => {
    const r = await asJinja('{% for message in messages %}{% if message.class == "x" %}{{ message.content }}{% endif %}{% endfor %}');
    expect(worst(r)).toBeLessThanOrEqual(SEVERITY_RANK.info);
  });

  it("a Llama 4 template's comment linking www.llama.com (prompt-format docs) stays INFO", async () => {
    const r = await asJinja('{#- See https://www.llama.com/docs/model-cards-and-prompt-formats/llama4/ -#}{{ messages[0].content }}');
    expect(worst(r), JSON.stringify(r.findings)).toBeLessThanOrEqual(SEVERITY_RANK.info);
  });

  it('a 60 KB template scans quickly', async () => {
    const unit = "{% for message in messages %}{% if message['role'] == 'user' %}{{ '<|user|>' + message['content'] | trim }}{% endif %}{% endfor %}\n";
    const big = unit.repeat(Math.ceil(60_000 / unit.length));
    const t0 = Date.now();
    const r = await asJinja(big);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(worst(r)).toBeLessThanOrEqual(SEVERITY_RANK.info);
    expect(r.complete).toBe(true);
  });
});
