// Hydra/NeMo/LightningCLI targets as the loader sees them: OmegaConf interpolations resolved, Hydra's
// locators' paths judged, and the knowledge base clearing targets it analysed. Real-shaped configs
// written by OmegaConf (fixtures/config-targets, generate.py) and variants built in code.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scan, fromBytes, SEVERITY_RANK, type FileReport } from '../../src/engine';
import { encodeUtf8 } from '../../src/engine/io/text';
import { resolveTarget, MAX_INTERPOLATION_HOPS } from '../../src/engine/formats/config/targets';

const FIX = join(process.cwd(), 'fixtures', 'config-targets');
const fixture = (rel: string) => scan(fromBytes(new Uint8Array(readFileSync(join(FIX, rel))), rel.split('/').pop()!));
const yaml = (t: string, name = 'config.yaml') => scan(fromBytes(encodeUtf8(t), name));
const targets = (r: FileReport) => r.findings.filter((f) => f.ruleId === 'config/dangerous-target')
  .map((f) => [f.location.pointer, f.severity, f.evidence]);
const alarms = (r: FileReport) => r.findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK.warning);

describe('config targets: benign configs written by OmegaConf stay quiet', () => {
  it('lightning-hydra-template run config: only the project\'s own src.* modules are WARNING (they run the repository\'s Python)', async () => {
    const r = await fixture('benign/lightning-hydra/.hydra/config.yaml');
    expect(r.format).toBe('config');
    expect(targets(r)).toEqual([
      ['/data/_target_', 'warning', 'src.data.mnist_datamodule.MNISTDataModule'],
      ['/model/_target_', 'warning', 'src.models.mnist_module.MNISTLitModule'],
      ['/model/net/_target_', 'warning', 'src.models.components.simple_dense_net.SimpleDenseNet'],
    ]);
    expect(alarms(r)).toHaveLength(3);
  });

  it('torchvision transforms, an optuna sampler and a peft helper (7 WARNINGs before) are cleared by the knowledge base', async () => {
    const r = await fixture('benign/transforms.yaml');
    expect(r.findings).toEqual([]);
  });

  it.each(['benign/nemo/model_config.yaml', 'benign/lightning-cli/config.yaml'])('%s → no finding', async (rel) => {
    const r = await fixture(rel);
    expect(r.format).toBe('config');
    expect(r.findings).toEqual([]);
  });

  it('hydra.utils.get_method with path torch.nn.functional.relu (an activation) → nothing', async () => {
    const r = await yaml('net:\n  activation:\n    _target_: hydra.utils.get_method\n    path: torch.nn.functional.relu\n');
    expect(r.findings).toEqual([]);
  });
});

describe('config targets: interpolations resolved as OmegaConf resolves them', () => {
  it.each([
    ['malicious/interpolated-target.yaml', '/callbacks/upload/_target_', 'os.system'],
    ['malicious/spliced-target.yaml', '/trainer/plugins/0/_target_', 'subprocess.getoutput'],
    ['malicious/relative-chain.yaml', '/stage/_target_', 'posix.system'],
  ])('%s (WARNING "not a dotted path" before) → CRITICAL at %s, evidence %s', async (rel, pointer, target) => {
    const r = await fixture(rel);
    expect(targets(r)).toEqual([[pointer, 'critical', target]]);
    expect(r.findings.find((f) => f.ruleId === 'config/dangerous-target')!.message).toContain('resolves to');
  });

  it('list indexes: ${impls.1} and ${impls[1]} → CRITICAL', async () => {
    for (const ref of ['impls.1', 'impls[1]']) {
      const r = await yaml(`impls: [torch.optim.Adam, builtins.exec]\nx:\n  _target_: \${${ref}}\n`);
      expect(targets(r)).toEqual([['/x/_target_', 'critical', 'builtins.exec']]);
    }
  });

  it('a cycle of interpolations ends (WARNING: not a dotted path), it does not hang', async () => {
    const r = await yaml('a: ${b}\nb: ${a}\nx:\n  _target_: ${a}\n');
    expect(targets(r).map((t) => t[1])).toEqual(['warning']);
  });

  it('resolvers (${oc.env:X}) and escaped \\${x} stay unresolved: WARNING, never a guess', async () => {
    const r = await yaml('x: os.system\na:\n  _target_: ${oc.env:TARGET}\nb:\n  _target_: \\${x}\n');
    expect(targets(r).map((t) => [t[0], t[1]])).toEqual([['/a/_target_', 'warning'], ['/b/_target_', 'warning']]);
  });

  it('resolution is bounded: a long chain stops after MAX_INTERPOLATION_HOPS', () => {
    const n = MAX_INTERPOLATION_HOPS + 5;
    const root: Record<string, string> = { k0: 'os.system' };
    for (let i = 1; i <= n; i++) root[`k${i}`] = `\${k${i - 1}}`;
    expect(resolveTarget(`\${k${n}}`, root, []).text).toMatch(/^\$\{k\d+\}$/);
    expect(resolveTarget('${k3}', root, []).text).toBe('os.system');
  });
});

describe('config targets: Hydra locators import the path they are given', () => {
  it('get_method(path: posix.system) fed to builtins.map/list (each _target_ harmless-looking) → CRITICAL at /…/path', async () => {
    const r = await fixture('malicious/get-method-map.yaml');
    expect(targets(r)).toEqual([['/run/_args_/0/_args_/0/path', 'critical', 'posix.system']]);
  });

  it('get_object with the path as its first _args_ (clean before) → CRITICAL', async () => {
    const r = await fixture('malicious/get-object-args.yaml');
    expect(targets(r)).toEqual([['/hook/_args_/0', 'critical', 'subprocess.getoutput']]);
  });

  it('a locator path outside the analysed packages → WARNING that names the locator', async () => {
    const r = await yaml('cb:\n  _target_: hydra.utils.get_class\n  path: mypkg.hooks.Upload\n');
    const [f] = r.findings;
    expect([f?.severity, f?.location.pointer]).toEqual(['warning', '/cb/path']);
    expect(f?.message).toContain('hydra.utils.get_class imports mypkg.hooks.Upload');
  });
});

describe('config targets: the knowledge base explains what it does not clear', () => {
  it('timm.create_model (downloads and loads weights) stays WARNING and says what the analysis found', async () => {
    const r = await yaml('backbone:\n  _target_: timm.create_model\n  model_name: resnet50\n  pretrained: true\n');
    const [f] = r.findings;
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('the analysis of its library finds it reaches');
  });
});
