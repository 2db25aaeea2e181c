// llamafile / Actually Portable Executables (fixtures/llamafile: an APE prologue + a zip of real gguf-py
// GGUFs, appended as zipalign appends; see its MANIFEST.md). The file is reported as a program, and the
// GGUF inside reaches the GGUF and chat-template scanners through scanChild.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { openNode, nodeAddress } from '../../src/engine/navigate';
import { encodeUtf8 } from '../../src/engine/io/text';

const load = (p: string) => new Uint8Array(readFileSync(`fixtures/llamafile/${p}`));
const fixture = (p: string, name = p.split('/').pop()!) => scan(fromBytes(load(p), name));
const find = (r: FileReport, id: string) => r.findings.filter((f) => f.ruleId === id);
const alarms = (r: FileReport) => r.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning').map((f) => f.ruleId);

describe('llamafile: a program with a GGUF in the zip at its end', () => {
  it('reports a benign llamafile as a program (WARNING) and scans its GGUF and chat template, nothing else above INFO', async () => {
    const r = await fixture('benign/tiny-chatml.llamafile');
    expect(r.format).toBe('llamafile');
    expect(find(r, 'llamafile/executable')[0]).toMatchObject({ severity: 'warning', evidence: 'APE (MZqFpD)' });
    expect(find(r, 'llamafile/executable')[0]!.message).toMatch(/llamafile.*"model\.gguf"/);
    expect(alarms(r)).toEqual(['llamafile/executable']);
    expect(find(r, 'zip/prefixed-data')[0]).toMatchObject({ severity: 'info', evidence: '4096 bytes' });
    expect(r.nodes.map((n) => `${n.path.slice(1).join(' > ')}:${n.format}`)).toEqual(
      [':llamafile', 'model.gguf:gguf', 'model.gguf > tokenizer.chat_template:jinja', '.args:unknown']);
    expect(r.complete).toBe(true);
  });

  it('recognises the jartsr=\' (no-modify-self) header too, whatever the name', async () => {
    const r = await fixture('benign/tiny-chatml-jartsr.llamafile', 'server.exe');
    expect(r.format).toBe('llamafile');
    expect(find(r, 'llamafile/executable')[0]!.evidence).toMatch(/jartsr/);
  });

  it('flags a hostile chat template inside the llamafile\'s GGUF CRITICAL, located in the member', async () => {
    const r = await fixture('malicious/ssti-chat-template.llamafile');
    const hits = find(r, 'jinja/dunder-access');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]).toMatchObject({ severity: 'critical', location: { path: ['ssti-chat-template.llamafile', 'model.gguf', 'tokenizer.chat_template'] } });
  });

  it('re-opens the GGUF inside the llamafile from its report path', async () => {
    const bytes = load('malicious/ssti-chat-template.llamafile');
    const r = await scan(fromBytes(bytes, 'x.llamafile'));
    const i = r.nodes.findIndex((n) => n.path.join('>') === 'x.llamafile>model.gguf');
    const src = await openNode(fromBytes(bytes, 'x.llamafile'), nodeAddress(r.nodes, i)!);
    expect(new TextDecoder().decode(await src!.read(0, 4))).toBe('GGUF');
  });

  it('reports a llamafile whose zip was cut as malformed and incomplete, never clean', async () => {
    const r = await fixture('malformed/truncated.llamafile');
    expect(find(r, 'format/malformed').length).toBe(1);
    expect(r.complete).toBe(false);
  });

  it('reports an APE with no zip at all as a program, and does not take MZ alone for one', async () => {
    const ape = await scan(fromBytes(encodeUtf8("MZqFpD='\n'\necho hi\nexit 1\n"), 'tool.com'));
    expect(ape.format).toBe('llamafile');
    expect(find(ape, 'llamafile/executable')[0]!.message).toMatch(/no zip archive/);
    const mz = await scan(fromBytes(encodeUtf8('MZ-not-an-ape'), 'x.bin'));
    expect(mz.format).not.toBe('llamafile');
  });
});
