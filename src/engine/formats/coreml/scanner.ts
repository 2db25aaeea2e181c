// Core ML: the model specification protobuf (.mlmodel, alone or as the root model of an .mlpackage
// folder), the package's Manifest.json and its ML Program weight file (weights/weight.bin). Custom
// layers and custom models name a class the app must provide and Core ML instantiates (code outside
// the file: WARNING); linked models load another compiled model by path; ML Program constants live
// in the weight file at offsets the spec names (checked across files by folder.ts); metadata and
// string parameters go through the detectors. Formats: spec.ts and package.ts.
import type { JsonValue, ScanContext, Scanner } from '../../types';
import { clip } from '../../io/text';
import { fromBytes } from '../../io/byte-source';
import { parseJson, pointerToken } from '../../io/json';
import {
  BLOB_HEADER_BYTES, BLOB_METADATA_BYTES, MAX_BLOBS, blobFilePath, leavesBase, nextMetadataOffset,
  readBlobHeader, readBlobMetadata, readManifest,
} from './package';
import { coremlSniffer, type Kind } from './sniff';

/** Bytes of spec read: neural-network specs hold their weights inline, so this is generous. */
export const MAX_SPEC_BYTES = 256 * 1024 * 1024;
/** Bytes of Manifest.json read: coremltools writes a few hundred. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;
/** Findings per kind before the rest are counted. */
const MAX_REPORTED = 64;
/** Blob offsets noted for the folder check (one per weight tensor of the program). */
export const MAX_NOTED_BLOBS = 100_000;
/** Zero padding up to the 64-byte alignment is ordinary after the last blob. */
const BLOB_ALIGNMENT_SLACK = 64;

function escapes(path: string): boolean {
  return path.split(':').some((p) => /^(?:\/|~)/.test(p) || /(?:^|\/)\.\.(?:\/|$)/.test(p));
}

async function scanSpec(ctx: ScanContext<Kind>): Promise<void> {
  const size = ctx.source.size;
  if (size > MAX_SPEC_BYTES) { ctx.limited(`model of ${size} bytes is over the ${MAX_SPEC_BYTES}-byte limit; it was not read`); return; }
  const bytes = await ctx.read(0, size);
  const { parseSpec } = await import('./spec'); // the generated decoders load with the first Core ML file
  const spec = await parseSpec(bytes, () => ctx.checkAborted());
  let reported = 0;
  for (const f of spec.found) {
    if (reported++ >= MAX_REPORTED) { ctx.limited(`${spec.found.length - MAX_REPORTED} further custom or linked models not listed`); break; }
    const cls = clip(f.className, 120);
    if (f.kind === 'custom-layer') {
      ctx.report({ ruleId: 'coreml/custom-layer', pointer: f.pointer, evidence: `className=${cls}`,
        message: `Layer "${clip(f.detail, 80)}" is a custom layer implemented by the app class "${cls}"` });
    } else if (f.kind === 'custom-model') {
      ctx.report({ ruleId: 'coreml/custom-model', pointer: f.pointer, evidence: `className=${cls}`,
        message: `The model is a custom model implemented by the app class "${cls}"` });
    } else {
      // Core ML joins the search path and the file name: either one can climb out of the bundle.
      const bad = escapes(f.detail) || escapes(f.className);
      ctx.report({ ruleId: 'coreml/linked-model', pointer: f.pointer, evidence: clip(`${f.className} in ${f.detail || '.'}`, 200),
        ...(bad ? { severity: 'warning' as const, severityReason: 'the linked model\'s path leaves the app bundle' } : {}),
        message: `The model links to the compiled model "${cls}"${bad ? ` searched for in "${clip(f.detail || '.', 120)}", outside the bundle` : ''}` });
      if (f.className) ctx.inspectString(f.className, { pointer: f.pointer, key: 'linkedModelFileName' });
    }
    if (f.detail) ctx.inspectString(f.detail, { pointer: f.pointer });
  }
  for (const s of spec.strings) ctx.inspectString(s.text, { pointer: s.pointer, key: s.pointer.split('/').pop(), ...(s.documentation ? { documentation: true } : {}) });

  // ML Program constants: blob files named relative to @model_path (the spec's folder).
  const files = new Map<string, number[]>();
  let escaped = 0;
  for (const r of spec.blobRefs) {
    const rel = blobFilePath(r.fileName);
    if (rel === null) {
      if (escaped++ < MAX_REPORTED) {
        ctx.report({ ruleId: 'coreml/path-escape', pointer: r.pointer, evidence: clip(r.fileName, 200),
          message: `An ML Program constant is read from "${clip(r.fileName, 120)}", outside the model package` });
      }
      continue;
    }
    const list = files.get(rel) ?? [];
    list.push(r.offset);
    files.set(rel, list);
  }
  if (files.size) {
    ctx.note('references', [...files.keys()].map((path) => ({ path, kind: 'weight file' })));
    ctx.note('blobReferences', [...files].map(([path, offsets]) => ({ path, offsets: [...new Set(offsets)].sort((a, b) => a - b) })));
  }
  if (spec.blobRefsDropped) ctx.limited(`${spec.blobRefsDropped} further ML Program weight references were not checked`);

  for (const p of spec.payloads) {
    if (p.pointer.endsWith('/serializedModel')) {
      ctx.report({ ruleId: 'coreml/serialized-model', pointer: p.pointer, evidence: clip(`identifier=${p.identifier}, ${p.bytes.length} bytes`, 200),
        message: `The model is a serialized model "${clip(p.identifier, 80)}" of ${p.bytes.length} bytes in a format the specification does not describe` });
      if (p.identifier) ctx.inspectString(p.identifier, { pointer: p.pointer, key: 'identifier' });
    }
    if (p.bytes.length) await ctx.scanChild(p.pointer, fromBytes(p.bytes, p.pointer.split('/').pop()));
  }
  ctx.note('specificationVersion', spec.version);
  ctx.note('modelTypes', spec.modelTypes.slice(0, 64));
  ctx.note('layers', spec.layers);
  if (spec.operations) {
    ctx.note('operations', spec.operations);
    ctx.note('operationTypes', Object.fromEntries([...spec.opTypes].sort((a, b) => b[1] - a[1]).slice(0, MAX_REPORTED)));
  }
}

async function scanManifest(ctx: ScanContext<Kind>): Promise<void> {
  const size = ctx.source.size;
  if (size > MAX_MANIFEST_BYTES) { ctx.limited(`Manifest.json of ${size} bytes is over the ${MAX_MANIFEST_BYTES}-byte limit; it was not read`); return; }
  const m = readManifest(parseJson(await ctx.read(0, size), { maxDepth: ctx.budget.limits.maxJsonDepth }).value);
  const refs: JsonValue[] = [];
  for (const item of m.items) {
    const pointer = `/itemInfoEntries/${pointerToken(item.id)}`;
    // Item paths are relative to the package's Data folder (ModelPackage.cpp).
    if (leavesBase(item.path)) {
      ctx.report({ ruleId: 'coreml/path-escape', pointer: `${pointer}/path`, evidence: clip(item.path, 200),
        message: `Manifest item "${clip(item.name || item.id, 80)}" points at "${clip(item.path, 120)}", outside the package` });
    } else if (item.isRoot && item.path) refs.push({ path: `Data/${item.path}`, kind: 'root model' });
    for (const k of ['name', 'author', 'description'] as const) if (item[k]) ctx.inspectString(item[k], { pointer: `${pointer}/${k}`, key: k, ...(k === 'description' ? { documentation: true } : {}) });
  }
  if (m.rootId && !m.items.some((i) => i.isRoot)) ctx.note('rootModelMissing', m.rootId);
  if (refs.length) ctx.note('references', refs);
  ctx.note('items', m.items.map((i) => ({ path: i.path, author: i.author, description: i.description, isRoot: i.isRoot })).slice(0, MAX_REPORTED));
}

async function scanWeights(ctx: ScanContext<Kind>): Promise<void> {
  const size = ctx.source.size;
  const header = readBlobHeader(await ctx.read(0, Math.min(size, BLOB_HEADER_BYTES)));
  const offsets: number[] = [];
  let at = BLOB_HEADER_BYTES;
  let end = at;
  const walk = Math.min(header.count, MAX_BLOBS);
  for (let i = 0; i < walk; i++) {
    if ((i & 1023) === 0) ctx.checkAborted();
    const m = readBlobMetadata(await ctx.read(at, Math.min(BLOB_METADATA_BYTES, Math.max(0, size - at))), at, size);
    if (offsets.length < MAX_NOTED_BLOBS) offsets.push(at);
    end = m.offset + m.size;
    at = nextMetadataOffset(m);
  }
  if (header.count > MAX_BLOBS) ctx.limited(`${header.count - MAX_BLOBS} of ${header.count} blobs past the first ${MAX_BLOBS} were not checked`);
  ctx.note('blobCount', header.count);
  ctx.note('blobOffsets', offsets);
  if (offsets.length < Math.min(header.count, MAX_BLOBS)) ctx.note('blobOffsetsTruncated', true);
  // Bytes after the last blob are no part of the format: hand them to the generic sweep.
  if (header.count <= MAX_BLOBS && end < size && size - end >= BLOB_ALIGNMENT_SLACK) {
    ctx.note('trailingBytes', size - end);
    await ctx.scanChild('trailing', ctx.source.slice(end, size, 'trailing'));
  }
}

async function scan(ctx: ScanContext<Kind>): Promise<void> {
  if (ctx.state === 'manifest') return scanManifest(ctx);
  if (ctx.state === 'weights') return scanWeights(ctx);
  return scanSpec(ctx);
}

export const coremlScanner: Scanner<Kind> = {
  ...coremlSniffer,
  scan,
};
