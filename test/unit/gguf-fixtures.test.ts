// GGUF fixtures written by the real gguf-py writer (fixtures/gguf/generate.py, MANIFEST.md).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scan, scanReport, fromBytes, type FileReport } from '../../src/engine';
import { reportProblems } from '../helpers/schema';

const load = (rel: string, name = 'x.gguf') => scan(fromBytes(new Uint8Array(readFileSync(join(process.cwd(), 'fixtures/gguf', rel))), name));
const only = (r: FileReport, id: string) => r.findings.filter((f) => f.ruleId === id);
const notes = (r: FileReport) => r.nodes[0]!.notes!;
const TEMPLATE = ['x.gguf', 'tokenizer.chat_template'];

describe('gguf fixtures: benign files from gguf-py', () => {
  it('tiny-llama-chatml: clean, facts noted, ChatML template sent to the jinja scanner', async () => {
    const r = await load('benign/tiny-llama-chatml.gguf');
    const report = scanReport([r], { startedAt: new Date().toISOString(), durationMs: 1, options: {} });
    expect(reportProblems(JSON.parse(JSON.stringify(report)))).toEqual([]);
    expect(r.format).toBe('gguf');
    expect(r.findings.filter((f) => f.severity !== 'info' && f.severity !== 'debug')).toEqual([]);
    expect(r.complete).toBe(true);
    expect(notes(r)).toMatchObject({ version: 3, architecture: 'llama', contextLength: 128, parameterCount: 40 + 8 + 40,
      tensorTypes: { F32: 2, F16: 1 }, fileType: 0, vocabularySize: 5, mergeCount: 1 });
    expect(r.nodes.map((n) => n.path)).toContainEqual(TEMPLATE);
  });

  it('v3-arrays-named-templates: arrays parsed, default and named templates both scanned', async () => {
    const r = await load('benign/v3-arrays-named-templates.gguf');
    expect(r.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning')).toEqual([]);
    expect(r.complete).toBe(true);
    expect(notes(r).metadataKeys).toEqual(expect.arrayContaining(['general.tags', 'test.nested', 'tokenizer.chat_templates']));
    const paths = r.nodes.map((n) => n.path);
    expect(paths).toContainEqual(TEMPLATE);
    expect(paths).toContainEqual(['x.gguf', 'tokenizer.chat_template.tool_use']);
  });
});

describe('gguf fixtures: malicious templates', () => {
  it('ssti-chat-template: the __subclasses__ template is handed to the jinja scanner as a child', async () => {
    const r = await load('malicious/ssti-chat-template.gguf');
    expect(r.nodes.find((n) => n.path.join('/') === TEMPLATE.join('/'))?.format).toBe('jinja');
    expect(r.findings.some((f) => f.severity === 'critical' && f.location.path.join('/') === TEMPLATE.join('/'))).toBe(true);
    expect(r.findings.filter((f) => f.location.path.length === 1 && f.severity !== 'info')).toEqual([]);
    expect(r.complete).toBe(true);
  });

  it('ssti-named-template: the named template is a child of its own', async () => {
    const r = await load('malicious/ssti-named-template.gguf');
    expect(r.nodes.map((n) => n.path)).toContainEqual(['x.gguf', 'tokenizer.chat_template.rag']);
    expect(r.findings.some((f) => f.severity === 'critical' && f.location.path[1] === 'tokenizer.chat_template.rag')).toBe(true);
    expect(r.findings.some((f) => f.severity === 'critical' && f.location.path[1] === 'tokenizer.chat_template')).toBe(false);
  });
});

describe('gguf fixtures: malformed files', () => {
  it('truncated: tensor data cut off is reported out of bounds', async () => {
    const r = await load('malformed/truncated.gguf');
    const oob = only(r, 'gguf/tensor-out-of-bounds');
    expect(oob.length).toBeGreaterThan(0);
    expect(oob.every((f) => f.severity === 'warning' && f.location.pointer?.startsWith('/tensors/'))).toBe(true);
    expect(r.complete).toBe(true);
  });

  it('truncated-metadata: malformed and incomplete', async () => {
    const r = await load('malformed/truncated-metadata.gguf');
    expect(only(r, 'format/malformed')).toHaveLength(1);
    expect(r.complete).toBe(false);
    expect(r.status).toBe('error');
  });

  it('absurd-kv-count: gguf/absurd-count WARNING at offset 16, malformed', async () => {
    const r = await load('malformed/absurd-kv-count.gguf');
    expect(only(r, 'gguf/absurd-count')[0]).toMatchObject({ severity: 'warning', location: { offset: 16 } });
    expect(r.complete).toBe(false);
  });

  it('string-past-eof: the key length past EOF is absurd, nothing allocated', async () => {
    const r = await load('malformed/string-past-eof.gguf');
    expect(only(r, 'gguf/absurd-count')[0]).toMatchObject({ location: { offset: 24 } });
    expect(r.complete).toBe(false);
  });
});
