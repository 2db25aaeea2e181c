// The zip container (listing, anomalies, ZIP64), bounded inflate and CRC-32, below the scanner.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { open, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'fflate';
import { fromBytes } from '../../src/engine/io/byte-source';
import { crc32 } from '../../src/engine/io/crc32';
import { inflateRawBounded } from '../../src/engine/io/inflate';
import { Budget } from '../../src/engine/limits';
import { fromNodeFile } from '../../src/cli/node-source';
import { counting } from '../helpers/sources';
import { encodeUtf8 } from '../../src/engine/io/text';
import { listZip, readMember } from '../../src/engine/containers/zip';
import { FormatError, type ByteSource } from '../../src/engine/types';
import { buildZip, SYMLINK_ATTRS } from '../builders/zip';

const LIMITS = { maxMembers: 10_000 };


describe('crc32', () => {
  it('matches the standard check value and continues across chunks', () => {
    const b = encodeUtf8('123456789');
    expect(crc32(b)).toBe(0xcbf43926);
    expect(crc32(b.subarray(4), crc32(b.subarray(0, 4)))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('bounded inflate', () => {
  it('inflates a normal member completely with the right CRC', async () => {
    const data = encodeUtf8('{"a": 1}'.repeat(1000));
    const out = await inflateRawBounded(fromBytes(deflateSync(data)), new Budget());
    expect(out.cut).toBeUndefined();
    expect(out.bytes).toEqual(data);
    expect(out.crc32).toBe(crc32(data));
  });

  it('stops a 64 MiB-of-zeros bomb at the ratio limit, past the 1 MiB floor, and charges the budget', async () => {
    const bomb = deflateSync(new Uint8Array(64 * 1024 * 1024));
    const budget = new Budget();
    const out = await inflateRawBounded(fromBytes(bomb), budget);
    expect(out.cut).toBe('ratio');
    expect(out.bytes.length).toBe(Math.max(1024 * 1024, 200 * bomb.length));
    expect(budget.inflatedBytes).toBe(out.bytes.length);
  });

  it('lets a tiny 1000:1 member through (below the floor)', async () => {
    const out = await inflateRawBounded(fromBytes(deflateSync(new Uint8Array(500_000))), new Budget());
    expect(out.cut).toBeUndefined();
    expect(out.bytes.length).toBe(500_000);
  });

  it('stops at maxMemberBytes and at what is left of maxInflatedBytes', async () => {
    const data = new Uint8Array(3_000_000).map((_, i) => (i * 7919) & 0xff);
    const packed = fromBytes(deflateSync(data));
    const capped = await inflateRawBounded(packed, new Budget({ maxMemberBytes: 2_000_000 }));
    expect(capped.cut).toBe('member-cap');
    expect(capped.bytes.length).toBe(2_000_000);
    const budget = new Budget({ maxInflatedBytes: 2_500_000 });
    budget.chargeInflated(1_000_000);
    const rest = await inflateRawBounded(packed, budget);
    expect(rest.cut).toBe('budget');
    expect(rest.bytes.length).toBe(1_500_000);
  });

  it('returns an error for data that is not DEFLATE instead of throwing', async () => {
    const out = await inflateRawBounded(fromBytes(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x01])), new Budget());
    expect(out.error).toBeDefined();
  });
});

describe('listZip', () => {
  it('lists names, methods, sizes, symlinks and data offsets of a hand-built archive', async () => {
    const z = buildZip({ members: [
      { name: 'a.txt', data: 'hello', method: 0 },
      { name: 'dir/', data: '' },
      { name: 'b.json', data: '{"x": 1}', method: 8 },
      { name: 'link', data: '/etc/passwd', externalAttrs: SYMLINK_ATTRS },
    ], comment: 'hi' });
    const l = await listZip(fromBytes(z), LIMITS);
    expect(l.entries.map((e) => [e.name, e.method, e.isDir, e.isSymlink])).toEqual([
      ['a.txt', 0, false, false], ['dir/', 0, true, false], ['b.json', 8, false, false], ['link', 0, false, true]]);
    expect(l.comment).toBe('hi');
    expect(l.anomalies).toEqual([]);
    const a = l.entries[0]!;
    expect(a.dataOffset).toBe(30 + 5);
    const b = await readMember(fromBytes(z), l.entries[2]!, new Budget());
    expect(new TextDecoder().decode(b.bytes)).toBe('{"x": 1}');
    expect(b.crcOk).toBe(true);
  });

  it('prefers the end record whose comment reaches the file end over a fake one inside the comment', async () => {
    const fake = buildZip({ members: [{ name: 'fake.txt', data: 'x' }] }).subarray(-22);
    const real = buildZip({ members: [{ name: 'real.txt', data: 'y' }], comment: new Uint8Array([...fake, 1, 2, 3]) });
    const l = await listZip(fromBytes(real), LIMITS);
    expect(l.entries.map((e) => e.name)).toEqual(['real.txt']);
    expect(l.anomalies.map((a) => a.kind)).toEqual(['multiple-eocd']);
  });

  it('finds prepended bytes, gaps between members and data after the end record', async () => {
    const z = buildZip({ prependUnadjusted: encodeUtf8('#!/bin/sh\nexit 0\n'), gapAfter: { 0: encodeUtf8('HIDDEN') },
      members: [{ name: 'a', data: 'aaa' }, { name: 'b', data: 'bbb' }], trailing: encodeUtf8('TAIL') });
    const l = await listZip(fromBytes(z), LIMITS);
    expect(l.bias).toBe(17);
    expect(l.anomalies.map((a) => a.kind).sort()).toEqual(['gap', 'prepended-data', 'trailing-data']);
    expect(l.entries[1]!.dataOffset).toBe(17 + 34 + 6 + 31);
  });

  it('accepts the data-descriptor bytes after a streamed member as no gap', async () => {
    const z = buildZip({ members: [{ name: 'a', data: 'abc', method: 8, dataDescriptor: true }, { name: 'b', data: 'x' }] });
    const l = await listZip(fromBytes(z), LIMITS);
    expect(l.anomalies).toEqual([]);
  });

  it('reports members that share bytes (overlapping-files bomb) and a local/central name mismatch', async () => {
    const z = buildZip({ members: [{ name: 'kernel', data: 'k'.repeat(100) }, { name: 'alias', reuseLocalOf: 0 }] });
    const l = await listZip(fromBytes(z), LIMITS);
    const kinds = l.anomalies.map((a) => a.kind);
    expect(kinds).toContain('overlap');
    expect(kinds).toContain('local-mismatch');
  });

  it('reports an end record whose count disagrees with the central directory', async () => {
    const z = buildZip({ members: [{ name: 'a', data: '1' }], declaredEntries: 3 });
    const l = await listZip(fromBytes(z), LIMITS);
    expect(l.anomalies).toContainEqual({ kind: 'count-mismatch', declared: 3, found: 1 });
  });

  it('stops listing at maxMembers and says so', async () => {
    const z = buildZip({ members: Array.from({ length: 20 }, (_, i) => ({ name: `m${i}`, data: 'x' })) });
    const l = await listZip(fromBytes(z), { maxMembers: 5 });
    expect(l.entries.length).toBe(5);
    expect(l.truncated).toBe(true);
  });

  it('throws FormatError for bytes that are not a zip', async () => {
    await expect(listZip(fromBytes(new Uint8Array(100)), LIMITS)).rejects.toBeInstanceOf(FormatError);
    await expect(listZip(fromBytes(encodeUtf8('PK')), LIMITS)).rejects.toBeInstanceOf(FormatError);
    const cdPastEnd = buildZip({ members: [{ name: 'a', data: '1' }] });
    new DataView(cdPastEnd.buffer).setUint32(cdPastEnd.length - 6, 0x7fff0000, true); // cd offset
    await expect(listZip(fromBytes(cdPastEnd), LIMITS)).rejects.toBeInstanceOf(FormatError);
  });

  it('lists a ZIP64 archive with a member past 4 GiB by reading only headers (sparse file)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip64-'));
    const path = join(dir, 'big.zip');
    try {
      const big = 5 * 1024 ** 3; // member A: 5 GiB stored, a sparse hole
      const enc = (s: string) => encodeUtf8(s);
      const u16 = (v: number) => [v & 0xff, v >>> 8];
      const u32 = (v: number) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
      const u64 = (v: number) => [...u32(v % 2 ** 32), ...u32(Math.floor(v / 2 ** 32))];
      const nameA = enc('tensors.bin'), nameB = enc('data.pkl');
      const dataB = enc('after four gigabytes');
      const localA = [...u32(0x04034b50), ...u16(45), ...u16(0), ...u16(0), ...u32(0), ...u32(0),
        ...u32(0xffffffff), ...u32(0xffffffff), ...u16(nameA.length), ...u16(20), ...nameA,
        ...u16(1), ...u16(16), ...u64(big), ...u64(big)];
      const offB = localA.length + big;
      const localB = [...u32(0x04034b50), ...u16(20), ...u16(0), ...u16(0), ...u32(0), ...u32(crc32(dataB)),
        ...u32(dataB.length), ...u32(dataB.length), ...u16(nameB.length), ...u16(0), ...nameB, ...dataB];
      const central = (name: Uint8Array, crc: number, size: number, off: number) => {
        const z64: number[] = [];
        if (size >= 0xffffffff) z64.push(...u64(size), ...u64(size));
        if (off >= 0xffffffff) z64.push(...u64(off));
        const extra = z64.length ? [...u16(1), ...u16(z64.length), ...z64] : [];
        return [...u32(0x02014b50), ...u16(0x032d), ...u16(45), ...u16(0), ...u16(0), ...u32(0), ...u32(crc),
          ...u32(size >= 0xffffffff ? 0xffffffff : size), ...u32(size >= 0xffffffff ? 0xffffffff : size),
          ...u16(name.length), ...u16(extra.length), ...u16(0), ...u16(0), ...u16(0), ...u32(0o100644 << 16),
          ...u32(off >= 0xffffffff ? 0xffffffff : off), ...name, ...extra];
      };
      const cdOff = offB + localB.length;
      const cd = [...central(nameA, 0, big, 0), ...central(nameB, crc32(dataB), dataB.length, offB)];
      const z64Off = cdOff + cd.length;
      const tail = [...cd,
        ...u32(0x06064b50), ...u64(44), ...u16(45), ...u16(45), ...u32(0), ...u32(0), ...u64(2), ...u64(2), ...u64(cd.length), ...u64(cdOff),
        ...u32(0x07064b50), ...u32(0), ...u64(z64Off), ...u32(1),
        ...u32(0x06054b50), ...u16(0xffff), ...u16(0xffff), ...u16(0xffff), ...u16(0xffff), ...u32(0xffffffff), ...u32(0xffffffff), ...u16(0)];
      const fh = await open(path, 'w');
      await fh.write(new Uint8Array(localA), 0, localA.length, 0);
      await fh.write(new Uint8Array([...localB, ...tail]), 0, localB.length + tail.length, offB);
      await fh.close();
      await truncate(path, cdOff + tail.length);

      const file = await fromNodeFile(path, 'big.zip');
      try {
        const c = counting(file);
        const l = await listZip(c.source, LIMITS);
        expect(l.zip64).toBe(true);
        expect(l.entries.map((e) => [e.name, e.compressedSize, e.localHeaderOffset])).toEqual([
          ['tensors.bin', big, 0], ['data.pkl', dataB.length, offB]]);
        expect(l.entries[1]!.dataOffset).toBeGreaterThan(2 ** 32);
        expect(l.anomalies).toEqual([]);
        expect(c.stats.bytesRead).toBeLessThan(70 * 1024); // the tail window, the CD, two local headers
        const m = await readMember(file, l.entries[1]!, new Budget());
        expect(new TextDecoder().decode(m.bytes)).toBe('after four gigabytes');
        expect(m.crcOk).toBe(true);
      } finally {
        await file.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
