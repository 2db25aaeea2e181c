// OCI image layouts and docker-save tarballs through the public scan(): images assembled by
// fixtures/oci/generate.py (tarfile + hashlib, laid out per the image-spec and moby's tarexport), then
// attack variants built in code (test/builders/oci.ts). Each test asserts rule, severity and location.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { buildTar } from '../builders/tar';
import { blob, config, descriptor, json, layer, layoutTar, manifest, sha256 } from '../builders/oci';

const fixture = (p: string) => scan(fromBytes(new Uint8Array(readFileSync(`fixtures/oci/${p}`)), p.split('/').pop()!));
const run = (bytes: Uint8Array, name = 'image.tar') => scan(fromBytes(bytes, name));
const find = (r: FileReport, id: string) => r.findings.filter((f) => f.ruleId === id);
const aboveInfo = (r: FileReport) => r.findings.filter((f) => f.severity !== 'info');
const EVIL_PICKLE = new Uint8Array([...'\x80\x02cposix\nsystem\nX\x02\x00\x00\x00id\x85R.'].map((c) => c.charCodeAt(0)));
const image = (r: FileReport) => r.nodes[0]!.notes?.image as Record<string, unknown> | undefined;

describe('oci: real image archives (fixtures/oci)', () => {
  it('passes a clean OCI layout tar, verifying every blob digest and reading each document', async () => {
    const r = await fixture('benign/oci-layout.tar');
    expect(aboveInfo(r)).toEqual([]);
    expect(r.complete).toBe(true);
    expect(image(r)).toMatchObject({ layout: true, dockerSave: true, manifests: 1, missing: 0, digestsVerified: 3, digestMismatches: 0 });
    const kinds = Object.fromEntries(r.nodes.filter((n) => n.format === 'oci').map((n) => [n.path[1], n.notes?.ociKind]));
    expect(Object.values(kinds).sort()).toEqual(['config', 'docker-save', 'index', 'layout', 'manifest']);
    // The gzip'd layer is opened down to the model files it carries.
    expect(r.nodes.some((n) => n.format === 'safetensors' && n.path.at(-1) === 'model/model.safetensors')).toBe(true);
  });

  it('passes a legacy docker save tarball, checking the config by name and the layer.tar against the config diff_ids', async () => {
    const r = await fixture('benign/docker-save-legacy.tar');
    expect(aboveInfo(r)).toEqual([]);
    expect(image(r)).toMatchObject({ layout: false, dockerSave: true, missing: 0, digestsVerified: 2, digestMismatches: 0 });
    const saved = r.nodes.find((n) => n.path[1] === 'manifest.json')!;
    expect(saved.notes).toMatchObject({ ociKind: 'docker-save', repoTags: ['demo/model:latest'] });
  });

  it('finds a malicious pickle inside a gzip layer of an image as CRITICAL, with the path down through the layer', async () => {
    const r = await fixture('malicious/pickle-layer.tar');
    const hit = find(r, 'pickle/dangerous-call');
    expect(hit[0]).toMatchObject({ severity: 'critical' });
    expect(hit[0]!.location.path[1]).toMatch(/^blobs\/sha256\/[0-9a-f]{64}$/);
    expect(hit[0]!.location.path.at(-1)).toBe('model/extra.pkl');
    expect(find(r, 'oci/digest-mismatch')).toEqual([]);
  });

  it('flags a layer swapped after the manifest was written as oci/digest-mismatch (WARNING), and still scans the swapped content', async () => {
    const r = await fixture('malicious/tampered-layer.tar');
    const [m, ...rest] = find(r, 'oci/digest-mismatch');
    expect(rest).toEqual([]);
    expect(m).toMatchObject({ severity: 'warning', location: { path: ['tampered-layer.tar'] } });
    expect(m!.location.pointer).toMatch(/^blobs\/sha256\/[0-9a-f]{64}$/);
    expect(m!.evidence).not.toContain(m!.location.pointer!.slice(13));
    expect(find(r, 'pickle/dangerous-call')).toHaveLength(1);
  });

  it('flags credentials in the config Env and a download piped to a shell in Cmd', async () => {
    const r = await fixture('malicious/env-secret.tar');
    expect(find(r, 'oci/secret-in-env').map((f) => [f.location.pointer, f.severity])).toEqual([
      ['/config/Env/1', 'warning'], ['/config/Env/2', 'warning']]);
    expect(find(r, 'oci/secret-in-env').every((f) => !f.evidence!.includes('Tr0ub4dor&3-horse-battery'))).toBe(true);
    expect(find(r, 'strings/shell-command').map((f) => f.location.pointer)).toEqual(['/config/Cmd']);
  });

  it('reports a layer the manifest names but the archive lacks as oci/missing-blob', async () => {
    const r = await fixture('malformed/missing-layer.tar');
    const [m, ...rest] = find(r, 'oci/missing-blob');
    expect(rest).toEqual([]);
    expect(m).toMatchObject({ severity: 'warning', location: { path: ['missing-layer.tar'] } });
    expect(m!.message).toContain('names the layer');
    expect(image(r)).toMatchObject({ missing: 1 });
  });
});

describe('oci: attack variants built in code', () => {
  const cfg = config();
  const lay = layer({ 'model/config.json': '{"a":1}' });

  it('flags a digest that climbs out of blobs/ as oci/invalid-digest and never resolves it to a member', async () => {
    const evil = { mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: 'sha256:../../../../etc/passwd', size: 10 };
    const m = manifest(cfg, [evil]);
    const r = await run(layoutTar([m], [m, cfg]));
    const bad = find(r, 'oci/invalid-digest');
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ severity: 'warning', location: { pointer: '/layers/0/digest' }, evidence: 'sha256:../../../../etc/passwd' });
    expect(find(r, 'oci/missing-blob')).toEqual([]);
  });

  it('flags docker-save Config and Layers paths that leave the archive as oci/unsafe-reference', async () => {
    const tar = buildTar({ members: [
      { name: 'manifest.json', data: json([{ Config: '/etc/passwd', RepoTags: ['x:1'], Layers: ['../../root/.ssh/id_rsa', 'ok/layer.tar'] }]) },
      { name: 'ok/layer.tar', data: buildTar({ members: [{ name: 'a.txt', data: 'hi' }] }) },
    ] });
    const r = await run(tar);
    expect(find(r, 'oci/unsafe-reference').map((f) => [f.location.pointer, f.evidence])).toEqual([
      ['/0/Config', '/etc/passwd'], ['/0/Layers/0', '../../root/.ssh/id_rsa']]);
    expect(find(r, 'oci/missing-blob')).toEqual([]);
  });

  it('flags a foreign layer fetched from a URL as oci/external-blob and does not call it missing', async () => {
    const foreign = { mediaType: 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip', digest: `sha256:${sha256('x')}`, size: 1,
      urls: ['http://203.0.113.9/layer.tar.gz'] };
    const m = manifest(cfg, [lay, foreign]);
    const r = await run(layoutTar([m], [m, cfg, lay]));
    expect(find(r, 'oci/external-blob')).toMatchObject([{ severity: 'warning', location: { pointer: '/layers/1/urls' }, evidence: 'http://203.0.113.9/layer.tar.gz' }]);
    expect(find(r, 'oci/missing-blob')).toEqual([]);
  });

  it('verifies a blob stored under another blob\'s name (content swapped, name kept) and reports the mismatch', async () => {
    const evil = layer({ 'model/extra.pkl': EVIL_PICKLE });
    const m = manifest(cfg, [lay]);
    const r = await run(layoutTar([m], [m, cfg, { ...evil, as: lay.digest.slice(7) }]));
    expect(find(r, 'oci/digest-mismatch')).toMatchObject([{ severity: 'warning', location: { pointer: `blobs/sha256/${lay.digest.slice(7)}` } }]);
    expect(find(r, 'pickle/dangerous-call')).toHaveLength(1);
  });

  it('stops at an index that names itself (a cycle) and still verifies every blob once', async () => {
    const m = manifest(cfg, [lay]);
    // An index blob listing the manifest and itself cannot name its own digest; one that names a second index naming the first can.
    const inner = blob(JSON.stringify({ schemaVersion: 2, manifests: [descriptor(m)] }), 'application/vnd.oci.image.index.v1+json');
    const r = await run(layoutTar([inner, inner, m], [inner, m, cfg, lay]));
    expect(aboveInfo(r)).toEqual([]);
    expect(image(r)).toMatchObject({ manifests: 1, digestsVerified: 4, digestMismatches: 0, missing: 0 });
  });

  it('reads a Docker schema-1 manifest\'s fsLayers and a docker manifest list', async () => {
    const s1 = blob(JSON.stringify({ schemaVersion: 1, name: 'x', tag: 'y', fsLayers: [{ blobSum: lay.digest }, { blobSum: 'sha256:zz' }] }), 'application/vnd.docker.distribution.manifest.v1+json');
    const r = await run(layoutTar([s1], [s1, lay]));
    expect(find(r, 'oci/invalid-digest')).toMatchObject([{ location: { pointer: '/fsLayers/1/blobSum' }, evidence: 'sha256:zz' }]);
    expect(image(r)).toMatchObject({ manifests: 1, missing: 0 });
    const m = manifest(cfg, [lay]);
    const list = blob(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.docker.distribution.manifest.list.v2+json',
      manifests: [descriptor(m, { platform: { architecture: 'amd64', os: 'linux' } })] }), 'application/vnd.docker.distribution.manifest.list.v2+json');
    const r2 = await run(layoutTar([list], [list, m, cfg]));
    expect(find(r2, 'oci/missing-blob')).toMatchObject([{ location: { pointer: `blobs/sha256/${lay.digest.slice(7)}` } }]);
    expect(r2.nodes.find((n) => n.path[1] === `blobs/sha256/${list.digest.slice(7)}`)?.notes?.ociKind).toBe('index');
  });

  it('reports a truncated index.json as malformed, not as a clean image', async () => {
    const tar = buildTar({ members: [{ name: 'oci-layout', data: '{"imageLayoutVersion":"1.0.0"}' },
      { name: 'index.json', data: '{"schemaVersion":2,"manifests":[{"digest":"sha256:' }] });
    const r = await run(tar);
    expect(find(r, 'format/malformed')[0]!.location.path).toEqual(['image.tar', 'index.json']);
    expect(r.complete).toBe(false);
    expect(image(r)).toMatchObject({ indexUnreadable: true });
  });

  it('does not claim ordinary JSON: a model config.json stays with the config scanner', async () => {
    const r = await scan(fromBytes(json({ architectures: ['X'], model_type: 'bert', layers: [1, 2] }), 'config.json'));
    expect(r.format).not.toBe('oci');
  });
});
