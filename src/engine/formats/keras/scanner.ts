// Keras scanners. kerasH5Scanner: any HDF5 file (Keras 2/legacy .h5 models, the weights file inside
// a .keras, plain HDF5 data); its structure is walked through h5wasm and every string attribute
// inspected, Keras's model_config/training_config judged. kerasZipScanner: Keras 3 .keras archives on
// top of the generic zip scanner (archive checks, every member through scanChild); config.json comes
// back to it as a child with hint 'keras-config' and is judged as a Keras config.
import type { JsonValue, OpenContext, OpenedChild, ScanContext, Scanner } from '../../types';
import { FormatError } from '../../types';
import { fromBytes } from '../../io/byte-source';
import { clip, utf8 } from '../../io/text';
import { parseJson, parseJsonText, isJsonObject } from '../../io/json';
import { listZip, readMember, type ZipEntry } from '../../containers/zip';
import { countedSource } from '../zip/members';
import { scanZipListing, type MemberRoute } from '../zip/scanner';
import { openZipChild } from '../zip/open';
import { readHdf5, type H5Structure } from './hdf5';
import { judgeExternalName, type ExternalData } from './external-data';
import { pickleStartsAt } from '../pickle/nested';
import { hdf5WeightStats, weightsRequest } from './weights';
import { judgeKerasConfig, torchModuleBytes, type KerasConfigSummary } from './judge';
import { CONFIG_HINT, KERAS_MEMBERS, hdf5Offset, kerasH5Sniffer, kerasZipSniffer, type KerasZipState } from './sniff';

/** Root attributes Keras writes and judges as configs (legacy_h5_format.save_model_to_hdf5). */
const CONFIG_ATTRS = ['model_config', 'training_config'];
/** metadata.json of a .keras is ~100 bytes; anything past this is not Keras's. */
const MAX_METADATA_BYTES = 1024 * 1024;
/** What a recorded keras_version may look like before it is carried in a hint. */
const VERSION_TOKEN = /^[0-9A-Za-z.+-]{1,40}$/;

async function scanH5(ctx: ScanContext): Promise<void> {
  const at = hdf5Offset(ctx.head.bytes);
  if (at > 0) ctx.note('userBlockBytes', at);
  const externalData: ExternalData[] = [];
  let h5: H5Structure;
  try {
    h5 = await readHdf5(ctx.source, ctx.checkAborted, weightsRequest(ctx), externalData);
  } finally {
    reportExternalData(ctx, externalData); // known from the pre-check even when libhdf5 then fails
  }
  ctx.note('groups', h5.groups);
  ctx.note('datasets', h5.datasets);
  if (h5.softLinks) ctx.note('softLinks', h5.softLinks);
  if (h5.otherAttrs) ctx.note('numericAttributes', h5.otherAttrs);
  if (h5.datasetSample.length) ctx.note('datasetSample', h5.datasetSample.map((d) => `${d.path} ${JSON.stringify(d.shape)}`));
  if (h5.cut) {
    ctx.report({ ruleId: 'scan/limit-reached', message: `HDF5 walk stopped: ${h5.cut}` });
    ctx.limited(h5.cut);
  }
  for (const l of h5.externalLinks) {
    ctx.report({ ruleId: 'keras/external-link', pointer: l.path, evidence: clip(`${l.file}:${l.target}`, 200),
      message: `HDF5 link ${l.path} points into another file, "${clip(l.file, 100)}"` });
  }
  const rootAttr = (name: string) => h5.attrs.find((a) => a.path === '/' && a.name === name)?.values[0];
  const version = rootAttr('keras_version');
  const isKeras = rootAttr('model_config') !== undefined || version !== undefined;
  ctx.note('keras', isKeras);
  if (version !== undefined) ctx.note('kerasVersion', clip(version, 40));
  const backend = rootAttr('backend');
  if (backend !== undefined) ctx.note('backend', clip(backend, 40));

  for (const a of h5.attrs) {
    const pointer = `${a.path}@${a.name}`;
    if (a.path === '/' && CONFIG_ATTRS.includes(a.name) && a.values.length === 1) {
      const summary = await judgeConfigText(ctx, a.values[0]!, `${pointer}#`, version, 'h5');
      if (summary && a.name === 'model_config') noteSummary(ctx, summary);
      continue;
    }
    if (a.name === 'layer_names' || a.name === 'weight_names') {
      if (a.path === '/model_weights' || a.path === '/') ctx.note('layerNames', a.values.slice(0, 50).map((v) => clip(v, 80)));
    }
    a.values.forEach((v, i) => ctx.inspectString(v, { pointer: a.values.length > 1 ? `${pointer}/${i}` : pointer, key: a.name }));
    const pickled = a.raw ? pickledAttribute(a.raw) : null;
    if (pickled) await ctx.scanChild(`<attr ${pointer}>`, fromBytes(pickled, `<attr ${pointer}>`), 'pickle');
  }
  // Weight statistics after the security checks (INFO only; sampled by readHdf5 while the file was open).
  await hdf5WeightStats(ctx, h5.weights);
}

/**
 * Datasets whose data libhdf5 reads from other files: WARNING when a name leaves the model's folder,
 * INFO (and a folder reference, so a dropped folder checks the file is there) when it sits beside it.
 */
function reportExternalData(ctx: ScanContext, list: ExternalData[]): void {
  const references = new Set<string>();
  for (const e of list) {
    const outside = e.files.filter((f) => judgeExternalName(f) === 'outside');
    const what = e.kind === 'virtual' ? 'virtual dataset' : 'dataset';
    const named = e.files.map((f) => `"${clip(f, 100)}"`).join(', ') + (e.more ? ', …' : '');
    const pointer = clip(e.path || `(object header ${e.object})`, 200); // unnamed when the walk stopped before naming it
    if (outside.length) {
      ctx.report({ ruleId: 'keras/external-data', pointer, evidence: clip(outside.join(' | '), 200),
        message: `HDF5 ${what} ${pointer} reads its data from ${named}, outside the model's folder` });
    } else {
      ctx.report({ ruleId: 'keras/external-data', pointer, evidence: clip(e.files.join(' | '), 200), severity: 'info',
        severityReason: 'a relative file shipped beside the model',
        message: `HDF5 ${what} ${pointer} reads its data from ${named} beside the model` });
    }
    for (const f of e.files) if (judgeExternalName(f) === 'beside') references.add(f);
  }
  if (references.size) ctx.note('references', [...references].map((path) => ({ path, kind: 'hdf5 external data' })));
}

/**
 * The bytes of a scalar string attribute PyTables unpickles when it is read (tables/attributeset.py
 * AttributeSet.__getattr__: a numpy bytes scalar ending in '.' goes to pickle.loads; numpy strips its
 * trailing NULs). pandas HDFStore keeps lists and dicts that way; a crafted .h5 runs whatever its pickle
 * calls when pandas or PyTables reads the attribute. Null when the value is not a pickle.
 */
function pickledAttribute(raw: Uint8Array): Uint8Array | null {
  let end = raw.length;
  while (end > 0 && raw[end - 1] === 0) end--;
  const b = raw.subarray(0, end);
  return b.length >= 4 && b[b.length - 1] === 0x2e && pickleStartsAt(b, 0) ? b : null;
}

/** Parses a config's text and judges it; an unparsable one is a WARNING and swept as text. */
async function judgeConfigText(ctx: ScanContext, text: string, pointerBase: string, version: string | undefined,
  container: 'h5' | 'keras'): Promise<KerasConfigSummary | null> {
  let value: JsonValue;
  try {
    value = parseJsonText(text, { maxDepth: ctx.budget.limits.maxJsonDepth }).value;
  } catch (e) {
    if (!(e instanceof FormatError)) throw e;
    ctx.report({ ruleId: 'keras/invalid-config', pointer: pointerBase.replace(/#$/, '') || undefined,
      message: `The Keras config is not valid JSON (${e.message}${e.offset !== undefined ? ` at byte ${e.offset}` : ''})` });
    ctx.inspectString(text, { pointer: pointerBase.replace(/#$/, '') || undefined });
    return null;
  }
  return judgeKerasConfig(ctx, value, { pointerBase, kerasVersion: version, container });
}

function noteSummary(ctx: ScanContext, s: KerasConfigSummary): void {
  if (s.modelClass) ctx.note('modelClass', clip(s.modelClass, 80));
  ctx.note('layers', s.layers);
  ctx.note('layerClasses', s.layerClasses);
  if (s.lambdas) ctx.note('lambdaLayers', s.lambdas);
  if (s.customObjects.length) ctx.note('customObjects', s.customObjects);
}

/** Scanner.open for HDF5: re-reads the config attribute and decodes the TorchModuleWrapper blob named. */
async function openH5Child(ctx: OpenContext, name: string): Promise<OpenedChild | null> {
  const m = /^\/@([A-Za-z_]+)#(\/.*)$/.exec(name);
  if (!m || !CONFIG_ATTRS.includes(m[1]!)) return null;
  const h5 = await readHdf5(ctx.source, () => {});
  const text = h5.attrs.find((a) => a.path === '/' && a.name === m[1])?.values[0];
  if (text === undefined) return null;
  const bytes = torchModuleBytes(parseJsonText(text, { maxDepth: ctx.budget.limits.maxJsonDepth }).value, m[2]!);
  return bytes ? { source: fromBytes(bytes, name) } : null;
}

export const kerasH5Scanner: Scanner = {
  ...kerasH5Sniffer,
  scan: scanH5,
  open: (ctx, name) => openH5Child(ctx, name),
};

// ---- .keras (zip) --------------------------------------------------------------------------------

function routeFor(version: string | undefined) {
  return (e: ZipEntry): MemberRoute => {
    if (e.name === 'config.json') return { hint: version ? `${CONFIG_HINT}:${version}` : CONFIG_HINT };
    if (e.name === 'model.weights.h5') return { hint: 'hdf5' };
    return {};
  };
}

/** keras_version from metadata.json, when it is there, small and a plausible version token. */
async function readVersion(source: ReturnType<typeof countedSource> | OpenContext['source'], entries: ZipEntry[],
  budget: OpenContext['budget']): Promise<{ version?: string; raw?: JsonValue }> {
  const e = entries.find((x) => x.name === 'metadata.json');
  if (!e || e.encrypted || e.uncompressedSize > MAX_METADATA_BYTES) return {};
  try {
    const out = await readMember(source, e, budget, { maxBytes: MAX_METADATA_BYTES });
    if (out.cut || out.error !== undefined) return {};
    const raw = parseJson(out.bytes, { maxDepth: budget.limits.maxJsonDepth }).value;
    const v = isJsonObject(raw) ? raw.keras_version : undefined;
    return { version: typeof v === 'string' && VERSION_TOKEN.test(v) ? v : undefined, raw };
  } catch {
    return {}; // the member scan reports an unreadable or malformed metadata.json
  }
}

async function scanKeras(ctx: ScanContext<KerasZipState>): Promise<void> {
  if (ctx.state.kind === 'config') return scanConfigMember(ctx);
  const listing = await listZip(countedSource(ctx), ctx.budget.limits);
  const { version, raw } = await readVersion(countedSource(ctx), listing.entries, ctx.budget);
  ctx.note('format', 'keras-v3');
  if (version) ctx.note('kerasVersion', version);
  else if (isJsonObject(raw) && raw.keras_version !== undefined) ctx.note('kerasVersion', clip(String(raw.keras_version), 40));
  if (!listing.entries.some((e) => e.name === 'config.json')) ctx.note('configJson', false);
  for (const e of listing.entries) {
    if (KERAS_MEMBERS.has(e.name) || e.name.startsWith('assets/') || e.isDir) continue;
    ctx.report({ ruleId: 'keras/unexpected-member', pointer: e.name, offset: e.localHeaderOffset, evidence: clip(e.name, 120),
      message: `The .keras archive carries "${clip(e.name, 120)}", which Keras does not write` });
  }
  await scanZipListing(ctx, listing, routeFor(version));
}

async function scanConfigMember(ctx: ScanContext<KerasZipState>): Promise<void> {
  const limit = ctx.budget.limits.maxJsonHeaderBytes;
  if (ctx.source.size > limit) {
    ctx.limited(`config.json of ${ctx.source.size} bytes (limit ${limit})`);
    ctx.report({ ruleId: 'scan/limit-reached', message: `config.json of ${ctx.source.size} bytes is above the ${limit}-byte JSON limit; it was not judged` });
    return;
  }
  const text = utf8(await ctx.read(0, ctx.source.size));
  if (ctx.state.version) ctx.note('kerasVersion', ctx.state.version);
  const summary = await judgeConfigText(ctx, text, '', ctx.state.version, 'keras');
  if (summary) noteSummary(ctx, summary);
}

async function openKerasChild(ctx: OpenContext<KerasZipState>, name: string, nth: number): Promise<OpenedChild | null> {
  if (ctx.state.kind === 'config') {
    const text = utf8(await ctx.source.read(0, Math.min(ctx.source.size, ctx.budget.limits.maxJsonHeaderBytes)));
    const bytes = torchModuleBytes(parseJsonText(text, { maxDepth: ctx.budget.limits.maxJsonDepth }).value, name);
    return bytes ? { source: fromBytes(bytes, name) } : null;
  }
  const listing = await listZip(ctx.source, ctx.budget.limits);
  const { version } = await readVersion(ctx.source, listing.entries, ctx.budget);
  return openZipChild(ctx, name, nth, routeFor(version));
}

export const kerasZipScanner: Scanner<KerasZipState> = {
  ...kerasZipSniffer,
  scan: scanKeras,
  open: openKerasChild,
};
