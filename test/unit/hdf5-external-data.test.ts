// HDF5 datasets whose data lives in other files (fixtures/keras/make_external.py): External Data Files
// messages and virtual datasets are found by the structural pre-check, never by opening the named files.
// A name that leaves the model's folder is a WARNING; a relative file beside it is INFO plus a folder
// reference; the ordinary HDF5 fixtures stay silent.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scan, scanReport, fromBytes, type FileReport } from '../../src/engine';
import { precheckHdf5 } from '../../src/engine/formats/keras/precheck';
import { judgeExternalName, virtualSourceNames, type ExternalData } from '../../src/engine/formats/keras/external-data';
import { Unsupported } from '../../src/engine/formats/keras/dense';

const load = (p: string): Uint8Array<ArrayBuffer> => new Uint8Array(readFileSync(`fixtures/keras/${p}`));
const run = async (p: string, bytes = load(p)): Promise<FileReport> => ({ ...(await scan(fromBytes(bytes, p.split('/').pop()!))), path: p.split('/').pop()! });
const hits = (r: FileReport) => r.findings.filter((f) => f.ruleId === 'keras/external-data');
const atLeastWarning = (r: FileReport) => r.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning');
const external = async (p: string, bytes = load(p)) => {
  const found: ExternalData[] = [];
  expect(await precheckHdf5(fromBytes(bytes, 'x.h5'), found)).toBeNull();
  return found;
};
const folder = async (files: FileReport[]) => scanReport(files, { startedAt: new Date(0).toISOString(), durationMs: 0, options: {} });

/** `bytes` with every occurrence of `from` replaced by `to` (same length). */
function patch(bytes: Uint8Array, from: string, to: string): Uint8Array<ArrayBuffer> {
  expect(to.length).toBe(from.length);
  const b = Uint8Array.from(bytes);
  const f = new TextEncoder().encode(from), t = new TextEncoder().encode(to);
  let n = 0;
  for (let i = 0; i + f.length <= b.length; i++) {
    if (f.every((x, k) => b[i + k] === x)) { b.set(t, i); n++; }
  }
  expect(n).toBeGreaterThan(0);
  return b;
}

describe('HDF5 external data: attacks', () => {
  it('flags a Keras-like weight stored in /etc/passwd (External Data Files message) as a WARNING naming the dataset and file', async () => {
    expect(await external('malicious/external-data-passwd.h5')).toEqual([
      { object: expect.any(Number), path: '/model_weights/dense/kernel', kind: 'external', files: ['/etc/passwd'] },
    ]);
    const r = await run('malicious/external-data-passwd.h5');
    const [f, ...rest] = hits(r);
    expect(rest).toEqual([]);
    expect(f?.severity).toBe('warning');
    expect(f?.location.pointer).toBe('/model_weights/dense/kernel');
    expect(f?.message).toBe('HDF5 dataset /model_weights/dense/kernel reads its data from "/etc/passwd", outside the model\'s folder');
    expect(f?.evidence).toBe('/etc/passwd');
    expect(r.complete).toBe(true);
    // Weight statistics would read the kernel, that is /etc/passwd: no dataset of such a file is read.
    expect(r.nodes[0]!.notes?.weightStats).toBeUndefined();
  });

  it('flags virtual datasets whose sources are a UNC path (NTLM leak on Windows) and an absolute path as WARNINGs', async () => {
    const found = await external('malicious/vds-unc.h5');
    expect(found.map((e) => [e.path, e.kind, e.files])).toEqual(expect.arrayContaining([
      ['/leak', 'virtual', ['\\\\attacker.example\\share\\w.h5']],
      ['/abs', 'virtual', ['/etc/hdf5/secret.h5']],
    ]));
    const r = await run('malicious/vds-unc.h5');
    const f = hits(r);
    expect(f.map((x) => [x.location.pointer, x.severity, x.evidence]).sort()).toEqual([
      ['/abs', 'warning', '/etc/hdf5/secret.h5'],
      ['/leak', 'warning', '\\\\attacker.example\\share\\w.h5'],
    ]);
    expect(f.find((x) => x.location.pointer === '/leak')?.message).toMatch(/^HDF5 virtual dataset \/leak reads its data from "\\\\attacker\.example\\share\\w\.h5", outside the model's folder$/);
  });

  it('flags an external data file that climbs out of the folder with ".." as a WARNING', async () => {
    const bytes = patch(load('benign/external-data-sibling.h5'), 'external-data-sibling.bin', '../../../../../etc/passwd');
    const r = await run('benign/external-data-sibling.h5', bytes);
    expect(hits(r).map((f) => [f.location.pointer, f.severity, f.evidence])).toEqual([['/raw', 'warning', '../../../../../etc/passwd']]);
  });

  it('flags a virtual dataset source given as a URL as a WARNING, even when libhdf5 then rejects the patched heap block', async () => {
    const bytes = patch(load('benign/vds-sibling.h5'), 'vds-source.h5', 'http://x.io/a');
    const r = await run('benign/vds-sibling.h5', bytes);
    expect(hits(r).map((f) => [f.location.pointer, f.severity, f.evidence])).toEqual([['/stacked', 'warning', 'http://x.io/a']]);
    // The patch breaks the heap block's checksum: libhdf5 refuses the layout, reported beside the finding.
    expect(r.findings.find((f) => f.ruleId === 'format/malformed')?.message).toMatch(/checksum for global heap block/);
  });

  it('judges absolute, drive, UNC, URL and climbing names outside, plain relative names beside', () => {
    for (const n of ['/etc/passwd', 'C:\\Windows\\win.ini', 'c:x', '\\\\host\\share\\w.h5', '//host/share', 'file:///etc/passwd', 's3://b/k', 'a/../../x', '..\\x'])
      expect(judgeExternalName(n), n).toBe('outside');
    for (const n of ['w.bin', 'data/w.bin', 'a..b.bin', './w.bin'])
      expect(judgeExternalName(n), n).toBe('beside');
  });
});

describe('HDF5 external data: malformed messages are left to libhdf5, never reported as external data', () => {
  it('ignores an External Data Files message whose name offset lies outside its local heap', async () => {
    // The slot's name offset (8 bytes after the message's 16-byte head) set past the heap's data segment.
    const b = load('benign/external-data-sibling.h5');
    const at = findExternalMessage(b);
    b.set([0xff, 0xff, 0, 0, 0, 0, 0, 0], at + 16);
    expect(await external('benign/external-data-sibling.h5', b)).toEqual([]);
  });

  it('ignores a virtual layout whose heap object does not exist', async () => {
    const b = load('benign/vds-sibling.h5');
    const at = findVirtualLayout(b);
    b.set([0x77, 0, 0, 0], at + 10);
    expect(await external('benign/vds-sibling.h5', b)).toEqual([]);
  });
});

describe('HDF5 virtual dataset mappings: every selection encoding libhdf5 writes is stepped over', () => {
  const u32 = (n: number) => [n & 255, (n >> 8) & 255, (n >> 16) & 255, n >>> 24];
  const str = (t: string) => [...new TextEncoder().encode(t), 0];
  const all = [...u32(3), ...u32(1), ...u32(0), ...u32(0)];
  const none = [...u32(0), ...u32(1), ...u32(0), ...u32(0)];
  const pointsV2 = [...u32(1), ...u32(2), 4, ...u32(1), ...u32(2), ...u32(5), ...u32(7)];
  const hyperV2 = [...u32(2), ...u32(2), 1, ...u32(36), ...u32(1), ...new Array(32).fill(0)];
  const hyperV3Blocks = [...u32(2), ...u32(3), 0, 4, ...u32(1), ...u32(2), ...new Array(16).fill(1)];
  const heapObject = (entries: number[][]) => Uint8Array.from([0, ...u32(entries.length), 0, 0, 0, 0, ...entries.flat(), 1, 2, 3, 4]);
  const layout = Uint8Array.from([4, 3, ...new Array(12).fill(0)]);
  const entries = [
    [...str('a.h5'), ...str('d'), ...pointsV2, ...all],
    [...str('/b.h5'), ...str('/d'), ...hyperV2, ...hyperV3Blocks],
    [...str('c.h5'), ...str('d'), ...none, ...all],
  ];

  it('reads the source files of mappings using point lists, hyperslabs (versions 2 and 3) and none/all', async () => {
    expect(await virtualSourceNames(layout, async () => heapObject(entries))).toEqual(['a.h5', '/b.h5', 'c.h5']);
  });

  it('gives up (left to libhdf5) on a mapping list cut inside a selection, or an encoding version it does not know', async () => {
    const cut = heapObject(entries).subarray(0, 60);
    await expect(virtualSourceNames(layout, async () => cut)).rejects.toBeInstanceOf(Unsupported);
    const v1 = heapObject(entries); v1[0] = 1;
    await expect(virtualSourceNames(layout, async () => v1)).rejects.toBeInstanceOf(Unsupported);
  });

  it('returns null for layouts that are not virtual (contiguous, chunked) without reading a heap', async () => {
    expect(await virtualSourceNames(Uint8Array.from([3, 1, ...new Array(16).fill(0)]), async () => { throw new Error('read'); })).toBeNull();
  });
});

describe('HDF5 external data: ordinary use stays below WARNING', () => {
  it('reports a dataset kept in a relative file beside the model as INFO with a folder reference', async () => {
    const r = await run('benign/external-data-sibling.h5');
    expect(atLeastWarning(r)).toEqual([]);
    expect(hits(r).map((f) => [f.location.pointer, f.severity, f.message])).toEqual([
      ['/raw', 'info', 'HDF5 dataset /raw reads its data from "external-data-sibling.bin" beside the model'],
    ]);
    expect(r.nodes[0]!.notes!.references).toEqual([{ path: 'external-data-sibling.bin', kind: 'hdf5 external data' }]);
    expect(r.status).toBe('clean');
  });

  it('reports a virtual dataset over a sibling file as INFO, leaving out its source in the same file (".")', async () => {
    expect((await external('benign/vds-sibling.h5')).map((e) => [e.path, e.files])).toEqual([['/stacked', ['vds-source.h5']]]);
    const r = await run('benign/vds-sibling.h5');
    expect(atLeastWarning(r)).toEqual([]);
    expect(hits(r).map((f) => f.severity)).toEqual(['info']);
    expect(r.nodes[0]!.notes!.references).toEqual([{ path: 'vds-source.h5', kind: 'hdf5 external data' }]);
  });

  it('reads the newer selection encodings (libver latest: hyperslab version 3) of 40 sibling sources, keeping 32 and telling there are more', async () => {
    const [e, ...rest] = await external('incomplete/vds-latest.h5');
    expect(rest).toEqual([]);
    expect(e?.path).toBe('/strided');
    expect(e?.files).toHaveLength(32);
    expect(e?.files.slice(0, 2)).toEqual(['part-00.h5', 'part-01.h5']);
    expect(e?.more).toBe(true);
    const r = await run('incomplete/vds-latest.h5');
    expect(atLeastWarning(r)).toEqual([]);
    expect(hits(r)[0]?.message).toMatch(/^HDF5 virtual dataset \/strided reads its data from "part-00\.h5", .*"part-31\.h5", … beside the model$/);
  });

  it('links the sibling data file in a dropped folder, and reports it missing when it was not dropped', async () => {
    const model = await run('benign/external-data-sibling.h5');
    const data = await run('benign/external-data-sibling.bin');
    const whole = await folder([model, data]);
    expect(whole.files.flatMap((f) => f.findings.filter((x) => x.ruleId === 'folder/missing-reference'))).toEqual([]);
    expect(whole.files.find((f) => f.path === 'external-data-sibling.bin')?.nodes[0]?.notes?.referencedBy).toEqual(['external-data-sibling.h5']);
    const alone = await folder([await run('benign/external-data-sibling.h5'), await run('benign/vds-source.h5')]);
    expect(alone.files[0]!.findings.filter((x) => x.ruleId === 'folder/missing-reference').map((x) => x.evidence)).toEqual(['external-data-sibling.bin']);
  });

  it.each(['benign/sequential.h5', 'benign/plain-data.hdf5', 'benign/dense-storage.hdf5', 'benign/group-alias.hdf5', 'benign/vds-source.h5'])('finds no external data in %s', async (p) => {
    expect(await external(p)).toEqual([]);
    expect(hits(await run(p))).toEqual([]);
  });
});

/** The offset of the External Data Files message body (type 7, v1 object header) in `b`. */
function findExternalMessage(b: Uint8Array): number {
  for (let i = 0; i + 24 < b.length; i++) {
    // v1 message header: type u16 = 7, size u16, flags, 3 reserved; body: version 1, 3 reserved, allocated, used = 1
    if (b[i] === 7 && b[i + 1] === 0 && b[i + 8] === 1 && b[i + 9] === 0 && b[i + 10] === 0 && b[i + 11] === 0 && b[i + 14] === 1 && b[i + 15] === 0) return i + 8;
  }
  throw new Error('no External Data Files message');
}

/** The offset of the virtual Data Layout message body (version 4, class 3) in `b` (v1 or v2 object header). */
function findVirtualLayout(b: Uint8Array): number {
  for (let i = 8; i + 14 < b.length; i++) {
    if (b[i] === 4 && b[i + 1] === 3 && ((b[i - 8] === 8 && b[i - 7] === 0) || b[i - 4] === 8)) return i;
  }
  throw new Error('no virtual layout message');
}

describe('HDF5 external data: the pre-check on mutated external-data files only returns, or refuses at a limit', () => {
  // Bytes flipped at random (seeded) over the message bodies and heaps this walk reads: never a crash,
  // an out-of-range read or a hang; libhdf5 is not called.
  it.each(['malicious/external-data-passwd.h5', 'malicious/vds-unc.h5', 'incomplete/vds-latest.h5', 'benign/external-data-sibling.h5'])('%s', async (p) => {
    const { LimitExceeded: Limit } = await import('../../src/engine/types');
    const base = load(p);
    // Most flips land on the structures this walk adds: global heap collections, local heaps, the messages.
    const text = new TextDecoder('latin1').decode(base);
    const hot = [...text.matchAll(/GCOL|HEAP/g)].map((m) => m.index!);
    try { hot.push(findExternalMessage(base)); } catch { hot.push(findVirtualLayout(base)); }
    let seed = 0x6d6a;
    const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const started = Date.now();
    for (let run = 0; run < 300; run++) {
      const b = Uint8Array.from(base);
      for (let k = 1 + Math.floor(rand() * 4); k > 0; k--) {
        const at = rand() < 0.8 ? hot[Math.floor(rand() * hot.length)]! + Math.floor(rand() * 200) : Math.floor(rand() * b.length);
        if (at < b.length) b[at] = Math.floor(rand() * 256);
      }
      const found: ExternalData[] = [];
      try {
        const broken = await precheckHdf5(fromBytes(b, 'x.h5'), found);
        expect(broken === null || typeof broken === 'string').toBe(true);
      } catch (e) {
        if (!(e instanceof Limit)) throw e;
      }
      for (const e of found) expect(e.files.length).toBeLessThanOrEqual(32);
    }
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);
});
