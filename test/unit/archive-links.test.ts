// Links that stay inside an archive are not alarms: a Hugging Face cache snapshot zipped or tarred
// (fixtures/zip-links) is INFO; links that escape stay CRITICAL (zip-scanner / tar-scanner tests).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scan, fromBytes } from '../../src/engine';

describe('archived Hugging Face cache snapshot', () => {
  for (const f of ['hf-cache-snapshot.tar.gz', 'hf-cache-snapshot.zip']) {
    it(`${f}: snapshot links to ../../blobs are INFO and nothing is above INFO`, async () => {
      const r = await scan(fromBytes(new Uint8Array(readFileSync(`fixtures/zip-links/benign/${f}`)), f));
      const links = r.findings.filter((x) => x.ruleId === 'archive/symlink');
      expect(links.length).toBe(2);
      expect(links.every((x) => x.severity === 'info' && /^\.\.\/\.\.\/blobs\/[0-9a-f]{64}$/.test(x.evidence ?? ''))).toBe(true);
      expect(r.findings.filter((x) => x.severity === 'critical' || x.severity === 'warning')).toEqual([]);
    });
  }
});
