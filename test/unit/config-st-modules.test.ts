// sentence-transformers modules.json: every entry's `type` is imported when the folder loads
// (sentence_transformers/util/misc.py import_module_class). The real folder written by
// SentenceTransformer.save (fixtures/real-2026-12b) stays quiet; attacks are built in code.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { encodeUtf8 } from '../../src/engine/io/text';

const modules = (entries: object[]) => scan(fromBytes(encodeUtf8(JSON.stringify(entries, null, 2)), 'modules.json'));
const entry = (type: string, path = '', idx = 0) => ({ idx, name: String(idx), path, type });
const hits = (r: FileReport) => r.findings.filter((f) => f.ruleId === 'config/module-class').map((f) => [f.location.pointer, f.severity, f.evidence]);

describe('sentence-transformers modules.json', () => {
  it('the folder SentenceTransformer.save wrote (Transformer, Pooling, Normalize) → config, no finding, types noted', async () => {
    const bytes = new Uint8Array(readFileSync('fixtures/real-2026-12b/benign/sentence-transformers/st-dir/modules.json'));
    const r = await scan(fromBytes(bytes, 'modules.json'));
    expect(r.format).toBe('config');
    expect(r.findings).toEqual([]);
    expect(r.nodes[0]!.notes?.sentenceTransformerModules).toHaveLength(3);
  });

  it('type posix.system (was unscanned text) → CRITICAL config/module-class at /1/type', async () => {
    const r = await modules([entry('sentence_transformers.models.Transformer'), entry('posix.system', '1_Pooling', 1)]);
    expect(hits(r)).toEqual([['/1/type', 'critical', 'posix.system']]);
  });

  it('a repository-local class (custom_st.Transformer, as jina-embeddings-v3 ships) → WARNING: code chosen by the model', async () => {
    const r = await modules([entry('custom_st.Transformer')]);
    expect(hits(r)).toEqual([['/0/type', 'warning', 'custom_st.Transformer']]);
  });

  it('a module path that leaves the folder (../.., absolute, UNC) → WARNING on the path; a sub-folder stays silent', async () => {
    const r = await modules([entry('sentence_transformers.models.Pooling', '../../outside', 0), entry('sentence_transformers.models.Dense', '/etc', 1),
      entry('sentence_transformers.models.Dense', '\\\\attacker.example\\share', 2), entry('sentence_transformers.models.Normalize', '2_Normalize', 3)]);
    expect(hits(r).map((h) => [h[0], h[1]])).toEqual([['/0/path', 'warning'], ['/1/path', 'warning'], ['/2/path', 'warning']]);
  });

  it('another JSON array named otherwise is not taken as modules.json', async () => {
    const r = await scan(fromBytes(encodeUtf8(JSON.stringify([entry('posix.system')])), 'list.json'));
    expect(r.format).not.toBe('config');
  });
});
