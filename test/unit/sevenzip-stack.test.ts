// A kept 7-Zip instance must not lose C stack to the archives it reads (issue 15). Emscripten's
// callMain stackAllocs argv and never frees it, and exit()/exceptions inside main leave main's frames:
// before session.ts reset the stack after each command, a kept instance ran past its 64 KiB stack after
// ~250 RAR archives (~260 bytes each) and then hung on archives that take milliseconds alone.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scan, fromBytes } from '../../src/engine';
import { sevenZipInstancesCreated, sevenZipKeptStacks } from '../../src/engine/formats/sevenzip/session';

const load = (p: string) => new Uint8Array(readFileSync(`fixtures/${p}`));

describe('7-Zip stack across kept instances', () => {
  it('300 .7z and RAR archives (benign, malicious, truncated, CRC-broken) through one kept instance leave its stack pointer where it started and keep the verdicts', async () => {
    const files = ['sevenzip/benign/model.7z', 'sevenzip/malicious/pickle.7z', 'sevenzip/malformed/truncated.7z', 'sevenzip/malformed/crc-mismatch.7z',
      'rar/benign/example.rar', 'rar/malicious/v5-pickle.rar', 'rar/malformed/v5-truncated.rar'];
    const bytes = files.map(load);
    const verdicts: string[] = [];
    for (let k = 0; k < bytes.length; k++) verdicts.push((await scan(fromBytes(bytes[k]!, files[k]!.split('/').pop()!))).status);
    const stacks = sevenZipKeptStacks();
    expect(stacks.length).toBeGreaterThan(0);
    expect(stacks.every((sp) => typeof sp === 'number')).toBe(true);
    const created = sevenZipInstancesCreated();
    for (let i = 0; i < 300; i++) {
      const k = i % bytes.length;
      const r = await scan(fromBytes(bytes[k]!, files[k]!.split('/').pop()!));
      expect(r.status).toBe(verdicts[k]);
    }
    // The same instance(s) served all 300 (none was dropped and replaced), and their stacks are where they were.
    expect(sevenZipInstancesCreated()).toBe(created);
    expect(sevenZipKeptStacks()).toEqual(stacks);
  }, 120_000);
});
