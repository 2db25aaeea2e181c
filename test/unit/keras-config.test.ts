// Keras config judging and the marshal reader, on variants built in code (test/builders/keras.ts).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { parseMarshal, summarizeCode } from '../../src/engine/formats/keras/marshal';
import { lambdaGate, parseVersion } from '../../src/engine/formats/keras/policy';
import { base64, kerasZip, marshalCode, sequentialConfig } from '../builders/keras';
import { FormatError } from '../../src/engine/types';

const hits = (r: FileReport, ruleId: string) => r.findings.filter((f) => f.ruleId === ruleId);
const scanKeras = (config: object, version?: string) => scan(fromBytes(kerasZip(config, version), 'model.keras'));
const lambdaLayer = (fn: unknown, extra: object = {}) =>
  ({ module: 'keras.layers', class_name: 'Lambda', config: { name: 'lam', function: fn, ...extra }, registered_name: null });

describe('marshal reader', () => {
  const spec = { names: ['__import__', 'system'], consts: [null, 'os', 'id > /tmp/x'] };
  it.each(['3.11+', '3.8-3.10', '3.0-3.7'] as const)('reads a %s code object and lists names and string constants', (layout) => {
    const { value, layout: seen } = parseMarshal(marshalCode(spec, layout));
    expect(seen).toBe(layout);
    const s = summarizeCode(value);
    expect(s.names).toEqual(['__import__', 'system']);
    expect(s.strings).toEqual(['os', 'id > /tmp/x']);
  });

  it('collects names from nested code objects (a lambda defined inside a lambda)', () => {
    const inner = { names: ['popen'], consts: ['rm -rf ~'], name: 'inner' };
    const s = summarizeCode(parseMarshal(marshalCode({ names: ['os'], consts: [inner] }, '3.8-3.10')).value);
    expect(s.names).toEqual(['os', 'popen']);
    expect(s.functions).toEqual(['<lambda>', 'inner']);
    expect(s.strings).toContain('rm -rf ~');
  });

  it('refuses a sequence count that runs past the data instead of allocating it', () => {
    const bad = new Uint8Array([0x28, 0xff, 0xff, 0xff, 0x7f]); // '(' tuple of 2^31-1 items in 5 bytes
    expect(() => parseMarshal(bad)).toThrow(FormatError);
  });

  it('refuses a back-reference to an object that was never stored', () => {
    expect(() => parseMarshal(new Uint8Array([0x72, 5, 0, 0, 0]))).toThrow(/bad reference/);
  });

  it('refuses nesting deeper than its limit without exhausting the stack', () => {
    const deep = new Uint8Array(100_000).fill(0x29).map((v, i) => (i % 2 ? 1 : v)); // ')' 1 ')' 1 ...
    expect(() => parseMarshal(deep)).toThrow(/nested too deeply/);
  });
});

describe('keras config judge', () => {
  it('flags a Keras 3 "__lambda__" bytecode Lambda (3.8 layout) as CRITICAL with its pointer', async () => {
    const code = base64(marshalCode({ names: ['eval'], consts: ['__import__("os").system("id")'] }, '3.8-3.10'));
    const r = await scanKeras(sequentialConfig(lambdaLayer({ class_name: '__lambda__', config: { code, defaults: null, closure: null } })));
    const [f] = hits(r, 'keras/lambda-bytecode');
    expect(f?.severity).toBe('critical');
    expect(f?.location).toEqual({ path: ['model.keras', 'config.json'], pointer: '/config/layers/1/config/function/config/code' });
    expect(f?.message).toMatch(/3\.8-3\.10 bytecode.*references eval/);
  });

  it('still reports undecodable Lambda bytecode as CRITICAL', async () => {
    const r = await scanKeras(sequentialConfig(lambdaLayer({ class_name: '__lambda__', config: { code: base64(new Uint8Array([0x63, 1, 2])) } })));
    const [f] = hits(r, 'keras/lambda-bytecode');
    expect(f?.severity).toBe('critical');
    expect(f?.message).toMatch(/could not be decoded/);
  });

  it('warns on a Lambda given as harmless source text, and escalates when it reaches subprocess', async () => {
    const plain = await scanKeras(sequentialConfig(lambdaLayer('lambda x: x * 2')));
    expect(hits(plain, 'keras/lambda-source')[0]?.severity).toBe('warning');
    const evil = await scanKeras(sequentialConfig(lambdaLayer("lambda x: __import__('subprocess').run('id')")));
    const [f] = hits(evil, 'keras/lambda-source');
    expect(f?.severity).toBe('critical');
    expect(f?.severityReason).toMatch(/__import__, subprocess/);
  });

  it('flags a nested callable dict {"module":"builtins","class_name":"function","config":"eval"} as CRITICAL', async () => {
    const r = await scanKeras(sequentialConfig({ module: 'keras.layers', class_name: 'Activation',
      config: { name: 'act', activation: { module: 'builtins', class_name: 'function', config: 'eval', registered_name: 'eval' } } }));
    const [f] = hits(r, 'keras/dangerous-import');
    expect(f?.severity).toBe('critical');
    expect(f?.evidence).toBe('builtins.eval');
    expect(f?.location.pointer).toBe('/config/layers/1/config/activation/module');
  });

  it('custom activations saved the ordinary way (plain, registered, torch gelu: all "module": "builtins") were CRITICAL → INFO only', async () => {
    const r = await scan(fromBytes(new Uint8Array(readFileSync('fixtures/keras/benign/custom-activations.keras')), 'custom-activations.keras'));
    expect(r.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning')).toEqual([]);
    expect(hits(r, 'keras/custom-import').map((f) => [f.severity, f.evidence])).toEqual([
      ['info', 'builtins.swish2'], ['info', 'builtins.mypkg>swish3'], ['info', 'builtins.builtin_function_or_method']]);
  });

  it('a function outside Keras that the analysis finds reaching code execution (typing.get_type_hints) → CRITICAL with its path', async () => {
    const r = await scanKeras(sequentialConfig({ module: 'keras.layers', class_name: 'Activation',
      config: { name: 'act', activation: { module: 'typing', class_name: 'function', config: 'get_type_hints', registered_name: null } } }));
    const [f] = hits(r, 'keras/dangerous-import');
    expect([f?.severity, f?.evidence]).toEqual(['critical', 'typing.get_type_hints']);
    expect(f?.message).toMatch(/reaches code execution \(path: typing\.get_type_hints → /);
  });

  it('a function outside Keras that the analysis clears (scipy.special.boxcox1p) → INFO custom-import; an unanalysed one stays WARNING', async () => {
    const cleared = await scanKeras(sequentialConfig({ module: 'keras.layers', class_name: 'Activation',
      config: { name: 'act', activation: { module: 'scipy.special', class_name: 'function', config: 'boxcox1p', registered_name: null } } }));
    expect(hits(cleared, 'keras/custom-import').map((f) => f.severity)).toEqual(['info']);
    const unknown = await scanKeras(sequentialConfig({ module: 'mypkg.layers', class_name: 'Fancy', config: { name: 'f' } }));
    expect(hits(unknown, 'keras/custom-import').map((f) => f.severity)).toEqual(['warning']);
  });

  it('flags an fn_module entry outside Keras (subprocess) as CRITICAL', async () => {
    const r = await scanKeras(sequentialConfig({ class_name: 'check_output', fn_module: 'subprocess', config: {} }));
    expect(hits(r, 'keras/dangerous-import')[0]?.evidence).toBe('subprocess.check_output');
  });

  it('leaves Keras and KerasHub classes alone', async () => {
    const r = await scanKeras(sequentialConfig({ module: 'keras_hub.src.models.bert', class_name: 'BertBackbone', config: { name: 'b' } }));
    expect(hits(r, 'keras/custom-import')).toEqual([]);
    expect(hits(r, 'keras/dangerous-import')).toEqual([]);
  });

  it('flags a safe_mode: false marker', async () => {
    const r = await scanKeras({ ...sequentialConfig(), safe_mode: false });
    expect(hits(r, 'keras/unsafe-deserialization')[0]?.location.pointer).toBe('/safe_mode');
  });

  it('says the CVE applies when the recorded version is in range, and not otherwise', async () => {
    const cfg = sequentialConfig({ module: 'os', class_name: 'function', config: 'system' });
    const old = hits(await scanKeras(cfg, '3.8.0'), 'keras/dangerous-import')[0]!;
    expect(old.message).toMatch(/Keras 3\.8\.0: Keras < 3\.9 imports it even with safe_mode=True \(CVE-2025-1550\)/);
    const fixed = hits(await scanKeras(cfg, '3.10.0'), 'keras/dangerous-import')[0]!;
    expect(fixed.severity).toBe('critical');
    expect(fixed.message).toMatch(/Keras >= 3\.9 refuses/);
  });

  it('gates Lambda wording on version and container (CVE-2024-3660, CVE-2025-9905)', () => {
    expect(lambdaGate('2.12.0', 'h5')).toMatch(/CVE-2024-3660/);
    expect(lambdaGate('3.11.2', 'h5')).toMatch(/CVE-2025-9905/);
    expect(lambdaGate('3.11.3', 'h5')).toMatch(/safe_mode blocks it/);
    expect(lambdaGate('2.15.0', 'h5')).toMatch(/Keras 2 applies safe_mode only to \.keras/);
    expect(lambdaGate(undefined, 'keras')).toMatch(/version not recorded/);
    expect(parseVersion('2.12.0-tf')).toEqual([2, 12, 0]);
  });

  it('reports a config.json that is not JSON as keras/invalid-config (WARNING), not as an attack', async () => {
    const { buildZip } = await import('../builders/zip');
    const zip = buildZip({ members: [{ name: 'metadata.json', data: '{"keras_version":"3.5.0"}' }, { name: 'config.json', data: '{"class_name": ' }] });
    const r = await scan(fromBytes(zip, 'bad.keras'));
    const [f] = hits(r, 'keras/invalid-config');
    expect(f?.severity).toBe('warning');
    expect(f?.location.path).toEqual(['bad.keras', 'config.json']);
    expect(r.findings.some((x) => x.severity === 'critical')).toBe(false);
  });

  it('notes an unexpected member of a .keras archive', async () => {
    const { buildZip } = await import('../builders/zip');
    const zip = buildZip({ members: [{ name: 'metadata.json', data: '{}' }, { name: 'config.json', data: '{}' }, { name: 'run.sh', data: 'echo hi' }] });
    const r = await scan(fromBytes(zip, 'x.keras'));
    expect(hits(r, 'keras/unexpected-member')[0]?.location.pointer).toBe('run.sh');
  });
});
