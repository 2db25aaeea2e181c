// Member names of tens of thousands of segments (a zip name may be 64 KiB of '/'): the path helpers
// every folder check and archive scanner calls on every member must stay linear. A map of every
// ancestor folder of every path (folder/references.ts) once made an archive of 4,000 such members take
// minutes; splitting each name in every check made it seconds per member.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scan, fromBytes } from '../../src/engine';
import { baseName } from '../../src/engine/orchestrator';
import { normalizePath } from '../../src/engine/folder/references';
import { resolveInside } from '../../src/engine/formats/zip/paths';
import { buildZip } from '../builders/zip';
import { buildTar } from '../builders/tar';
import { packed } from '../builders/safetensors';
import { MAX_MESSAGE_CHARS, MAX_NODE_NAME_CHARS, MAX_POINTER_CHARS } from '../../src/engine/orchestrator';

// The splitting versions the fast paths replaced: the reference semantics.
const splitBase = (name: string) => { const p = name.split(/[\\/]/).filter((s) => s.length > 0); return p.length ? p[p.length - 1]! : name; };
const splitNormalize = (path: string) => path.replace(/\\/g, '/').split('/').filter((s) => s !== '' && s !== '.').join('/');
function splitResolve(name: string) {
  const stack: string[] = [];
  let escapes = false, hasDotDot = false;
  for (const part of name.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') { hasDotDot = true; if (stack.length === 0) escapes = true; else stack.pop(); } else stack.push(part);
  }
  return { escapes, hasDotDot, resolved: stack.join('/') };
}

const names = fc.array(fc.constantFrom('a', 'b.pt', '/', '\\', '.', '..', '', 'x.'), { maxLength: 12 }).map((p) => p.join(''));

describe('path helpers on hostile names', () => {
  it('baseName, normalizePath and resolveInside agree with splitting on every name', () => {
    fc.assert(fc.property(names, (n) => {
      expect(baseName(n)).toBe(splitBase(n));
      expect(normalizePath(n)).toBe(splitNormalize(n));
      expect(resolveInside(n)).toEqual(splitResolve(n));
    }), { numRuns: 3000 });
  });

  // Names of 4,000 characters (under MAX_NODE_NAME_CHARS, so node paths keep them whole) with 2,000
  // segments each, beside a sharded-checkpoint index that names a shard the archive lacks: 1,500 of
  // them stay under MAX_FOLDER_ARCHIVE_NAME_CHARS, so the folder checks run over them (the quadratic was
  // there: minutes) and report the missing shard; 2,500 are above it, so the checks are skipped and
  // the members are still scanned one by one.
  for (const count of [1500, 2500]) {
    it(`a zip of ${count} members named with 2,000 segments each is scanned whole; folder checks ${count === 1500 ? 'run' : 'skipped'}`, async () => {
      const long = 'd/'.repeat(1990);
      const index = JSON.stringify({ metadata: {}, weight_map: { w: 'model-1.safetensors', v: 'model-2.safetensors' } });
      const zip = buildZip({ members: [
        { name: 'model.safetensors.index.json', data: index },
        { name: 'model-1.safetensors', data: packed({ w: { dtype: 'U8', shape: [1] } }) },
        ...Array.from({ length: count }, (_, i) => ({ name: `${long}m${i}.txt`, data: 'x' })),
      ] });
      const r = await scan(fromBytes(zip, 'deep-names.zip'));
      expect(r.complete).toBe(true);
      expect(r.nodes.filter((n) => n.path.length === 2)).toHaveLength(count + 2);
      expect(r.nodes.find((n) => n.path[1]?.endsWith('m0.txt'))!.path[1]).toBe(`${long}m0.txt`);
      const missing = r.findings.filter((f) => f.ruleId === 'safetensors/index-inconsistent' && /model-2\.safetensors/.test(f.message));
      expect(missing).toHaveLength(count === 1500 ? 1 : 0);
    });
  }
});

describe('what a report keeps of huge names', () => {
  it('a tar member named with 1 MiB keeps a 4,096-character node name ending with its base name, and the report stays small', async () => {
    const long = `${'abcdefgh'.repeat(131_000)}/model.pkl`;
    const member = (data: string) => ({ name: 'short', pax: { path: long }, data });
    const r = await scan(fromBytes(buildTar({ members: [member('x'), member('y')] }), 'names.tar'));
    const node = r.nodes.find((n) => n.path.length === 2)!;
    expect(node.path[1]).toHaveLength(MAX_NODE_NAME_CHARS);
    expect(node.path[1]!.endsWith('/model.pkl')).toBe(true);
    expect(node.path[1]).toContain(`…(${long.length} characters)…`);
    const dup = r.findings.find((f) => f.ruleId === 'archive/duplicate-name')!;
    expect(dup.message.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS + 1);
    expect(dup.location.pointer!.length).toBeLessThanOrEqual(MAX_POINTER_CHARS + 1);
    expect(JSON.stringify(r).length).toBeLessThan(64 * 1024);
  });
});
