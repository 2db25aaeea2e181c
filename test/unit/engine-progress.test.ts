// Progress labels (issue 16): the "Now scanning" panel shows where the engine is, by format and stage.
// A slow member of unknown content read "scanning unknown"; the label must name the formats from the
// file down to the member and never say "unknown".
import { describe, expect, it } from 'vitest';
import { fromBytes, scan } from '../../src/engine';
import { buildZip } from './../builders/zip';

describe('progress phases name the format chain and the stage', () => {
  it('a zip holding unrecognised bytes reports "zip: reading" and "zip › unrecognised data: reading", never "unknown"', async () => {
    const junk = new Uint8Array(200_000).map((_, i) => (i * 7919) & 0xff);
    const zip = buildZip({ members: [{ name: 'blob.dat', data: junk }] });
    const phases = new Set<string>();
    await scan(fromBytes(zip, 'm.zip'), {}, { onProgress: (p) => phases.add(p.phase) });
    expect([...phases]).toContain('identifying the format');
    expect([...phases]).toContain('zip: identifying a member');
    expect([...phases].some((p) => p.startsWith('zip › unrecognised data'))).toBe(true);
    expect([...phases].filter((p) => /unknown/.test(p))).toEqual([]);
  });
});
