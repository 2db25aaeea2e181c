// OpenVINO IR (fixtures/openvino, built by generate.py from the IR v11 layout): custom layers,
// library references, DTD entity bombs and weights past the .bin, plus a strict-XML edge or two.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scan, scanReport, fromBytes, type FileReport } from '../../src/engine';
import { readXml } from '../../src/engine/formats/openvino/xml';
import { OPSET_OPS } from '../../src/engine/formats/openvino/opsets';

const DIR = 'fixtures/openvino';
const load = (rel: string) => new Uint8Array(readFileSync(`${DIR}/${rel}`));
const run = (rel: string): Promise<FileReport> => scan(fromBytes(load(rel), rel.split('/').pop()!));
const ids = (r: FileReport) => [...new Set(r.findings.map((f) => f.ruleId))].sort();
const aboveInfo = (r: FileReport) => r.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning');

describe('openvino: fixtures match the IR v11 layout', () => {
  it('the benign IR has a <net version=11> root, opset layers with known types and a Const that fits the .bin', () => {
    const layers: Array<Record<string, string>> = [];
    let root = '';
    let constEnd = 0;
    readXml(new TextDecoder().decode(load('benign/tiny_add.xml')), {
      open(name, attrs, stack) {
        if (stack.length === 0) root = `${name}@${attrs.version}`;
        if (name === 'layer') layers.push(attrs);
        if (name === 'data' && 'offset' in attrs) constEnd = Number(attrs.offset) + Number(attrs.size);
      },
      problem() { throw new Error('unexpected problem'); },
    });
    expect(root).toBe('net@11');
    expect(layers.map((l) => l.type)).toEqual(['Parameter', 'Const', 'Add', 'Result']);
    expect(layers.every((l) => /^opset\d+$/.test(l.version!) && OPSET_OPS.has(l.type!))).toBe(true);
    expect(constEnd).toBe(load('benign/tiny_add.bin').length);
  });
});

describe('openvino: scanning', () => {
  it('reports a benign IR clean, as openvino, with its layer count', async () => {
    const r = await run('benign/tiny_add.xml');
    expect(r.format).toBe('openvino');
    expect(r.findings).toEqual([]);
    expect(r.complete).toBe(true);
    expect(r.nodes[0]!.notes!.layers).toBe(4);
  });

  it('reports a layer from an "extension" opset as a custom layer WARNING', async () => {
    const r = await run('malicious/custom_layer.xml');
    const f = r.findings.find((x) => x.ruleId === 'openvino/custom-layer')!;
    expect(f.severity).toBe('warning');
    expect(f.evidence).toBe('type="MyCustomDecode" version="extension"');
    expect(f.location.pointer).toBe('layer 9');
  });

  it('reports a shared library named in rt_info as a WARNING', async () => {
    const r = await run('malicious/library_reference.xml');
    expect(ids(r)).toContain('openvino/library-reference');
    expect(r.findings.find((x) => x.ruleId === 'openvino/library-reference')!.evidence).toBe('/opt/plugins/libevil_ext.so');
  });

  it('reports a billion-laughs DOCTYPE without expanding it', async () => {
    const r = await run('malicious/entity_bomb.xml');
    const doc = r.findings.filter((x) => x.ruleId === 'openvino/doctype');
    expect(doc.length).toBeGreaterThanOrEqual(2); // the DOCTYPE and the &c; use
    expect(r.nodes[0]!.notes!.model).toBe('&c;');
  });

  it('reports Const weights past the end of the sibling .bin in a folder scan', async () => {
    const files = [await run('malicious/weights_past_bin.xml'), await run('malicious/weights_past_bin.bin')];
    files[0] = { ...files[0]!, path: 'm/weights_past_bin.xml' };
    files[1] = { ...files[1]!, path: 'm/weights_past_bin.bin' };
    const rep = scanReport(files, { startedAt: new Date(0).toISOString(), durationMs: 0, options: {} });
    const f = rep.files[0]!.findings.find((x) => x.ruleId === 'openvino/bad-weights-range')!;
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/byte 4104 .* only 16 bytes/);
  });

  it('the benign pair passes the same folder check', async () => {
    const files = [{ ...(await run('benign/tiny_add.xml')), path: 'm/tiny_add.xml' }, { ...(await run('benign/tiny_add.bin')), path: 'm/tiny_add.bin' }];
    const rep = scanReport(files, { startedAt: new Date(0).toISOString(), durationMs: 0, options: {} });
    expect(rep.files[0]!.findings).toEqual([]);
  });

  for (const name of ['truncated.xml', 'mismatched.xml', 'bad_attr.xml']) {
    it(`reports ${name} malformed, not malicious`, async () => {
      const r = await run(`malformed/${name}`);
      expect(r.nodes[0]!.status).toBe('malformed');
      expect(aboveInfo(r).map((f) => f.ruleId)).toEqual(['format/malformed']);
    });
  }

  it('leaves an ordinary XML document to other scanners', async () => {
    const r = await scan(fromBytes(new TextEncoder().encode('<?xml version="1.0"?>\n<project><name>x</name></project>\n'), 'pom.xml'));
    expect(r.format).not.toBe('openvino');
  });

  it('reports runtime-internal ops at INFO only', async () => {
    const xml = new TextDecoder().decode(load('benign/tiny_add.xml')).replace('type="Add" version="opset1"', 'type="RMS" version="ie_internal_opset"');
    const r = await scan(fromBytes(new TextEncoder().encode(xml), 'm.xml'));
    expect(ids(r)).toEqual(['openvino/internal-op']);
  });
});
