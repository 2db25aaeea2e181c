// Zips that do not start at offset 0, found from their end record as Python's zipfile finds them
// (fixtures/zip-prefix, made with zipfile and torch.save; see its MANIFEST.md). Each test names the
// oddity and asserts the finding that names it, the members scanned and the verdict.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { openNode, nodeAddress } from '../../src/engine/navigate';
import { buildZip } from '../builders/zip';
import { findZipEnd } from '../../src/engine/containers/zip-sniff';
import { encodeUtf8 } from '../../src/engine/io/text';

const load = (p: string) => new Uint8Array(readFileSync(`fixtures/zip-prefix/${p}`));
const fixture = (p: string) => scan(fromBytes(load(p), p.split('/').pop()!));
const find = (r: FileReport, id: string) => r.findings.filter((f) => f.ruleId === id);
const paths = (r: FileReport) => r.nodes.map((n) => n.path.slice(1).join(' > '));
const worst = (r: FileReport) => r.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning').map((f) => f.ruleId).sort();

describe('zip behind a prefix: found from the end, members scanned, the oddity named', () => {
  it('opens a torch.save checkpoint behind 4 junk bytes as PyTorch and finds its posix.system pickle (CRITICAL), naming the prefix', async () => {
    const r = await fixture('malicious/prefixed-junk.pt');
    expect(r.format).toBe('pytorch');
    expect(find(r, 'pickle/dangerous-call')[0]).toMatchObject({ severity: 'critical', location: { path: ['prefixed-junk.pt', 'archive/data.pkl'] } });
    expect(find(r, 'zip/prefixed-data')[0]).toMatchObject({ severity: 'warning', evidence: '4 bytes' });
    expect(find(r, 'zip/prefixed-data')[0]!.message).toMatch(/shifts them by 4/);
    expect(r.findings.some((f) => f.ruleId === 'file/extension-mismatch')).toBe(false);
    expect(r.complete).toBe(true);
  });

  it('reports a benign checkpoint behind junk bytes at WARNING only (the prefix), not as unknown content', async () => {
    const r = await fixture('malicious/prefixed-junk-benign.pt');
    expect(r.format).toBe('pytorch');
    expect(worst(r)).toEqual(['zip/prefixed-data']);
  });

  it('scans a self-extractor\'s program stub as a child (ELF CRITICAL) and its zip members', async () => {
    const r = await fixture('malicious/self-extractor.zip');
    expect(r.format).toBe('zip');
    expect(find(r, 'zip/prefixed-data')[0]!.message).toMatch(/^14480 bytes .*offsets count them/);
    expect(find(r, 'executable/elf')[0]).toMatchObject({ severity: 'critical', location: { path: ['self-extractor.zip', '[bytes 0-14480]'] } });
    expect(paths(r)).toContain('config.json');
  });

  it('notes a leading PK\\7\\8 spanning marker at INFO and scans the members', async () => {
    const r = await fixture('benign/spanning-marker.zip');
    expect(find(r, 'zip/spanning-marker')[0]).toMatchObject({ severity: 'info' });
    expect(worst(r)).toEqual([]);
    expect(paths(r)).toEqual(['', 'model/config.json']);
  });

  it('flags two different archives back to back CRITICAL and scans both (zipfile reads the last, a streaming reader the first)', async () => {
    const r = await fixture('malicious/concatenated-differ.zip');
    const [hit] = find(r, 'zip/concatenated');
    expect(hit).toMatchObject({ severity: 'critical' });
    expect(hit!.message).toMatch(/zipfile reads the last.*streaming reader.*reads the first.*differ/);
    expect(paths(r)).toEqual(expect.arrayContaining(['[bytes 0-866] > model/model.pt > archive/data.pkl', 'model/model.pt > archive/data.pkl']));
    expect(find(r, 'pickle/dangerous-call')[0]!.location.path).toEqual(['concatenated-differ.zip', 'model/model.pt', 'archive/data.pkl']);
  });

  it('flags an archive concatenated with an identical copy at WARNING', async () => {
    const r = await fixture('malicious/concatenated-same.zip');
    expect(find(r, 'zip/concatenated')[0]).toMatchObject({ severity: 'warning' });
    expect(worst(r)).toEqual(['zip/concatenated']);
  });

  it('re-opens the first of two concatenated archives and its members from the report path', async () => {
    const bytes = load('malicious/concatenated-differ.zip');
    const r = await scan(fromBytes(bytes, 'c.zip'));
    const i = r.nodes.findIndex((n) => n.path.join('>') === 'c.zip>[bytes 0-866]>model/model.pt>archive/data.pkl');
    const src = await openNode(fromBytes(bytes, 'c.zip'), nodeAddress(r.nodes, i)!);
    expect(src).not.toBeNull();
    expect((await src!.read(0, 2))[0]).toBe(0x80); // a pickle's PROTO opcode
  });

  it('reports a prefixed archive whose central directory was cut as malformed and incomplete, never clean', async () => {
    const r = await fixture('malformed/prefixed-cut-central.pt');
    expect(r.format).toBe('zip');
    expect(find(r, 'format/malformed').length).toBe(1);
    expect(r.complete).toBe(false);
  });

  it('does not take random bytes ending in a stray PK\\5\\6 record for a zip (the comment must end at the end)', () => {
    const junk = new Uint8Array(1000).fill(7);
    junk.set([0x50, 0x4b, 0x05, 0x06], 900);
    expect(findZipEnd({ bytes: junk, size: junk.length, name: 'x', ext: '', tail: junk })).toBeNull();
    const zip = buildZip({ members: [{ name: 'a.txt', data: 'hello' }], prependUnadjusted: encodeUtf8('#!/bin/sh\necho hi\n') });
    expect(findZipEnd({ bytes: zip, size: zip.length, name: 'x', ext: '', tail: zip })).toMatchObject({ bias: 18, firstLocal: 18 });
  });

  it('finds a prefixed zip larger than the head through the bounded tail read', async () => {
    const zip = buildZip({ members: [{ name: 'big.bin', data: new Uint8Array(200_000).fill(1) }], prependUnadjusted: new Uint8Array(100).fill(0x41) });
    const r = await scan(fromBytes(zip, 'big.zip'));
    expect(r.format).toBe('zip');
    expect(paths(r)).toContain('big.bin');
    expect(find(r, 'zip/prefixed-data')[0]!.evidence).toBe('100 bytes');
  });
});

describe('zip prefix: builder variants', () => {
  it('names a PK\\7\\8 marker INFO whether or not the offsets count it', async () => {
    const marker = new Uint8Array([0x50, 0x4b, 0x07, 0x08]);
    for (const spec of [{ prepend: marker }, { prependUnadjusted: marker }]) {
      const r = await scan(fromBytes(buildZip({ members: [{ name: 'a.txt', data: 'hello' }], ...spec }), 'm.zip'));
      expect(find(r, 'zip/spanning-marker').map((f) => f.severity)).toEqual(['info']);
      expect(worst(r)).toEqual([]);
    }
  });

  it('flags two different archives back to back when the last one\'s offsets count the first (zip -A style)', async () => {
    const first = buildZip({ members: [{ name: 'a.txt', data: 'benign' }] });
    const r = await scan(fromBytes(buildZip({ members: [{ name: 'a.txt', data: 'other' }], prepend: first }), 'm.zip'));
    expect(find(r, 'zip/concatenated')[0]).toMatchObject({ severity: 'critical' });
    expect(paths(r)).toEqual(expect.arrayContaining([`[bytes 0-${first.length}] > a.txt`, 'a.txt']));
  });
});
