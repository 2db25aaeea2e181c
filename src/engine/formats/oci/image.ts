// A whole image inside one tar: an OCI image layout archived (`skopeo copy ... oci-archive:`, `tar -C
// layout .`) or a `docker save` tarball (legacy <id>/layer.tar + <hex>.json, or since Docker 25 an OCI
// layout with manifest.json beside index.json). The tar scanner hands over its members once the walk
// ended; every member was already scanned by content (layers as tar / tar.gz, configs by scanner.ts).
// What only the whole shows is judged here: blobs named by a manifest that are absent, and blobs whose
// bytes do not hash to their digest (image-spec descriptor.md "Verification": a consumer must verify).
// Members that may be image parts are hashed, and small documents kept, while the walk passes them
// (ImageCollector.member), so a streamed .tar.gz is never read backwards; each member is hashed at
// most once, so the bytes hashed are bounded by the archive's own size.
import { createSHA256, createSHA512 } from 'hash-wasm';
import type { JsonValue, ScanContext } from '../../types';
import { parseJson } from '../../io/json';
import { BLOB_PATH, blobPath, classify, parseDigest, staysInside, type OciDocument } from './parse';
import { MAX_OCI_JSON_BYTES } from './scanner';
import { isStream } from '../compressed/stream';
import { NameMap } from '../../io/name-map';
import { trimTrailingSlashes } from '../zip/paths';

/** A regular member of the tar, as the tar scanner listed it. */
export interface ImageMember { name: string; dataOffset: number; size: number; headerOffset: number }

/** Manifests and indexes followed from index.json: a real image has a handful; a cycle or a fan-out bomb stops here. */
const MAX_DOCUMENTS_FOLLOWED = 1000;
/** Bytes hashed per read: bounds the memory of verification. */
const HASH_CHUNK_BYTES = 8 * 1024 * 1024;
/** Documents (index, manifests, configs) kept from one walk for the audit: a real image has a few KB. */
const MAX_KEPT_DOCUMENT_BYTES = 32 * 1024 * 1024;
/**
 * Longest member name the image regexes look at (Linux's PATH_MAX): an extractor cannot write a longer
 * path, and image parts are short (blobs/sha512/<128 hex> is 141 characters), while a tar may name each
 * member with megabytes (pax).
 */
const MAX_IMAGE_NAME_CHARS = 4096;
/** Names that may be part of an image: hashed during the walk. */
const IMAGE_PART = /(?:^|\/)(?:blobs\/(?:sha256|sha512)\/[0-9a-f]+|[0-9a-f]{64}\.json|layer\.tar)$/;
/** Names that may hold an image document: kept during the walk when small. */
const DOCUMENT = /^(?:index\.json|manifest\.json|[0-9a-f]{64}\.json|blobs\/(?:sha256|sha512)\/[0-9a-f]+)$/;

/** Gathers a tar's members as the walk passes them, then judges the image they form (if any). */
export class ImageCollector {
  private readonly list: ImageMember[] = [];
  private readonly docs = new Map<ImageMember, Uint8Array>();
  private readonly hashes = new Map<ImageMember, string>();
  private keptBytes = 0;
  /** An image's root documents were seen: without one there is no image to audit. */
  private roots = false;

  /** Called for each regular member after its scan, while its bytes are still at hand. */
  async member(ctx: ScanContext, m: ImageMember): Promise<void> {
    this.list.push(m);
    if (m.name.length > MAX_IMAGE_NAME_CHARS) return;
    const name = clean(m.name);
    if (name === 'oci-layout' || name === 'index.json' || name === 'manifest.json') this.roots = true;
    if (DOCUMENT.test(name) && m.size <= MAX_OCI_JSON_BYTES && this.keptBytes + m.size <= MAX_KEPT_DOCUMENT_BYTES) {
      const first = m.size > 0 ? await ctx.read(m.dataOffset, 1) : new Uint8Array(0);
      if (first[0] === 0x7b || first[0] === 0x5b) { // '{' or '[': JSON, not a layer
        this.docs.set(m, await ctx.read(m.dataOffset, m.size));
        this.keptBytes += m.size;
      }
    }
    // A streamed tarball holds one window of maxMemberBytes: a larger member is gone once scanned.
    if (IMAGE_PART.test(name) && !(isStream(ctx.source) && m.size > ctx.budget.limits.maxMemberBytes)) {
      this.hashes.set(m, await digestOf(ctx, m, /(?:^|\/)blobs\/sha512\//.test(name) ? 'sha512' : 'sha256'));
    }
  }

  finish(ctx: ScanContext): Promise<void> {
    if (!this.roots) return Promise.resolve();
    return auditImage(ctx, this.list, this.docs, this.hashes);
  }
}

/** Where a blob was expected from, for the messages. */
interface Expected { path: string; digest?: string; kind: string; from: string; external: boolean }

const clean = (name: string) => trimTrailingSlashes(name.replace(/\\/g, '/').replace(/^(?:\.\/)+/, ''));

async function auditImage(ctx: ScanContext, list: readonly ImageMember[], docs: ReadonlyMap<ImageMember, Uint8Array>,
  hashes: ReadonlyMap<ImageMember, string>): Promise<void> {
  const members = new NameMap<ImageMember>(); // names may be megabytes long (io/name-map.ts)
  for (const m of list) members.set(clean(m.name), m); // extractors keep the last copy of a name
  const layout = members.has('oci-layout') || members.has('index.json');
  const saved = members.has('manifest.json');
  if (!layout && !saved) return;

  const expected: Expected[] = [];
  let manifests = 0;
  const readDoc = (m: ImageMember): OciDocument | null => {
    const bytes = docs.get(m);
    if (!bytes) return null;
    try {
      return classify(parseJson(bytes, { maxDepth: ctx.budget.limits.maxJsonDepth }).value);
    } catch {
      return null; // the member's own scan reports it malformed
    }
  };

  // image-layout.md: index.json → manifests (or nested indexes) → config + layers, all under blobs/.
  const index = members.get('index.json');
  const queue: Array<{ doc: OciDocument; from: string }> = [];
  const indexDoc = index ? readDoc(index) : null;
  if (indexDoc) queue.push({ doc: indexDoc, from: 'index.json' });
  const followed = new Set<string>();
  while (queue.length > 0 && followed.size < MAX_DOCUMENTS_FOLLOWED) {
    ctx.checkAborted();
    const { doc, from } = queue.shift()!;
    if (doc.kind === 'manifest') manifests++;
    for (const d of doc.descriptors) {
      const parsed = parseDigest(d.digest);
      if (!parsed) continue; // reported by the document's own scan
      const path = blobPath(parsed);
      expected.push({ path, digest: d.digest, kind: d.role, from, external: d.urls.length > 0 });
      const m = members.get(path);
      if (d.role === 'manifest' && m && !followed.has(path)) {
        followed.add(path);
        const child = readDoc(m);
        if (child && (child.kind === 'manifest' || child.kind === 'index')) queue.push({ doc: child, from: path });
      }
    }
  }

  // docker save: manifest.json names the config and the layers by path.
  const savedDoc = saved ? readDoc(members.get('manifest.json')!) : null;
  const legacyLayers: Array<{ path: string; diffId: string }> = [];
  if (savedDoc?.kind === 'docker-save') {
    for (const img of savedDoc.images) {
      if (img.config !== null && staysInside(img.config)) {
        const named = /(?:^|\/)([0-9a-f]{64})(?:\.json)?$/.exec(img.config);
        expected.push({ path: clean(img.config), kind: 'config', from: 'manifest.json', external: false,
          ...(named ? { digest: `sha256:${named[1]}` } : {}) });
      }
      const configMember = img.config !== null ? members.get(clean(img.config)) : undefined;
      const config = configMember ? readDoc(configMember) : null;
      const diffIds = config?.config?.diffIds ?? [];
      img.layers.forEach((l, i) => {
        if (!staysInside(l)) return; // reported by manifest.json's own scan
        expected.push({ path: clean(l), kind: 'layer', from: 'manifest.json', external: false });
        // Legacy layers (<id>/layer.tar) are stored uncompressed: their digest is the config's diff_id.
        const diffId = diffIds[i];
        if (diffId !== undefined && diffIds.length === img.layers.length && !BLOB_PATH.test(clean(l))) legacyLayers.push({ path: clean(l), diffId });
      });
    }
  }

  // Missing pieces: each path once, from the first document that names it.
  const reported = new Set<string>();
  let missing = 0;
  for (const e of expected) {
    if (members.has(e.path) || e.external || reported.has(e.path)) continue;
    reported.add(e.path);
    missing++;
    ctx.report({ ruleId: 'oci/missing-blob', message: `${e.from} names the ${e.kind} "${e.path}", which is not in the archive`,
      pointer: e.path, ...(e.digest ? { evidence: e.digest } : {}) });
  }

  // Digests: every blob under blobs/<alg>/ is named by its digest; configs and legacy layers by a manifest.
  const checks = new Map<ImageMember, { digest: string; path: string }>();
  for (const [name, m] of members) {
    const b = BLOB_PATH.exec(name);
    if (b) checks.set(m, { digest: `${b[1]}:${b[2]}`, path: name });
  }
  for (const e of expected) {
    const m = members.get(e.path);
    if (m && e.digest && !checks.has(m)) checks.set(m, { digest: e.digest, path: e.path });
  }
  for (const l of legacyLayers) {
    const m = members.get(l.path);
    if (m && !checks.has(m)) checks.set(m, { digest: l.diffId, path: l.path });
  }
  let verified = 0, mismatched = 0, unverified = 0;
  for (const [m, c] of checks) {
    const d = parseDigest(c.digest);
    if (!d?.verifiable) continue;
    const actual = hashes.get(m);
    if (actual === undefined || actual.length !== d.encoded.length) { unverified++; continue; }
    verified++;
    if (actual !== d.encoded) {
      mismatched++;
      ctx.report({ ruleId: 'oci/digest-mismatch', message: `"${c.path}" hashes to ${d.algorithm}:${actual.slice(0, 16)}…, not to its digest ${c.digest}`,
        pointer: c.path, offset: m.headerOffset, evidence: `${d.algorithm}:${actual}` });
    }
  }
  const summary: { [k: string]: JsonValue } = { layout, dockerSave: savedDoc?.kind === 'docker-save', manifests,
    blobsExpected: new Set(expected.map((e) => e.path)).size, missing, digestsVerified: verified, digestMismatches: mismatched };
  if (unverified > 0) summary.digestsUnverified = unverified;
  if (index && !indexDoc) summary.indexUnreadable = true;
  ctx.note('image', summary);
}

async function digestOf(ctx: ScanContext, m: ImageMember, algorithm: 'sha256' | 'sha512'): Promise<string> {
  const hasher = algorithm === 'sha256' ? await createSHA256() : await createSHA512();
  hasher.init();
  for (let off = 0; off < m.size; off += HASH_CHUNK_BYTES) {
    const chunk = await ctx.read(m.dataOffset + off, Math.min(HASH_CHUNK_BYTES, m.size - off));
    if (chunk.length === 0) break; // the tar walk already reported a member cut short
    hasher.update(chunk);
  }
  return hasher.digest('hex');
}
