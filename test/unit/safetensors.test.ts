// SafeTensors scanner against hand-built attack variants (test/builders/safetensors.ts).
import { describe, expect, it } from 'vitest';
import { scan, fromBytes, type ByteSource, type FileReport, type ScanOptions } from '../../src/engine';
import { fromHeaderText, packed, safetensors } from '../builders/safetensors';
import { counting, withSparseFile } from '../helpers/sources';
import { MAX_NOTED_TENSOR_NAME_CHARS } from '../../src/engine/formats/safetensors/scanner';

const scanOf = (bytes: Uint8Array, name = 'model.safetensors', options: ScanOptions = {}) => scan(fromBytes(bytes, name), options);
const ids = (r: FileReport) => r.findings.map((f) => f.ruleId).sort();
const only = (r: FileReport, id: string) => r.findings.filter((f) => f.ruleId === id);

describe('safetensors scanner: well-formed files', () => {
  it('passes a back-to-back file with nothing above INFO and notes its facts', async () => {
    const r = await scanOf(packed({ 'emb.weight': { dtype: 'BF16', shape: [4, 2] }, 'ids': { dtype: 'I64', shape: [3] },
      'empty': { dtype: 'F32', shape: [0, 4] }, 'scalar': { dtype: 'F32', shape: [] } }, { format: 'pt' }));
    expect(r.format).toBe('safetensors');
    expect(r.findings).toEqual([]);
    expect(r.complete).toBe(true);
    expect(r.status).toBe('clean');
    const notes = r.nodes[0]!.notes!;
    expect(notes).toMatchObject({ tensorCount: 4, dtypes: { BF16: 1, I64: 1, F32: 2 }, parameterCount: 8 + 3 + 0 + 1,
      metadataKeys: ['format'], tensorNames: ['emb.weight', 'ids', 'empty', 'scalar'] });
    expect(notes.headerBytes).toBe(r.size - 8 - (16 + 24 + 0 + 4));
  });

  it('sniffs a safetensors file by structure even under another name', async () => {
    const r = await scanOf(packed({ w: { dtype: 'U8', shape: [2] } }), 'weights.bin');
    expect(r.format).toBe('safetensors');
  });

  it('accepts the packed 4- and 6-bit dtypes by their bit size (tensor.rs bitsize)', async () => {
    const r = await scanOf(safetensors({ f4: { dtype: 'F4', shape: [4], data_offsets: [0, 2] },
      f6: { dtype: 'F6_E2M3', shape: [4], data_offsets: [2, 5] }, e8: { dtype: 'F8_E8M0', shape: [2], data_offsets: [5, 7] },
      c: { dtype: 'C64', shape: [1], data_offsets: [7, 15] } }));
    expect(r.findings).toEqual([]);
  });
});

describe('safetensors scanner: header length attacks', () => {
  it('flags a header length past the end of the file and reads nothing more', async () => {
    const bytes = fromHeaderText('{}', 0, { length: 1 << 30 });
    const r = await scanOf(bytes);
    const f = only(r, 'safetensors/header-too-large')[0]!;
    expect(f.severity).toBe('warning');
    expect(f.location.offset).toBe(0);
    expect(f.message).toMatch(/runs past the end/);
    expect(r.complete).toBe(false);
  });

  it('flags a header length above maxJsonHeaderBytes before allocating it', async () => {
    const bytes = packed({ w: { dtype: 'U8', shape: [4] } });
    const { source, stats } = counting(fromBytes(bytes, 'model.safetensors'));
    const r = await scan(source, { limits: { maxJsonHeaderBytes: 8 } });
    expect(only(r, 'safetensors/header-too-large')[0]?.message).toMatch(/above the 8-byte header limit/);
    expect(stats.reads.every(([off, n]) => off === 0 && n <= bytes.length)).toBe(true);
    expect(r.status).toBe('error');
  });

  it('flags a u64 header length above 2^53 instead of losing precision', async () => {
    const bytes = fromHeaderText('{}', 0);
    new DataView(bytes.buffer).setBigUint64(0, 0xffff_ffff_ffff_fff0n, true);
    const r = await scanOf(bytes);
    expect(ids(r)).toContain('safetensors/header-too-large');
  });

  it('reports a file shorter than 8 bytes named .safetensors as malformed', async () => {
    const r = await scanOf(new Uint8Array([1, 0, 0]));
    expect(ids(r)).toEqual(['format/malformed']);
  });
});

describe('safetensors scanner: tensor range attacks', () => {
  it('flags tensor data past the end of the file with its pointer', async () => {
    const r = await scanOf(safetensors({ w: { dtype: 'F32', shape: [4], data_offsets: [0, 16] } }, { buffer: 8 }));
    const f = only(r, 'safetensors/tensor-out-of-bounds')[0]!;
    expect(f.location.pointer).toBe('/w/data_offsets');
    expect(f.message).toMatch(/past the end/);
  });

  it('flags data_offsets that run backwards and offsets beyond 2^53', async () => {
    const r = await scanOf(fromHeaderText('{"a":{"dtype":"U8","shape":[0],"data_offsets":[4,0]},"b":{"dtype":"U8","shape":[1],"data_offsets":[18446744073709551615,18446744073709551616]}}', 4));
    const f = only(r, 'safetensors/tensor-out-of-bounds');
    expect(f.map((x) => x.location.pointer).sort()).toEqual(['/a/data_offsets', '/b/data_offsets']);
    expect(f.find((x) => x.location.pointer === '/a/data_offsets')?.message).toMatch(/backwards/);
  });

  it('flags a byte range that does not match dtype × shape, at the tensor data offset', async () => {
    const bytes = safetensors({ w: { dtype: 'F32', shape: [2, 2], data_offsets: [0, 12] } });
    const r = await scanOf(bytes);
    const f = only(r, 'safetensors/size-mismatch')[0]!;
    expect(f.location).toMatchObject({ pointer: '/w', offset: bytes.length - 12 });
    expect(f.message).toMatch(/spans 12 bytes .* needs 16/);
  });

  it('flags a 4-bit tensor that does not end on a byte boundary', async () => {
    const r = await scanOf(safetensors({ w: { dtype: 'F4', shape: [3], data_offsets: [0, 2] } }));
    expect(only(r, 'safetensors/size-mismatch')[0]?.message).toMatch(/impossible size/);
  });

  it('bails out of shape products that overflow 2^53 instead of wrapping', async () => {
    const r = await scanOf(safetensors({ w: { dtype: 'F64', shape: [2 ** 30, 2 ** 30, 2 ** 30], data_offsets: [0, 8] } }));
    expect(ids(r)).toEqual(['safetensors/size-mismatch']);
    expect(r.nodes[0]!.notes!.parameterCount).toBeNull();
  });

  it('flags two tensors sharing bytes (aliasing) and names both', async () => {
    const r = await scanOf(safetensors({ a: { dtype: 'F32', shape: [4], data_offsets: [0, 16] }, b: { dtype: 'F32', shape: [2], data_offsets: [8, 16] } }));
    const f = only(r, 'safetensors/overlapping-tensors')[0]!;
    expect(f.message).toBe('Tensors "a" and "b" share 8 bytes');
    expect(f.location.pointer).toBe('/b/data_offsets');
    expect(ids(r)).toEqual(['safetensors/overlapping-tensors']);
  });

  it('flags an unknown dtype and skips its size check', async () => {
    const r = await scanOf(safetensors({ w: { dtype: 'Q4_K', shape: [32], data_offsets: [0, 18] }, constructor: { dtype: 'constructor', shape: [1], data_offsets: [18, 19] as [number, number] } }));
    expect(ids(r)).toEqual(['safetensors/unknown-dtype', 'safetensors/unknown-dtype']);
    expect(only(r, 'safetensors/unknown-dtype')[0]?.location.pointer).toBe('/w/dtype');
  });

  it('flags tensor entries with the wrong JSON types and keeps scanning the rest', async () => {
    const r = await scanOf(fromHeaderText('{"a":{"dtype":"U8","shape":[-1],"data_offsets":[0,1]},"b":{"dtype":"U8","shape":[1.5],"data_offsets":[0,1]},"c":[1],"d":{"dtype":7,"shape":[1],"data_offsets":[0,1]},"e":{"dtype":"U8","shape":[1],"data_offsets":[0]},"f":{"dtype":"U8","shape":[1],"data_offsets":[0,1]}}', 1));
    expect(only(r, 'safetensors/invalid-tensor-entry').map((f) => f.location.pointer)).toEqual(['/a', '/b', '/c', '/d', '/e']);
    expect(r.nodes[0]!.notes!.tensorNames).toEqual(['f']);
  });
});

describe('safetensors scanner: hidden bytes', () => {
  const ELF = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array(56).fill(0)]);

  it('flags a gap between tensors, and sends it to the fallback scanner as a child node', async () => {
    const buffer = new Uint8Array(16 + 64 + 16);
    buffer.set(ELF, 16);
    const bytes = safetensors({ a: { dtype: 'F32', shape: [4], data_offsets: [0, 16] }, b: { dtype: 'F32', shape: [4], data_offsets: [80, 96] } }, { buffer });
    const r = await scanOf(bytes);
    const dataStart = bytes.length - 96;
    const f = only(r, 'safetensors/hidden-bytes')[0]!;
    expect(f.location.offset).toBe(dataStart + 16);
    expect(f.message).toBe('64 bytes between tensors (buffer offsets 16–80) are not part of any tensor');
    expect(f.evidence).toMatch(/^7f 45 4c 46/);
    expect(r.nodes.map((n) => n.path)).toEqual([['model.safetensors'], ['model.safetensors', `model.safetensors#gap@${dataStart + 16}`]]);
    expect(r.nodes[1]!.size).toBe(64);
  });

  it('flags bytes appended after the last tensor (and a leading gap before the first)', async () => {
    const bytes = safetensors({ a: { dtype: 'U8', shape: [4], data_offsets: [4, 8] } }, { buffer: 8 + 100 });
    const r = await scanOf(bytes);
    const hidden = only(r, 'safetensors/hidden-bytes');
    expect(hidden.map((f) => f.message)).toEqual([
      '4 bytes between tensors (buffer offsets 0–4) are not part of any tensor',
      '100 bytes after the last tensor are not part of any tensor',
    ]);
    // The 4-byte gap is below the sweep threshold; the 100 trailing bytes are swept.
    expect(r.nodes).toHaveLength(2);
  });

  it('sweeps at most the named number of hidden regions', async () => {
    const tensors: Record<string, { dtype: string; shape: number[]; data_offsets: [number, number] }> = {};
    for (let i = 0; i < 40; i++) tensors[`t${i}`] = { dtype: 'U8', shape: [1], data_offsets: [i * 20, i * 20 + 1] };
    const r = await scanOf(safetensors(tensors, { buffer: 40 * 20 }));
    expect(only(r, 'safetensors/hidden-bytes')).toHaveLength(40);
    expect(r.nodes).toHaveLength(1 + 16);
  });
});

describe('safetensors scanner: header JSON', () => {
  it('flags a duplicate tensor key with pointer and absolute offset; the last entry wins like serde_json', async () => {
    const text = '{"w":{"dtype":"U8","shape":[1],"data_offsets":[0,1]},"w":{"dtype":"U8","shape":[1],"data_offsets":[1,2]}}';
    const bytes = fromHeaderText(text, 2);
    const r = await scanOf(bytes);
    const f = only(r, 'safetensors/duplicate-key')[0]!;
    expect(f.location).toMatchObject({ pointer: '/w', offset: 8 + text.lastIndexOf('"w"') });
    // The surviving entry leaves byte 0 uncovered: the first entry's bytes are now hidden.
    expect(only(r, 'safetensors/hidden-bytes')[0]?.location.offset).toBe(bytes.length - 2);
  });

  it('drops a tensor whose repeated entry is invalid (the last entry wins), and still judges its name', async () => {
    const text = '{"w":{"dtype":"U8","shape":[1],"data_offsets":[0,1]},"v":{"dtype":"U8","shape":[1],"data_offsets":[1,2]},'
      + '"w":{"dtype":7,"shape":[1],"data_offsets":[0,1]}}';
    const r = await scanOf(fromHeaderText(text, 2), 'model.safetensors', { blacklist: ['w'] });
    expect(r.nodes[0]!.notes).toMatchObject({ tensorCount: 1, tensorNames: ['v'] });
    expect(only(r, 'safetensors/invalid-tensor-entry').map((f) => f.location.pointer)).toEqual(['/w']);
    expect(only(r, 'safetensors/duplicate-key').map((f) => f.location.pointer)).toEqual(['/w']);
    expect(only(r, 'supply-chain/blacklisted-name').map((f) => f.location.pointer)).toEqual(['/w']);
  });

  it('keeps tensors in document order, integer-like names included', async () => {
    const r = await scanOf(fromHeaderText('{"b":{"dtype":"U8","shape":[1],"data_offsets":[0,1]},"10":{"dtype":"U8","shape":[1],"data_offsets":[1,2]},'
      + '"2":{"dtype":"U8","shape":[1],"data_offsets":[2,3]}}', 3));
    expect(r.findings).toEqual([]);
    expect(r.nodes[0]!.notes).toMatchObject({ tensorNames: ['b', '10', '2'] });
  });

  it('checks every entry of a header of 100,000 tensors (built member by member, not as one object)', async () => {
    const n = 100_000;
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(`"layers.${i}.w":{"dtype":"F32","shape":[1],"data_offsets":[${4 * i},${4 * i + 4}]}`);
    // One entry in the middle is 4 bytes short: the size check must still reach it.
    parts[n / 2] = `"layers.${n / 2}.w":{"dtype":"F32","shape":[2],"data_offsets":[${2 * n},${2 * n + 4}]}`;
    const r = await scanOf(fromHeaderText(`{${parts.join(',')}}`, 4 * n), 'model.safetensors', { weightStats: false });
    expect(r.nodes[0]!.notes).toMatchObject({ tensorCount: n });
    expect(only(r, 'safetensors/size-mismatch').map((f) => f.location.pointer)).toEqual([`/layers.${n / 2}.w`]);
  });

  it('notes tensor names up to a character budget: 600 names of 4,000 characters are cut, and say so', async () => {
    const parts: string[] = [];
    for (let i = 0; i < 600; i++) parts.push(`"${i}.${'x'.repeat(4000)}":{"dtype":"U8","shape":[1],"data_offsets":[${i},${i + 1}]}`);
    const r = await scanOf(fromHeaderText(`{${parts.join(',')}}`, 600), 'model.safetensors', { weightStats: false });
    const notes = r.nodes[0]!.notes!;
    expect(notes.tensorCount).toBe(600);
    let kept = 0;
    for (let chars = 0, i = 0; i < 600; i++) { const len = `${i}.`.length + 4000; if (chars + len > MAX_NOTED_TENSOR_NAME_CHARS) break; chars += len; kept++; }
    expect(kept).toBeLessThan(600);
    expect((notes.tensorNames as string[]).length).toBe(kept);
    expect(notes.tensorNamesTruncated).toBe(true);
  });

  it('reports invalid JSON as malformed at the absolute byte offset', async () => {
    const r = await scanOf(fromHeaderText('{"w":1,}'));
    const f = only(r, 'format/malformed')[0]!;
    expect(f.location.offset).toBe(8 + 7);
    expect(r.nodes[0]!.status).toBe('malformed');
  });

  it('reports a header that is not valid UTF-8 as malformed', async () => {
    const bytes = fromHeaderText('{"w":"xx"}');
    bytes[8 + 6] = 0xff;
    const r = await scanOf(bytes);
    expect(only(r, 'format/malformed')[0]?.message).toMatch(/not valid UTF-8/);
  });

  it('reports invalid UTF-8 in a key, between members, or as an encoded surrogate as not valid UTF-8 (validated while parsing)', async () => {
    const inKey = fromHeaderText('{"wx":"xx"}');
    inKey[8 + 3] = 0xc3; // a lead byte followed by an ASCII quote
    const between = fromHeaderText('{"w":"xx", "v":"yy"}');
    between[8 + 10] = 0xff; // where the space was: a JSON error too, but the loader's UTF-8 check comes first
    const surrogate = fromHeaderText('{"w":"xxx"}');
    surrogate.set([0xed, 0xa0, 0x80], 8 + 6); // U+D800 encoded: str::from_utf8 refuses it
    for (const bytes of [inKey, between, surrogate]) {
      const r = await scanOf(bytes);
      expect(only(r, 'format/malformed').map((f) => f.message)).toEqual([expect.stringMatching(/not valid UTF-8/)]);
      expect(r.nodes[0]!.status).toBe('malformed');
    }
  });

  it('flags a header that starts with whitespace or pads with newlines (library accepts, spec forbids)', async () => {
    const r = await scanOf(fromHeaderText('  {"w":{"dtype":"U8","shape":[1],"data_offsets":[0,1]}}\n', 1, { pad: false }));
    expect(only(r, 'safetensors/noncanonical-header').map((f) => f.message)).toEqual([
      'The header starts with 2 whitespace bytes instead of "{"',
      'The header is padded with whitespace other than spaces',
    ]);
  });

  it('flags non-string metadata values with their pointer', async () => {
    const r = await scanOf(fromHeaderText('{"__metadata__":{"format":"pt","epochs":3,"cfg":{"a":1}}}'));
    expect(only(r, 'safetensors/metadata-not-string').map((f) => f.location.pointer)).toEqual(['/__metadata__/epochs', '/__metadata__/cfg']);
    const r2 = await scanOf(fromHeaderText('{"__metadata__":"text"}'));
    expect(ids(r2)).toEqual(['safetensors/metadata-not-string']);
  });

  it('hands every metadata key and value, tensor name and extra field to the string detectors', async () => {
    const bytes = fromHeaderText(JSON.stringify({
      __metadata__: { format: 'pt', 'EVILKEY-1': 'benign', note: 'run EVILVALUE-2 now' },
      'EVILNAME-3': { dtype: 'U8', shape: [1], data_offsets: [0, 1], comment: 'EVILEXTRA-4' },
    }), 1);
    const r = await scanOf(bytes, 'model.safetensors', { blacklist: ['evil'] });
    const hits = only(r, 'supply-chain/blacklisted-name');
    expect(hits.map((f) => f.location.pointer).sort()).toEqual([
      '/EVILNAME-3', '/EVILNAME-3/comment', '/__metadata__/EVILKEY-1', '/__metadata__/note',
    ]);
    expect(hits.every((f) => f.severity === 'critical')).toBe(true);
  });
});

describe('safetensors scanner: never reads tensor data', () => {
  it('scans a 20 GB sparse file by reading only the head and header', async () => {
    const size = 20 * 1024 ** 3;
    const dataStart = 8 + 512; // header text padded to a fixed 512 bytes, so offsets are known up front
    const dataSize = size - dataStart;
    // Four U8 tensors back to back: three of 5 GiB and one taking the remainder.
    const sizes = [5 * 1024 ** 3, 5 * 1024 ** 3, 5 * 1024 ** 3];
    sizes.push(dataSize - sizes.reduce((x, y) => x + y, 0));
    const tensors: Record<string, { dtype: string; shape: number[]; data_offsets: [number, number] }> = {};
    let at = 0;
    sizes.forEach((n, i) => { tensors[`layer.${i}.weight`] = { dtype: 'U8', shape: [n], data_offsets: [at, at + n] }; at += n; });
    const head = fromHeaderText(JSON.stringify({ __metadata__: { format: 'pt' }, ...tensors }).padEnd(dataStart - 8, ' '), 0, { pad: false });
    expect(head.length).toBe(dataStart);
    await withSparseFile('huge.safetensors', head, size, async (file) => {
      const { source, stats } = counting(file);
      const r = await scan(source);
      expect(r.findings).toEqual([]);
      expect(r.complete).toBe(true);
      expect(r.nodes[0]!.notes!.parameterCount).toBe(dataSize);
      expect(stats.bytesRead).toBeLessThanOrEqual(64 * 1024 + dataStart);
      expect(stats.reads.every(([off, n]) => off + n <= Math.max(64 * 1024, dataStart))).toBe(true);
    });
  });
});
