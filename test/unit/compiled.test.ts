// Compiled runtime artifacts recognised but not decoded (fixtures/compiled: RKNN; CNTK has its own scanner): names found in their
// strings are judged, the generic sweep runs, and the node is never reported complete.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scan, fromBytes, type FileReport } from '../../src/engine';

const DIR = 'fixtures/compiled';
const load = (rel: string) => new Uint8Array(readFileSync(`${DIR}/${rel}`));
const run = (rel: string): Promise<FileReport> => scan(fromBytes(load(rel), rel.split('/').pop()!));
const aboveInfo = (r: FileReport) => r.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning');

describe('compiled: recognised, swept, never clean', () => {
  for (const [file, kind] of [['benign/mobilenet.rknn', 'rknn'], ['benign/legacy-v1.rknn', 'rknn']] as const) {
    it(`recognises ${file} as ${kind}, stays below WARNING and is incomplete`, async () => {
      const r = await run(file);
      expect(r.format).toBe('compiled');
      expect(r.nodes[0]!.notes!.kind).toBe(kind);
      expect(aboveInfo(r)).toEqual([]);
      expect(r.findings.map((f) => f.ruleId)).toContain('compiled/not-parsed');
      expect(r.findings.map((f) => f.ruleId)).not.toContain('file/unrecognized-format');
      expect(r.complete).toBe(false);
    });
  }

  it('reports the shared library an RKNN model names as a WARNING', async () => {
    const r = await run('malicious/custom_op_lib.rknn');
    expect(r.findings.find((f) => f.ruleId === 'compiled/library-reference')!.evidence).toBe('librknn_custom_ops.so');
    expect(r.complete).toBe(false);
  });

  it('reads the RKNN container: version, data length and the model-info JSON; the note says what was checked', async () => {
    const r = await run('benign/mobilenet.rknn');
    expect(r.nodes[0]!.notes).toMatchObject({ version: 6, dataBytes: 60, infoKeys: ['target_platform', 'version', 'norm_tensor'] });
    expect(r.findings.find((f) => f.ruleId === 'compiled/not-parsed')!.message).toMatch(/checked: the header, the declared data and JSON lengths, and the model-info JSON/);
    expect((await run('benign/legacy-v1.rknn')).nodes[0]!.notes).toMatchObject({ version: 1, dataBytes: 60 });
  });

  it('an ELF appended after the model-info JSON is scanned as trailing data: CRITICAL', async () => {
    const r = await run('malicious/elf-after-info.rknn');
    expect(r.findings.filter((f) => f.ruleId === 'executable/elf' && f.severity === 'critical').length).toBeGreaterThan(0);
    expect(r.nodes[0]!.notes!.trailingBytes).toBeGreaterThan(0);
  });

  it.each(['malformed/data-past-end.rknn', 'malformed/json-past-end.rknn', 'malformed/bad-json.rknn'])(
    '%s is malformed, not malicious, and never clean', async (rel) => {
      const r = await run(rel);
      expect(r.findings.map((f) => f.ruleId)).toContain('format/malformed');
      expect(r.findings.filter((f) => f.severity === 'critical')).toEqual([]);
      expect(r.status).not.toBe('clean');
    });
});

