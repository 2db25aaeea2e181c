// SentencePiece tokenizer models (tokenizer.model beside most Hugging Face checkpoints), written by the
// sentencepiece library (fixtures/sentencepiece/generate.py, MANIFEST.md).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { walkModel } from '../../src/engine/formats/sentencepiece/scanner';

const FIX = join(process.cwd(), 'fixtures/sentencepiece');
const bytes = (rel: string) => new Uint8Array(readFileSync(join(FIX, rel)));
const load = (rel: string, name = basename(rel)) => scan(fromBytes(bytes(rel), name));
const serious = (r: FileReport) => r.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning');

describe('SentencePiece tokenizer models', () => {
  it.each(['benign/bpe-tokenizer.model', 'benign/unigram-tokenizer.model'])(
    'a real %s named tokenizer.model is recognised and clean (no extension-mismatch against XGBoost/CNTK)', async (rel) => {
      const r = await load(rel, 'tokenizer.model');
      expect(r.format).toBe('sentencepiece');
      expect(serious(r)).toEqual([]);
      expect(r.findings.map((f) => f.ruleId)).not.toContain('file/extension-mismatch');
      expect(r.status).toBe('clean');
      expect(r.nodes[0]!.notes!.pieces).toBe(60);
    });

  it('an ELF stuffed into the model is CRITICAL (the sweep still runs)', async () => {
    const r = await load('malicious/elf-in-self-test.model', 'tokenizer.model');
    expect(r.format).toBe('sentencepiece');
    expect(r.findings.filter((f) => f.ruleId === 'executable/elf' && f.severity === 'critical').length).toBeGreaterThan(0);
  });

  it('a truncated model is malformed, not malicious', async () => {
    const r = await load('malformed/truncated.model', 'tokenizer.model');
    expect(r.findings.some((f) => f.ruleId === 'format/malformed')).toBe(true);
    expect(r.findings.filter((f) => f.severity === 'critical')).toEqual([]);
  });

  it('the walker rejects fields ModelProto does not have and lengths past the end', async () => {
    const walk = (b: number[]) => { const u = new Uint8Array(b); return walkModel(async (at, n) => u.subarray(at, at + n), u.length); };
    await expect(walk([0x08, 0x01])).rejects.toThrow(/not part of ModelProto/);
    await expect(walk([0x0a, 0x7f, 0x0a, 0x01, 0x41])).rejects.toThrow(/past the enclosing end/);
    await expect(walk([0x0a, 0x02, 0x18, 0x01])).rejects.toThrow(/no piece string/);
  });

  it('text starting with newlines is not taken for a SentencePiece model', async () => {
    const r = await scan(fromBytes(new TextEncoder().encode('\n\n# notes\nhello world\n'), 'notes.model'));
    expect(r.format).not.toBe('sentencepiece');
  });
});
