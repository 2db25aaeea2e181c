// OCI image layouts and docker-save tarballs built in code for attack variants: every digest, path and
// descriptor a test may want to lie about is set by the caller. Real, tool-made images live in fixtures/oci.
import { createHash } from 'node:crypto';
import { gzipSync } from 'fflate';
import { encodeUtf8 } from '../../src/engine/io/text';
import { buildTar, type TarMemberSpec } from './tar';

export const sha256 = (b: Uint8Array | string) => createHash('sha256').update(typeof b === 'string' ? encodeUtf8(b) : b).digest('hex');
export const json = (v: unknown) => encodeUtf8(JSON.stringify(v));

export interface Blob { bytes: Uint8Array; digest: string; size: number; mediaType: string }

export function blob(bytes: Uint8Array | string, mediaType: string): Blob {
  const b = typeof bytes === 'string' ? encodeUtf8(bytes) : bytes;
  return { bytes: b, digest: `sha256:${sha256(b)}`, size: b.length, mediaType };
}

/** A gzip'd tar layer of the given files. */
export function layer(files: Record<string, Uint8Array | string>): Blob {
  const tar = buildTar({ members: Object.entries(files).map(([name, data]) => ({ name, data })) });
  return blob(gzipSync(tar, { mtime: 0 }), 'application/vnd.oci.image.layer.v1.tar+gzip');
}

export function config(extra: Record<string, unknown> = {}): Blob {
  return blob(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] }, ...extra }),
    'application/vnd.oci.image.config.v1+json');
}

export const descriptor = (b: Blob, extra: Record<string, unknown> = {}) => ({ mediaType: b.mediaType, digest: b.digest, size: b.size, ...extra });

export function manifest(cfg: Blob, layers: Array<Blob | Record<string, unknown>>): Blob {
  return blob(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: descriptor(cfg),
    layers: layers.map((l) => ('bytes' in l ? descriptor(l as Blob) : l)) }), 'application/vnd.oci.image.manifest.v1+json');
}

export function index(manifests: Array<Blob | Record<string, unknown>>): Uint8Array {
  return json({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: manifests.map((m) => ('bytes' in m ? descriptor(m as Blob) : m)) });
}

/** An OCI layout tar: oci-layout, index.json (over `top`) and each blob under blobs/sha256/<its digest or `as`>. */
export function layoutTar(top: Array<Blob | Record<string, unknown>>, blobs: Array<Blob & { as?: string }>,
  extra: TarMemberSpec[] = []): Uint8Array {
  return buildTar({ members: [
    { name: 'oci-layout', data: '{"imageLayoutVersion":"1.0.0"}' },
    { name: 'index.json', data: index(top) },
    ...blobs.map((b) => ({ name: `blobs/sha256/${b.as ?? b.digest.slice(7)}`, data: b.bytes })),
    ...extra,
  ] });
}
