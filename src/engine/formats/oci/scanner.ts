// OCI / Docker image documents one at a time: oci-layout, index.json (and docker manifest lists),
// image manifests, image configs and `docker save` manifest.json. What each references is noted
// (`references`, with the digest each blob must have) so the folder checks can resolve the pieces;
// digests that break the grammar, paths that leave the image and blobs fetched from URLs are judged
// here; the config's Env, Entrypoint, Cmd, Labels and history go through the string detectors.
// The whole image (blobs present, digests verified) is judged where all of it is visible: image.ts
// inside a tar, folder.ts across a dropped folder.
import type { JsonValue, ScanContext, Scanner } from '../../types';
import { inspectText } from '../../detectors/strings';
import { maskSecret } from '../../detectors/secrets';
import { BLOB_PATH, blobPath, parseDigest, parseOciDocument, staysInside, type ImageConfig, type OciDocument } from './parse';
import { ociSniffer, type OciState } from './sniff';

/** Image documents are small (a config with a long history is a few hundred KB): refuse more. */
export const MAX_OCI_JSON_BYTES = 16 * 1024 * 1024;
/** Entries of the `references` / `descriptors` notes kept per document: bounds the report. */
const MAX_NOTED_REFERENCES = 1000;

export const ociScanner: Scanner<OciState> = { ...ociSniffer, scan: scanOci };

/** One referenced piece, relative to the referencing file's folder (for the folder checks). */
interface Reference { path: string; kind: string; digest?: string }

async function scanOci(ctx: ScanContext<OciState>): Promise<void> {
  const size = ctx.source.size;
  if (size > MAX_OCI_JSON_BYTES) {
    ctx.report({ ruleId: 'scan/limit-reached', message: `The ${size}-byte image document is above the ${MAX_OCI_JSON_BYTES}-byte limit; it was not parsed` });
    ctx.limited('image document above MAX_OCI_JSON_BYTES');
    return;
  }
  const doc = parseOciDocument(await ctx.read(0, size), ctx.budget.limits.maxJsonDepth);
  ctx.note('ociKind', doc.kind);
  const refs: Reference[] = [];
  if (doc.kind === 'layout') ctx.note('imageLayoutVersion', doc.layoutVersion);
  else if (doc.kind === 'docker-save') judgeSaved(ctx, doc, refs);
  else if (doc.kind === 'config' && doc.config) judgeConfig(ctx, doc.config);
  else judgeDescriptors(ctx, doc, refs);
  if (refs.length) {
    ctx.note('references', refs.slice(0, MAX_NOTED_REFERENCES) as unknown as JsonValue);
    if (refs.length > MAX_NOTED_REFERENCES) ctx.note('referencesTruncated', true);
  }
}

/** Where blobs this document names live, relative to its own folder: siblings when it is a blob itself. */
function blobPrefix(ctx: ScanContext): string | null {
  const self = (ctx.path[ctx.path.length - 1] ?? '').replace(/\\/g, '/');
  if (BLOB_PATH.test(self)) return '../../';
  // index.json sits at the layout root; a manifest elsewhere (a registry download) has no layout.
  return ctx.head.name.toLowerCase() === 'index.json' ? '' : null;
}

function judgeDescriptors(ctx: ScanContext, doc: OciDocument, refs: Reference[]): void {
  const prefix = blobPrefix(ctx);
  const noted: JsonValue[] = [];
  for (const d of doc.descriptors) {
    ctx.checkAborted();
    if (noted.length < MAX_NOTED_REFERENCES) noted.push({ role: d.role, mediaType: d.mediaType, digest: d.digest, size: d.size });
    const parsed = parseDigest(d.digest);
    if (!parsed) {
      ctx.report({ ruleId: 'oci/invalid-digest', message: `The ${d.role} descriptor's digest does not follow the algorithm:encoded grammar`,
        pointer: d.digestPointer, evidence: d.digest });
    } else if (prefix !== null) {
      refs.push({ path: prefix + blobPath(parsed), kind: `image ${d.role}`, digest: d.digest });
    }
    for (const url of d.urls) {
      ctx.report({ ruleId: 'oci/external-blob', message: `The ${d.role} ${d.digest} is fetched from an external URL, not shipped in the image`,
        pointer: `${d.pointer}/urls`, evidence: url });
      ctx.inspectString(url, { pointer: `${d.pointer}/urls` });
    }
    for (const a of d.annotations) ctx.inspectString(a.value, { pointer: a.pointer, key: a.key });
  }
  ctx.note('descriptors', noted);
  const config = doc.descriptors.find((d) => d.role === 'config');
  if (config) ctx.note('configDigest', config.digest);
  ctx.note('layers', doc.descriptors.filter((d) => d.role === 'layer').length);
}

function judgeSaved(ctx: ScanContext, doc: OciDocument, refs: Reference[]): void {
  const tags: string[] = [];
  for (const img of doc.images) {
    const paths = [...(img.config !== null ? [{ p: img.config, kind: 'image config', pointer: `${img.pointer}/Config` }] : []),
      ...img.layers.map((p, i) => ({ p, kind: 'image layer', pointer: `${img.pointer}/Layers/${i}` }))];
    for (const { p, kind, pointer } of paths) {
      if (!staysInside(p)) {
        ctx.report({ ruleId: 'oci/unsafe-reference', message: `The ${kind} path "${p}" leaves the image archive`, pointer, evidence: p });
        continue;
      }
      // moby writes configs as <hex>.json and, since Docker 25, blobs/sha256/<hex>: both name their digest.
      const named = /(?:^|\/)(?:blobs\/sha256\/)?([0-9a-f]{64})(?:\.json)?$/.exec(p);
      refs.push(named ? { path: p, kind, digest: `sha256:${named[1]}` } : { path: p, kind });
    }
    for (const [i, t] of img.repoTags.entries()) {
      tags.push(t);
      ctx.inspectString(t, { pointer: `${img.pointer}/RepoTags/${i}` });
    }
  }
  ctx.note('images', doc.images.length);
  if (tags.length) ctx.note('repoTags', tags.slice(0, MAX_NOTED_REFERENCES));
}

/** Names of variables that carry credentials; *_FILE variants point at a mounted secret instead. */
const SECRET_ENV_NAME = /(?:PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?)(?!.*_FILE$)/i;
/** Values that are no credential: empty, a placeholder, a variable, a path to a mounted secret. */
const NOT_A_VALUE = /^(?:|changeme|change_me|none|null|false|true|\$\{?\w+\}?|<[^>]*>|\/\S*)$/i;

function judgeConfig(ctx: ScanContext, c: ImageConfig): void {
  for (const e of c.env) {
    const eq = e.text.indexOf('=');
    const key = eq < 0 ? e.text : e.text.slice(0, eq);
    const value = eq < 0 ? '' : e.text.slice(eq + 1);
    if (SECRET_ENV_NAME.test(key) && !/_FILE$/i.test(key) && value.length >= 6 && !NOT_A_VALUE.test(value.trim())) {
      ctx.report({ ruleId: 'oci/secret-in-env', message: `The image sets ${key.slice(0, 64)} in its environment`,
        pointer: e.pointer, evidence: `${key.slice(0, 64)}=${maskSecret(value)}` });
    }
    ctx.inspectString(e.text, { pointer: e.pointer, key });
  }
  // Entrypoint and Cmd run in every container started from the image: full severity.
  for (const t of [c.entrypoint, c.cmd]) if (t) ctx.inspectString(t.text, { pointer: t.pointer });
  for (const l of c.labels) ctx.inspectString(l.text, { pointer: l.pointer, key: l.key });
  // History lines are the build's commands: shell by nature, already run when the image was built.
  for (const h of c.history) {
    for (const hit of inspectText(h.text.slice(0, ctx.budget.limits.maxStringBytes))) {
      ctx.report({ ruleId: hit.ruleId, message: `Build step: ${hit.message}`, pointer: h.pointer, evidence: hit.evidence,
        severity: 'info', severityReason: 'a build step recorded in the image history: it ran when the image was built, not when it runs' });
    }
  }
  if (c.entrypoint) ctx.note('entrypoint', c.entrypoint.text.slice(0, 1000));
  if (c.cmd) ctx.note('cmd', c.cmd.text.slice(0, 1000));
  if (c.user !== null) ctx.note('user', c.user);
  ctx.note('historySteps', c.history.length);
  ctx.note('diffIds', c.diffIds.length);
}
