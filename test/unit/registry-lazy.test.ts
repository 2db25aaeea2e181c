// The registry holds every format's sniff eagerly and loads each scanner's code on first use (issue 15,
// fast start). These tests pin the contract that makes the split safe: what the registry chooses by
// is exactly what the loaded scanner carries, a lazy entry scans and re-opens like the scanner it
// stands for, and a scanner whose code cannot load fails its file loudly instead of passing it clean.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { FALLBACK, SCANNERS, select } from '../../src/engine/registry';
import { SCANNER_IDS } from '../../src/engine/scanner-ids';
import { scan, fromBytes } from '../../src/engine';
import { openNode } from '../../src/engine/navigate';
import type { Head } from '../../src/engine/types';

const fixture = (p: string) => new Uint8Array(readFileSync(`fixtures/${p}`));

function headOf(name: string, bytes: Uint8Array): Head {
  const dot = name.lastIndexOf('.');
  return { name, ext: dot > 0 ? name.slice(dot).toLowerCase() : '', size: bytes.length, bytes: bytes.subarray(0, 65536) };
}

describe('lazy registry', () => {
  it('every entry loads a scanner with the same id, names and the very sniff function the registry chose by', async () => {
    for (const entry of [...SCANNERS, FALLBACK]) {
      const real = await entry.load();
      expect(real.id, entry.id).toBe(entry.id);
      expect(real.extensions, entry.id).toEqual(entry.extensions);
      expect(real.alsoNamed, entry.id).toEqual(entry.alsoNamed);
      expect(real.sniff, entry.id).toBe(entry.sniff);
      expect(typeof real.scan, entry.id).toBe('function');
    }
  });

  it('the id list hosts check options against (scanner-ids.ts) is the registry\'s, in order, each id once', () => {
    expect(SCANNER_IDS).toEqual([...new Set(SCANNERS.map((s) => s.id))]);
  });

  it('a torch.save zip is chosen by the pytorch entry before any scanner code is needed, and scans to the same verdict', async () => {
    const bytes = fixture('pickle-family/malicious/state-dict-eval.pt');
    expect(select(headOf('state-dict-eval.pt', bytes)).scanner.id).toBe('pytorch');
    const report = await scan(fromBytes(bytes, 'state-dict-eval.pt'), {});
    expect(report.format).toBe('pytorch');
    expect(report.findings.some((f) => f.severity === 'critical' && f.ruleId.startsWith('pickle/'))).toBe(true);
  });

  it('re-opens a pickle inside a torch zip through the lazy entry (Scanner.open is delegated)', async () => {
    const bytes = fixture('pickle-family/malicious/state-dict-eval.pt');
    const root = fromBytes(bytes, 'state-dict-eval.pt');
    const report = await scan(root, {});
    const pickleNode = report.nodes.find((n) => n.format === 'pickle');
    expect(pickleNode).toBeDefined();
    const opened = await openNode(root, pickleNode!.path);
    expect(opened).not.toBeNull();
    expect(opened!.size).toBe(pickleNode!.size);
  });

  it('a scanner whose code fails to load fails its file (error, incomplete), never clean', async () => {
    const entry = SCANNERS.find((s) => s.id === 'safetensors')!;
    const load = entry.load;
    const failing = Object.assign(Object.create(null), entry, {
      load: () => Promise.reject(new Error('chunk missing')),
      scan: () => Promise.reject(new Error('chunk missing')),
    });
    const index = SCANNERS.indexOf(entry);
    (SCANNERS as unknown as unknown[])[index] = failing;
    try {
      const header = new TextEncoder().encode('{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}');
      const bytes = new Uint8Array(8 + header.length + 4);
      new DataView(bytes.buffer).setUint32(0, header.length, true);
      bytes.set(header, 8);
      const report = await scan(fromBytes(bytes, 'w.safetensors'), {});
      expect(report.status).toBe('error');
      expect(report.complete).toBe(false);
      expect(report.findings.map((f) => f.ruleId)).toContain('scan/internal-error');
    } finally {
      (SCANNERS as unknown as unknown[])[index] = entry;
      expect(entry.load).toBe(load);
    }
  });
});
