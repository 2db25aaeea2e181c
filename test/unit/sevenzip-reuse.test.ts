// 7-Zip instances are kept between archives (session.ts): creating one cost 30-200 ms per archive, so a
// folder of small .7z/.rar files paid it for each. These tests build the sequences a folder scan makes
// and assert that a kept instance gives the same verdicts as a fresh one, leaks nothing from the
// previous archive, and is never reused after 7-Zip failed inside or its heap grew large.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { crc32 } from '../../src/engine/io/crc32';
import { SevenZipSession, sevenZipInstancesCreated, sevenZipInstancesKept, MAX_REUSED_HEAP_BYTES } from '../../src/engine/formats/sevenzip/session';

const load = (p: string) => new Uint8Array(readFileSync(`fixtures/${p}`));
const scanFile = (p: string) => scan(fromBytes(load(p), p.split('/').pop()!));
/** What a report says, without timings: the verdict a kept instance must reproduce. */
const verdict = (r: FileReport) => ({
  status: r.status, complete: r.complete,
  paths: r.nodes.map((n) => n.path.join(' > ')),
  findings: r.findings.map((f) => `${f.severity} ${f.ruleId} ${f.location.path.join(' > ')}`).sort(),
});

/**
 * The 1.5 GiB-dictionary fixture (an uncompressed header) with the LZMA dictionary size (properties
 * bytes 1-4, after 0x5d) set to `bytes` and the start header's CRCs recomputed (7z format: NextHeaderCRC
 * at 28 over the header, StartHeaderCRC at 8 over bytes 12-31).
 */
function withDictionary(archive: Uint8Array, bytes: number): Uint8Array {
  const a = archive.slice();
  const view = new DataView(a.buffer);
  const at = a.findIndex((b, i) => b === 0x5d && view.getUint32(i + 1, true) === 0x60000000);
  view.setUint32(at + 1, bytes, true);
  const headerStart = 32 + Number(view.getBigUint64(12, true));
  view.setUint32(28, crc32(a.subarray(headerStart, headerStart + Number(view.getBigUint64(20, true)))), true);
  view.setUint32(8, crc32(a.subarray(12, 32)), true);
  return a;
}

describe('7-Zip instance reuse', () => {
  it('a malicious 7z, a benign 7z, a malicious RAR and the first 7z again: all four share one instance; verdicts identical to the first scans', async () => {
    const first = await scanFile('sevenzip/malicious/pickle.7z'); // loads 7-Zip (an instance to keep)
    const before = sevenZipInstancesCreated();
    const benign = await scanFile('sevenzip/benign/model.7z');
    const rar = await scanFile('rar/malicious/v5-pickle.rar');
    const again = await scanFile('sevenzip/malicious/pickle.7z');
    expect(sevenZipInstancesCreated()).toBe(before); // RAR too, since the stack is reset after each command
    expect(verdict(again)).toEqual(verdict(first));
    expect(first.findings.some((f) => f.severity === 'critical')).toBe(true);
    expect(rar.findings.some((f) => f.severity === 'critical')).toBe(true);
    // nothing of the malicious archive's members shows up in the benign one's report
    expect(benign.status).toBe('clean');
    expect(benign.complete).toBe(true);
    const maliciousMembers = first.nodes.slice(1).map((n) => n.path.at(-1));
    expect(benign.nodes.some((n) => maliciousMembers.includes(n.path.at(-1)))).toBe(false);
  }, 60_000);

  it('an archive whose 7-Zip run threw (encrypted headers, wrong password) does not hand its instance on: the next archive gets a fresh one and scans complete', async () => {
    await scanFile('sevenzip/benign/model.7z');
    const session = await SevenZipSession.open(fromBytes(load('sevenzip/malicious/encrypted-headers.7z'), 'e.7z'));
    const run = session!.list();
    session!.close();
    const before = sevenZipInstancesCreated();
    const next = await scanFile('sevenzip/benign/model.7z');
    if (run.crashed) expect(sevenZipInstancesCreated()).toBe(before + 1);
    else expect(sevenZipInstancesCreated()).toBe(before); // 7-Zip reported the error itself: the instance was clean
    expect(next.status).toBe('clean');
    expect(next.complete).toBe(true);
  }, 60_000);

  it(`an instance whose heap grew past MAX_REUSED_HEAP_BYTES (${MAX_REUSED_HEAP_BYTES / 2 ** 20} MiB) is dropped, not kept: a 7z whose LZMA coder declares a 96 MiB dictionary`, async () => {
    const big = await SevenZipSession.open(fromBytes(withDictionary(load('sevenzip/malformed/lzma-dict-1536m.7z'), 96 * 2 ** 20), 'd.7z'));
    const kept = sevenZipInstancesKept();
    const x = big!.extract();
    big!.close();
    expect(x.files.map((f) => f.outPath)).toEqual(['config.json']); // the dictionary was allocated: the heap grew
    expect(x.run.heapRefused).toBeUndefined();
    expect(sevenZipInstancesKept()).toBe(kept);
    // an ordinary archive's instance is kept
    const small = await SevenZipSession.open(fromBytes(load('sevenzip/benign/model.7z'), 'm.7z'));
    small!.extract();
    small!.close();
    expect(sevenZipInstancesKept()).toBe(kept + 1);
  }, 60_000);

  it('a session used after close fails loudly instead of running in an instance another archive now owns', async () => {
    const session = await SevenZipSession.open(fromBytes(load('sevenzip/benign/model.7z'), 'm.7z'));
    session!.close();
    expect(() => session!.list()).toThrow(/after close/);
  });

  it('two archives open at once (a 7z inside a 7z) each get their own instance', async () => {
    const outer = await SevenZipSession.open(fromBytes(load('sevenzip/benign/model.7z'), 'o.7z'));
    const inner = await SevenZipSession.open(fromBytes(load('sevenzip/malicious/pickle.7z'), 'i.7z'));
    try {
      const o = outer!.list(), i = inner!.list();
      expect(o.out.join('\n')).not.toEqual(i.out.join('\n'));
      expect(outer!.list().out).toEqual(o.out);
    } finally {
      inner!.close();
      outer!.close();
    }
  });
});
