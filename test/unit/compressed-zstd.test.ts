// Zstandard through the public scan(): real .zst / .tar.zst files made by zstd, pzstd and GNU tar
// (fixtures/compressed-zstd), then hand-built frames for the attacks the tools will not write:
// declared windows far above the limit, RLE bombs, reserved bits, dictionaries.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { sniffCompressed } from '../../src/engine/formats/compressed/sniff';
import { parseFrameHeader, MAX_ZSTD_WINDOW_BYTES } from '../../src/engine/formats/compressed/zstd';

const load = (p: string) => new Uint8Array(readFileSync(`fixtures/compressed-zstd/${p}`));
const fixture = (p: string, opts = {}) => scan(fromBytes(load(p), p.split('/').pop()!), opts);
const find = (r: FileReport, id: string) => r.findings.filter((f) => f.ruleId === id);
const criticalAt = (r: FileReport, path: string) => r.findings.filter((f) => f.severity === 'critical' && f.location.path.join(' > ') === path);
const aboveInfo = (r: FileReport) => r.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning');
const head = (bytes: Uint8Array, name = 'x.zst') => ({ bytes, size: bytes.length, name, ext: '.zst' });
const MAGIC = [0x28, 0xb5, 0x2f, 0xfd];

/** A frame: magic, descriptor, [window], blocks given as [type, size, payload], last flag on the final one. */
function frame(fhd: number, extra: number[], blocks: Array<[number, number, number[]]>): Uint8Array {
  const out = [...MAGIC, fhd, ...extra];
  blocks.forEach(([type, size, payload], i) => {
    const word = (size << 3) | (type << 1) | (i === blocks.length - 1 ? 1 : 0);
    out.push(word & 0xff, (word >> 8) & 0xff, (word >> 16) & 0xff, ...payload);
  });
  return new Uint8Array(out);
}

describe('zstd: real files (fixtures/compressed-zstd)', () => {
  it('decodes a zstd -19 config and finds nothing', async () => {
    const r = await fixture('benign/config.json.zst');
    expect(r.format).toBe('compressed');
    expect(r.nodes[0]!.notes).toMatchObject({ codec: 'zstd' });
    expect(r.nodes[1]!.path).toEqual(['config.json.zst', 'config.json.zst (decompressed)']);
    expect(aboveInfo(r)).toEqual([]);
    expect(r.complete).toBe(true);
  });

  it('opens a tar --zstd model folder and scans each member inside', async () => {
    const r = await fixture('benign/model.tar.zst');
    expect(r.nodes.map((n) => n.format)).toEqual(['compressed', 'tar', 'config', 'safetensors']);
    expect(aboveInfo(r)).toEqual([]);
    expect(r.complete).toBe(true);
  });

  it('decodes every frame of a concatenated stream', async () => {
    const r = await fixture('benign/two-frames.zst');
    const cfg = load('benign/config.json.zst');
    expect(r.nodes[0]!.notes!.decompressedBytes).toBeGreaterThan(cfg.length);
    expect(r.complete).toBe(true);
  });

  it('finds the os.system pickle inside a .pkl.zst (CRITICAL)', async () => {
    const r = await fixture('malicious/model.pkl.zst');
    expect(r.nodes[1]!.format).toBe('pickle');
    expect(criticalAt(r, 'model.pkl.zst > model.pkl.zst (decompressed)').length).toBeGreaterThan(0);
    expect(r.status).toBe('issues');
  });

  it('finds the pickle member of a tar.zst at its member path (CRITICAL)', async () => {
    const r = await fixture('malicious/pickle-member.tar.zst');
    expect(criticalAt(r, 'pickle-member.tar.zst > pickle-member.tar.zst (decompressed) > archive/data.pkl').length).toBeGreaterThan(0);
  });

  it('steps over pzstd\'s leading skippable frames and finds the pickle (CRITICAL)', async () => {
    const bytes = load('malicious/pzstd-skippable.pkl.zst');
    expect(bytes[0]! & 0xf0).toBe(0x50); // starts with a skippable frame, not the zstd magic
    const r = await fixture('malicious/pzstd-skippable.pkl.zst');
    expect(r.nodes[0]!.notes).toMatchObject({ codec: 'zstd' });
    expect(criticalAt(r, 'pzstd-skippable.pkl.zst > pzstd-skippable.pkl.zst (decompressed)').length).toBeGreaterThan(0);
  });

  it('finds a payload hidden in the second frame (CRITICAL)', async () => {
    const r = await fixture('malicious/second-frame.pkl.zst');
    expect(r.findings.some((f) => f.severity === 'critical')).toBe(true);
  });

  it('refuses a streamed --long=31 frame (2 GiB window) before allocating it: window-too-large, incomplete', async () => {
    const r = await fixture('malformed/window-2gib.pkl.zst');
    const [f] = find(r, 'compressed/window-too-large');
    expect(f).toMatchObject({ severity: 'warning', location: { path: ['window-2gib.pkl.zst'], offset: 0 } });
    expect(f!.message).toContain(String(2 ** 31));
    expect(r.complete).toBe(false);
    expect(r.status).not.toBe('clean');
  });

  it('reports a truncated frame as malformed and scans what decoded', async () => {
    const r = await fixture('malformed/truncated.pkl.zst');
    expect(find(r, 'format/malformed')[0]!.severity).toBe('warning');
    expect(r.complete).toBe(false);
  });
});

describe('zstd: hand-built frames', () => {
  it('parses window descriptors and content sizes as RFC 8878 3.1.1.1 says', () => {
    expect(parseFrameHeader(frame(0x00, [0x00], []))).toMatchObject({ windowSize: 1024, headerSize: 6 });
    expect(parseFrameHeader(frame(0x00, [0x03], []))).toMatchObject({ windowSize: 1024 + 128 * 3 });
    // single segment, 1-byte content size: the window is the content size
    expect(parseFrameHeader(frame(0x20, [200], []))).toMatchObject({ windowSize: 200, contentSize: 200 });
    // 2-byte content size is offset by 256
    expect(parseFrameHeader(frame(0x60, [0x00, 0x01], []))).toMatchObject({ contentSize: 512 });
    // 8-byte content size of 2^40 (fzstd's 32-bit shifts would misread it)
    expect(parseFrameHeader(frame(0xe0, [0, 0, 0, 0, 0, 1, 0, 0], [])).windowSize).toBe(2 ** 40);
  });

  it('refuses a single-segment frame declaring 2^40 bytes of content without allocating', async () => {
    const bytes = frame(0xe0, [0, 0, 0, 0, 0, 1, 0, 0], [[0, 1, [0x41]]]);
    const r = await scan(fromBytes(bytes, 'huge.zst'));
    expect(find(r, 'compressed/window-too-large')).toHaveLength(1);
    expect(r.complete).toBe(false);
  });

  it('accepts a window of exactly the limit', () => {
    expect(MAX_ZSTD_WINDOW_BYTES).toBe(2 ** 27);
    expect(parseFrameHeader(frame(0x00, [17 << 3], [])).windowSize).toBe(MAX_ZSTD_WINDOW_BYTES);
  });

  it('stops an RLE bomb at the ratio cap: compression-bomb, incomplete, no hang', async () => {
    // 128 KiB window, 20 000 RLE blocks of 128 KiB each (2.5 GiB declared) in 80 KiB of input
    const blocks: Array<[number, number, number[]]> = Array.from({ length: 20_000 }, () => [1, 128 * 1024, [0x41]]);
    const bytes = frame(0x00, [7 << 3], blocks);
    const r = await scan(fromBytes(bytes, 'bomb.zst'));
    expect(find(r, 'archive/compression-bomb')[0]!.severity).toBe('warning');
    expect(r.complete).toBe(false);
    expect(r.nodes[0]!.notes!.decompressedBytes).toBeLessThanOrEqual(200 * bytes.length);
  });

  it('reports the reserved block type as malformed, never critical', async () => {
    const r = await scan(fromBytes(frame(0x00, [0x00], [[3, 0, []]]), 'bad.zst'));
    expect(find(r, 'format/malformed')).toHaveLength(1);
    expect(r.findings.some((f) => f.severity === 'critical')).toBe(false);
  });

  it('reports a block larger than its window as malformed', async () => {
    const r = await scan(fromBytes(frame(0x00, [0x00], [[0, 2048, new Array(2048).fill(0x41)]]), 'big-block.zst'));
    expect(find(r, 'format/malformed')[0]!.message).toContain('exceeds the block maximum');
  });

  it('says a dictionary frame is unsupported rather than passing it as clean', async () => {
    const r = await scan(fromBytes(frame(0x01, [0x00, 0x07], [[0, 1, [0x41]]]), 'dict.zst'));
    expect(find(r, 'compressed/unsupported-codec')[0]!.message).toContain('dictionary 7');
    expect(r.complete).toBe(false);
  });

  it('flags bytes after the last frame as malformed', async () => {
    const bytes = new Uint8Array([...frame(0x00, [0x00], [[0, 1, [0x41]]]), 1, 2, 3, 4, 5]);
    const r = await scan(fromBytes(bytes, 'junk.zst'));
    expect(find(r, 'format/malformed')[0]!.message).toContain('not a Zstandard frame');
  });

  it('sniffs the zstd magic, not a reserved-bit header, and looks past leading skippable frames', () => {
    expect(sniffCompressed(head(frame(0x00, [0x00], [[0, 1, [0x41]]])))?.state?.codec).toBe('zstd');
    expect(sniffCompressed(head(frame(0x08, [0x00], [])))).toBeNull();
    const skip = new Uint8Array([0x5e, 0x2a, 0x4d, 0x18, 2, 0, 0, 0, 9, 9, ...frame(0x00, [0x00], [[0, 1, [0x41]]])]);
    expect(sniffCompressed(head(skip))?.state?.codec).toBe('zstd');
    expect(sniffCompressed(head(new Uint8Array([0x50, 0x2a, 0x4d, 0x18, 0xff, 0xff, 0, 0, 1])))).toBeNull();
  });
});
