// Gradient-boosting models: XGBoost (JSON, UBJSON, legacy binary) and LightGBM text written by the real
// libraries, CatBoost .cbm built from its published schema (fixtures/gbdt/MANIFEST.md).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { parseUbjson } from '../../src/engine/formats/xgboost/ubjson';

const DIR = 'fixtures/gbdt';
const load = (rel: string) => new Uint8Array(readFileSync(`${DIR}/${rel}`));
const scanBytes = (bytes: Uint8Array, name: string) => scan(fromBytes(bytes, name));
const scanFixture = (rel: string) => scanBytes(load(rel), basename(rel));
const rules = (r: FileReport, sev?: string) => r.findings.filter((f) => !sev || f.severity === sev).map((f) => f.ruleId).sort();
const enc = (s: string) => new TextEncoder().encode(s);

describe('gbdt: benign models from the real libraries are clean', () => {
  const CASES: Array<[string, string]> = [
    ['xgb-binary.json', 'xgboost'], ['xgb-binary.ubj', 'xgboost'], ['xgb-dart.json', 'xgboost'], ['xgb-legacy.model', 'xgboost'],
    ['xgb-gblinear.bst', 'xgboost'], ['xgb-config.json', 'xgboost'], ['lgbm-binary.txt', 'lightgbm'], ['lgbm-categorical.txt', 'lightgbm'],
    ['catboost-oblivious.cbm', 'catboost'], ['xgb-sklearn.pkl', 'pickle'], ['lgbm-sklearn.pkl', 'pickle'],
  ];
  for (const [file, format] of CASES) {
    it(`${file} is read as ${format}, clean and complete`, async () => {
      const r = await scanFixture(`benign/${file}`);
      expect(r.format).toBe(format);
      expect(r.findings.filter((f) => f.severity !== 'info' && f.severity !== 'debug')).toEqual([]);
      expect(r.status).toBe('clean');
      expect(r.complete).toBe(true);
    });
  }

  it('JSON, UBJSON and legacy binary of one booster agree on its structure', async () => {
    for (const file of ['xgb-binary.json', 'xgb-binary.ubj', 'xgb-legacy.model']) {
      const r = await scanFixture(`benign/${file}`);
      expect(r.nodes[0]!.notes).toMatchObject({ booster: 'gbtree', objective: 'binary:logistic', trees: 4, nodes: 26, features: 3 });
    }
  });
});

describe('gbdt: attacks', () => {
  it('hostile XGBoost feature names and attributes reach the string detectors', async () => {
    const r = await scanFixture('malicious/xgb-hostile-strings.json');
    expect(rules(r, 'warning')).toEqual(['strings/python-code', 'strings/shell-command']);
  });

  it('an XGBoost tree whose child points past the node count is a WARNING (out-of-bounds read)', async () => {
    const doc = JSON.parse(new TextDecoder().decode(load('benign/xgb-binary.json')));
    doc.learner.gradient_booster.model.trees[1].left_children[0] = 4096;
    const r = await scanBytes(enc(JSON.stringify(doc)), 'bad.json');
    expect(rules(r)).toEqual(['xgboost/bad-tree']);
    expect(r.findings[0]!.location.pointer).toBe('/learner/gradient_booster/model/trees/1/left_children/0');
  });

  it('an XGBoost split on a feature beyond num_feature is a WARNING', async () => {
    const doc = JSON.parse(new TextDecoder().decode(load('benign/xgb-binary.json')));
    doc.learner.gradient_booster.model.trees[0].split_indices[0] = 99;
    expect(rules(await scanBytes(enc(JSON.stringify(doc)), 'bad.json'))).toEqual(['xgboost/bad-tree']);
  });

  it('LightGBM: hostile feature names and parameters are WARNINGs; a child past the leaves is bad-tree', async () => {
    expect(rules(await scanFixture('malicious/lgbm-hostile-strings.txt'), 'warning')).toEqual(['strings/python-code', 'strings/shell-command']);
    expect(rules(await scanFixture('malicious/lgbm-bad-child.txt'))).toEqual(['lightgbm/bad-tree']);
  });

  it('CatBoost: a shell command in the InfoMap params is a WARNING; an unknown part is named', async () => {
    const r = await scanFixture('malicious/catboost-hostile-info.cbm');
    expect(rules(r, 'warning')).toContain('strings/shell-command');
    expect(rules(r, 'info')).toEqual(['catboost/unknown-part']);
  });
});

describe('gbdt: malformed models are reported, never clean', () => {
  for (const file of ['xgb-truncated.json', 'xgb-truncated.ubj', 'xgb-legacy-truncated.model', 'lgbm-truncated.txt', 'catboost-truncated.cbm']) {
    it(`${file} is malformed and incomplete`, async () => {
      const r = await scanFixture(`malformed/${file}`);
      expect(rules(r)).toContain('format/malformed');
      expect(r.complete).toBe(false);
    });
  }

  it('a UBJSON count larger than the file is refused before allocating', () => {
    const b = new Uint8Array([0x5b, 0x24, 0x64, 0x23, 0x6c, 0x7f, 0xff, 0xff, 0xff]);
    expect(() => parseUbjson(b, 64)).toThrow(/exceeds/);
  });

  it('UBJSON nested past the depth limit is refused', () => {
    const b = new Uint8Array(200).fill(0x5b);
    expect(() => parseUbjson(b, 64)).toThrow(/deeper/);
  });

  it('a CatBoost core whose offsets point outside the buffer is malformed', async () => {
    const b = load('benign/catboost-oblivious.cbm').slice();
    b[8] = 0xff; b[9] = 0xff; // root uoffset far past the core
    const r = await scanBytes(b, 'x.cbm');
    expect(rules(r)).toEqual(['format/malformed']);
  });
});
