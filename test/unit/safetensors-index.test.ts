// model.safetensors.index.json read entry by entry (formats/safetensors/index.ts, io/json.ts
// parseJsonMembers with a streamed weight_map): large and hostile indexes built in code, the notes the
// folder check reads bounded, the last copy of a repeated key winning as in loaders.
import { describe, expect, it } from 'vitest';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { MAX_NOTED_INDEX_CHARS } from '../../src/engine/formats/safetensors/index';
import { MAX_NOTE_CHARS } from '../../src/engine/notes';

const NAME = 'model.safetensors.index.json';
const enc = (s: string) => new TextEncoder().encode(s);
const indexOf = (entries: Array<[string, unknown]>, extra = '') =>
  enc(`{"metadata": {"total_size": 1024}, "weight_map": {${entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')}}${extra}}`);
const notes = (r: FileReport) => r.nodes[0]!.notes!;
const rules = (r: FileReport) => r.findings.map((f) => f.ruleId).sort();

describe('sharded checkpoint index, entry by entry', () => {
  it('reads an index of 100,000 entries over 4 shards: counts, shard lists and the notes of every tensor', async () => {
    const entries = Array.from({ length: 100_000 }, (_, i): [string, string] => [`model.layers.${i}.mlp.weight`, `model-0000${1 + (i % 4)}-of-00004.safetensors`]);
    const r = await scan(fromBytes(indexOf(entries), NAME));
    expect(r.format).toBe('safetensors-index');
    expect(notes(r)).toMatchObject({ tensorCount: 100_000, totalSize: 1024, shards: ['model-00001-of-00004.safetensors', 'model-00002-of-00004.safetensors', 'model-00003-of-00004.safetensors', 'model-00004-of-00004.safetensors'] });
    expect((notes(r).weightMap as Record<string, string[]>)['model-00002-of-00004.safetensors']).toHaveLength(25_000);
    expect(notes(r)).not.toHaveProperty('weightMapTruncated');
    expect(r.findings).toEqual([]);
  });

  it('keeps at most MAX_NOTED_INDEX_CHARS of tensor names from 600 tensors named with 20 KB, and says so', async () => {
    const stem = 'w'.repeat(20_000);
    const entries = Array.from({ length: 600 }, (_, i): [string, string] => [`${stem}.${i}`, 'model-00001-of-00001.safetensors']);
    const r = await scan(fromBytes(indexOf(entries), NAME));
    const kept = (notes(r).weightMap as Record<string, string[]>)['model-00001-of-00001.safetensors']!;
    expect(kept.reduce((n, t) => n + t.length, 0)).toBeLessThanOrEqual(MAX_NOTED_INDEX_CHARS);
    expect(kept.length).toBeLessThan(600);
    expect(notes(r)).toMatchObject({ tensorCount: 600, weightMapTruncated: true });
    expect(r.complete).toBe(true);
  });

  it('cuts the notes of 6,000 shards named with 2,000 characters at the note bound (notes.ts), flagged for the folder check', async () => {
    const stem = 's'.repeat(2_000);
    const entries = Array.from({ length: 6_000 }, (_, i): [string, string] => [`t${i}`, `${stem}${i}.safetensors`]);
    const r = await scan(fromBytes(indexOf(entries), NAME));
    expect(notes(r)).toMatchObject({ tensorCount: 6_000, shardsTruncated: true, weightMapTruncated: true });
    expect(JSON.stringify(notes(r).shards).length).toBeLessThan(MAX_NOTE_CHARS + 100_000);
    expect((notes(r).shards as string[]).length).toBeLessThan(6_000);
  });

  it('moves a repeated tensor to its last shard (as loaders do) and reports the repeat', async () => {
    const r = await scan(fromBytes(indexOf([['a', 'x-1.safetensors'], ['b', 'x-1.safetensors'], ['a', 'x-2.safetensors']]), NAME));
    expect(notes(r).weightMap).toEqual({ 'x-1.safetensors': ['b'], 'x-2.safetensors': ['a'] });
    expect(notes(r).tensorCount).toBe(2);
    expect(r.findings.filter((f) => f.ruleId === 'safetensors/duplicate-key').map((f) => f.location.pointer)).toEqual(['/weight_map/a']);
  });

  it('takes the last of two weight_map objects, and still judges the shard names of the first', async () => {
    const twice = enc('{"weight_map": {"a": "../../etc/evil.safetensors"}, "weight_map": {"b": "m.safetensors"}}');
    const r = await scan(fromBytes(twice, NAME));
    expect(notes(r).weightMap).toEqual({ 'm.safetensors': ['b'] });
    expect(rules(r)).toEqual(['safetensors/duplicate-key', 'safetensors/index-path-escape']);
  });

  it('reports an index whose weight_map is not an object as malformed, and an escaping shard path', async () => {
    const r = await scan(fromBytes(enc('{"weight_map": ["a"]}'), NAME));
    expect(r.nodes[0]!.status).toBe('malformed');
    const esc = await scan(fromBytes(indexOf([['a', '/etc/passwd']]), NAME));
    expect(rules(esc)).toEqual(['safetensors/index-path-escape']);
  });
});
