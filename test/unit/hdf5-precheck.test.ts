// HDF5 pre-check (issue 15): the structures libhdf5 would loop on are walked before it sees the file.
// fixtures/cli/hdf5-attribute-loop.h5 (a global heap free-space object of size 0, which loops
// H5HG__cache_heap_deserialize forever) must be reported malformed in-process, without a timeout;
// the benign HDF5 fixtures must pass the check untouched.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { scan, fromBytes } from '../../src/engine';
import { precheckHdf5 } from '../../src/engine/formats/keras/precheck';

const load = (p: string) => new Uint8Array(readFileSync(p));

describe('HDF5 pre-check', () => {
  it('reports the attribute-loop file malformed (zero-sized global heap object) without calling libhdf5', async () => {
    const bytes = load('fixtures/cli/hdf5-attribute-loop.h5');
    expect(await precheckHdf5(fromBytes(bytes, 'x.h5'))).toMatch(/zero-sized free-space object .* loop on it forever/);
    const started = Date.now();
    const r = await scan(fromBytes(bytes, 'hdf5-attribute-loop.h5'));
    expect(Date.now() - started).toBeLessThan(10_000);
    const m = r.findings.find((f) => f.ruleId === 'format/malformed');
    expect(m?.message).toMatch(/HDF5 structure check: .*not handed to libhdf5/);
    expect(r.status).toBe('error');
  });

  it('reports a global heap object whose size runs past its collection (found by npm run fuzz: libhdf5 in wasm32 wrapped and hung)', async () => {
    const bytes = load('fixtures/cli/hdf5-heap-object-past-end.h5');
    expect(await precheckHdf5(fromBytes(bytes, 'x.h5'))).toMatch(/object \d+ of the global heap collection at \d+ declares \d+ bytes, past the end of the collection/);
    const r = await scan(fromBytes(bytes, 'hdf5-heap-object-past-end.h5'));
    expect(r.findings.map((f) => f.ruleId)).toContain('format/malformed');
    expect(r.status).toBe('error');
  });

  it('reports a global heap collection declaring 2^51 + 4,096 bytes (walked by h5wasm as 4,096: 32-bit size_t) whose free-space object loops, found by npm run fuzz', async () => {
    const bytes = load('test/fuzz/found/hdf5-heap-size-wraps.h5');
    expect(await precheckHdf5(fromBytes(bytes, 'x.h5'))).toMatch(/global heap collection at 2048/);
    const started = Date.now();
    const r = await scan(fromBytes(bytes, 'hdf5-heap-size-wraps.h5'));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(r.status).toBe('error');
    expect(r.findings.find((f) => f.ruleId === 'format/malformed')?.message).toMatch(/not handed to libhdf5/);
  }, 60_000);

  it('passes every benign and malicious Keras .h5 fixture (the check only stops what is certainly broken)', async () => {
    for (const dir of ['fixtures/keras/benign', 'fixtures/keras/malicious', 'fixtures/stats/benign']) {
      for (const f of readdirSync(dir).filter((n) => /\.(h5|hdf5)$/.test(n))) {
        expect(await precheckHdf5(fromBytes(load(`${dir}/${f}`), f)), `${dir}/${f}`).toBeNull();
      }
    }
  });

  it('reports a continuation block that points back into its own header (a cycle)', async () => {
    const bytes = load('fixtures/keras/malicious/custom-module.h5').slice();
    // Root object header (v1) at 96: its first message is a continuation (type 0x10) to 800 of 256 bytes;
    // point the continuation's target at the continuation block's own start and its first message at it too.
    const dv = new DataView(bytes.buffer);
    expect(dv.getUint16(112, true)).toBe(0x10);
    // The first message of the block at 800 becomes a continuation to 800 itself.
    dv.setUint16(800, 0x10, true); dv.setUint16(802, 16, true);
    dv.setBigUint64(808, 800n, true); dv.setBigUint64(816, 256n, true);
    expect(await precheckHdf5(fromBytes(bytes, 'cycle.h5'))).toMatch(/cycle/);
  });
});
