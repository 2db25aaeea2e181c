// A fixture group of real files (fixtures/<group>/{benign,flagged}, manifest.json written by its generator):
// what the real-file sweep tests share.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { join, relative } from 'node:path';
import { scan, fromBytes, SEVERITY_RANK, type FileReport } from '../../src/engine';

export interface ManifestEntry { file: string; library: string; version: string; how: string }

/** What is at WARNING or above in a report, one line per finding. */
export const alarms = (r: FileReport) => r.findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK.warning)
  .map((f) => `${f.severity} ${f.ruleId} ${f.message}`);

export function fixtureGroup(group: string) {
  const root = join(process.cwd(), 'fixtures', group);
  // a group may have no flagged/ folder (git keeps no empty one)
  const walk = (dir: string): string[] => !existsSync(dir) ? [] : readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? walk(p) : [relative(root, p).split('\\').join('/')];
  }).sort();
  return {
    root,
    manifest: JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as ManifestEntry[],
    /** Every file under benign/ and flagged/, relative to the group, sorted. */
    files: () => [...walk(join(root, 'benign')), ...walk(join(root, 'flagged'))].sort(),
    scanFile: (rel: string) => scan(fromBytes(new Uint8Array(readFileSync(join(root, rel))), rel.split('/').pop()!)),
  };
}

/**
 * The two checks every real-file group makes: its manifest lists each file under benign/ and flagged/ once,
 * and each benign file (made the ordinary way by the real library) scans complete with nothing at WARNING+.
 */
export function checkManifestAndBenign(group: ReturnType<typeof fixtureGroup>, name: string): void {
  describe(`${name}: the manifest covers the folder`, () => {
    it('lists every benign and flagged file once', () => {
      expect(group.manifest.map((e) => e.file).sort()).toEqual(group.files());
    });
  });
  describe(`${name}: ordinary files made by the real libraries raise nothing at WARNING or above`, () => {
    for (const e of group.manifest.filter((x) => x.file.startsWith('benign/'))) {
      it(`${e.file} (${e.library} ${e.version}): complete, nothing at WARNING+`, async () => {
        const r = await group.scanFile(e.file);
        expect(alarms(r)).toEqual([]);
        expect(r.complete).toBe(true);
        expect(r.status).not.toBe('error');
      });
    }
  });
}
