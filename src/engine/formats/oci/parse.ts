// OCI / Docker image documents: which kind a parsed JSON value is and what it references. Pure data,
// no findings. Specs: opencontainers/image-spec image-layout.md (oci-layout, index.json,
// blobs/<alg>/<encoded>), image-index.md, manifest.md, descriptor.md (digest grammar), config.md;
// Docker Image Manifest V2 schema 2 / manifest list and schema 1 (fsLayers[].blobSum); moby
// image/tarexport (docker save: manifest.json = [{Config, RepoTags, Layers}]).
import { FormatError, type JsonValue } from '../../types';
import { isJsonObject, parseJson, pointerToken } from '../../io/json';

export type OciKind = 'layout' | 'index' | 'manifest' | 'docker-save' | 'config';

export type BlobRole = 'manifest' | 'config' | 'layer';

/** A content descriptor (descriptor.md): what a manifest or index points at. */
export interface Descriptor {
  role: BlobRole;
  mediaType: string;
  digest: string;
  size: number | null;
  urls: string[];
  pointer: string;
  /** JSON pointer of the digest itself ("digest", or schema 1's "blobSum"). */
  digestPointer: string;
  annotations: Array<{ key: string; value: string; pointer: string }>;
}

/** One image of a `docker save` manifest.json: paths relative to the archive root. */
export interface SavedImage {
  config: string | null;
  layers: string[];
  repoTags: string[];
  pointer: string;
}

export interface TextAt { text: string; pointer: string }

export interface ImageConfig {
  env: TextAt[];
  entrypoint: TextAt | null;
  cmd: TextAt | null;
  history: TextAt[];
  labels: Array<TextAt & { key: string }>;
  diffIds: string[];
  user: string | null;
}

export interface OciDocument {
  kind: OciKind;
  descriptors: Descriptor[];
  images: SavedImage[];
  config: ImageConfig | null;
  layoutVersion: string | null;
}

/**
 * descriptor.md: digest ::= algorithm ":" encoded; algorithm ::= component (separator component)*;
 * component ::= [a-z0-9]+; separator ::= [+._-]; encoded ::= [a-zA-Z0-9=_-]+. Registered algorithms
 * fix the encoded form: sha256 is 64, sha512 128 lower-case hex characters.
 */
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const HEX_LENGTH: Record<string, number> = { sha256: 64, sha512: 128 };

export interface ParsedDigest { algorithm: string; encoded: string; verifiable: boolean }

/** null when the digest breaks the grammar (or a registered algorithm's encoding). */
export function parseDigest(d: string): ParsedDigest | null {
  if (d.length > 1024 || !DIGEST.test(d)) return null;
  const colon = d.indexOf(':');
  const algorithm = d.slice(0, colon), encoded = d.slice(colon + 1);
  const hexLength = HEX_LENGTH[algorithm];
  if (hexLength !== undefined) {
    if (encoded.length !== hexLength || !/^[0-9a-f]+$/.test(encoded)) return null;
    return { algorithm, encoded, verifiable: true };
  }
  return { algorithm, encoded, verifiable: false };
}

/** image-layout.md: a blob's path relative to the layout root. Only for a digest parseDigest accepted. */
export function blobPath(d: ParsedDigest): string {
  return `blobs/${d.algorithm}/${d.encoded}`;
}

/** A blob path inside a layout: blobs/<alg>/<encoded>, anywhere in a longer path. */
export const BLOB_PATH = /(?:^|\/)blobs\/(sha256|sha512)\/([0-9a-f]{64}|[0-9a-f]{128})$/;

/** Cap on descriptors, images, env entries and history lines kept from one document. */
export const MAX_OCI_ITEMS = 10_000;

const str = (v: JsonValue | undefined): string | null => (typeof v === 'string' ? v : null);
const ptr = (base: string, key: string | number) => `${base}/${pointerToken(String(key))}`;

function list(v: JsonValue | undefined): JsonValue[] {
  return Array.isArray(v) ? v.slice(0, MAX_OCI_ITEMS) : [];
}

function descriptor(v: JsonValue | undefined, role: BlobRole, pointer: string): Descriptor | null {
  if (!isJsonObject(v)) return null;
  const digest = str(v.digest);
  if (digest === null) return null;
  const size = typeof v.size === 'number' && Number.isSafeInteger(v.size) && v.size >= 0 ? v.size : null;
  const urls = list(v.urls).filter((u): u is string => typeof u === 'string');
  const annotations: Descriptor['annotations'] = [];
  if (isJsonObject(v.annotations)) {
    for (const [key, value] of Object.entries(v.annotations).slice(0, MAX_OCI_ITEMS)) {
      if (typeof value === 'string') annotations.push({ key, value, pointer: ptr(ptr(pointer, 'annotations'), key) });
    }
  }
  return { role, mediaType: str(v.mediaType) ?? '', digest, size, urls, pointer, digestPointer: `${pointer}/digest`, annotations };
}

function textOf(v: JsonValue | undefined, pointer: string): TextAt | null {
  if (typeof v === 'string') return { text: v, pointer };
  if (Array.isArray(v) && v.length > 0) {
    return { text: v.slice(0, MAX_OCI_ITEMS).filter((x) => typeof x === 'string').join(' '), pointer };
  }
  return null;
}

function imageConfig(v: { [k: string]: JsonValue }): ImageConfig {
  // config.md: runtime settings live under "config" (docker also writes "container_config").
  const rc = isJsonObject(v.config) ? v.config : {};
  const env = list(rc.Env).flatMap((e, i) => (typeof e === 'string' ? [{ text: e, pointer: `/config/Env/${i}` }] : []));
  const history = list(v.history).flatMap((h, i) =>
    isJsonObject(h) && typeof h.created_by === 'string' ? [{ text: h.created_by, pointer: `/history/${i}/created_by` }] : []);
  const labels = isJsonObject(rc.Labels)
    ? Object.entries(rc.Labels).slice(0, MAX_OCI_ITEMS).flatMap(([key, value]) =>
      typeof value === 'string' ? [{ key, text: value, pointer: ptr('/config/Labels', key) }] : [])
    : [];
  const rootfs = isJsonObject(v.rootfs) ? v.rootfs : {};
  return {
    env, history, labels,
    entrypoint: textOf(rc.Entrypoint, '/config/Entrypoint'),
    cmd: textOf(rc.Cmd, '/config/Cmd'),
    diffIds: list(rootfs.diff_ids).filter((d): d is string => typeof d === 'string'),
    user: str(rc.User),
  };
}

/** Which kind of image document a JSON value is, and its references; null when it is none. */
export function classify(v: JsonValue): OciDocument | null {
  const doc: OciDocument = { kind: 'config', descriptors: [], images: [], config: null, layoutVersion: null };
  if (Array.isArray(v)) {
    // docker save manifest.json: a list of images, each {Config, RepoTags, Layers}.
    if (v.length === 0 || !v.every((x) => isJsonObject(x) && Array.isArray(x.Layers))) return null;
    doc.kind = 'docker-save';
    doc.images = v.slice(0, MAX_OCI_ITEMS).map((x, i) => {
      const o = x as { [k: string]: JsonValue };
      return {
        config: str(o.Config), pointer: `/${i}`,
        layers: list(o.Layers).filter((l): l is string => typeof l === 'string'),
        repoTags: list(o.RepoTags).filter((t): t is string => typeof t === 'string'),
      };
    });
    return doc;
  }
  if (!isJsonObject(v)) return null;
  if (typeof v.imageLayoutVersion === 'string') {
    doc.kind = 'layout';
    doc.layoutVersion = v.imageLayoutVersion;
    return doc;
  }
  if (v.schemaVersion === 2 && Array.isArray(v.manifests)) {
    // image-index.md / docker manifest list: each entry is a manifest (or a nested index).
    doc.kind = 'index';
    doc.descriptors = list(v.manifests).flatMap((m, i) => descriptor(m, 'manifest', `/manifests/${i}`) ?? []);
    return doc;
  }
  if (v.schemaVersion === 2 && (Array.isArray(v.layers) || isJsonObject(v.config))) {
    doc.kind = 'manifest';
    const config = descriptor(v.config, 'config', '/config');
    if (config) doc.descriptors.push(config);
    doc.descriptors.push(...list(v.layers).flatMap((l, i) => descriptor(l, 'layer', `/layers/${i}`) ?? []));
    return doc;
  }
  if (v.schemaVersion === 1 && Array.isArray(v.fsLayers)) {
    // Docker schema 1: layers as fsLayers[].blobSum, newest first; no config blob.
    doc.kind = 'manifest';
    doc.descriptors = list(v.fsLayers).flatMap((l, i) => (isJsonObject(l) && typeof l.blobSum === 'string'
      ? [{ role: 'layer' as const, mediaType: '', digest: l.blobSum, size: null, urls: [], pointer: `/fsLayers/${i}`, digestPointer: `/fsLayers/${i}/blobSum`, annotations: [] }]
      : []));
    return doc;
  }
  if (isJsonObject(v.rootfs) || (typeof v.architecture === 'string' && typeof v.os === 'string')) {
    doc.kind = 'config';
    doc.config = imageConfig(v);
    return doc;
  }
  return null;
}

/** Parses and classifies one document; FormatError when it is not JSON or not an image document. */
export function parseOciDocument(bytes: Uint8Array, maxDepth: number): OciDocument {
  const { value } = parseJson(bytes, { maxDepth });
  const doc = classify(value);
  if (!doc) throw new FormatError('the JSON is not an OCI/Docker image document (layout, index, manifest, config or docker-save manifest)');
  return doc;
}

/** A relative path that stays inside its folder (no absolute path, no drive, no "..", no backslash games). */
export function staysInside(path: string): boolean {
  if (path === '' || path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:/.test(path)) return false;
  return !path.split(/[\\/]/).some((s) => s === '..');
}
