// TorchServe model archives (.mar): a zip written by torch-model-archiver (pytorch/serve
// model-archiver/model_archiver/model_packaging_utils.py `archive`): the model folder's files at the root,
// then MAR-INF/MANIFEST.json last, {"runtime", "model": {"modelName", "serializedFile", "handler",
// "modelFile", "requirementsFile", "extensions", "configFile"}, "archiverVersion"}. What the manifest
// names is checked here (code TorchServe runs, packages it installs, files it expects); every member
// then goes through the shared zip checks and back through ctx.scanChild by content: the serialized
// model to the PyTorch/pickle scanners, the handler's Python to the string detectors.
import type { ScanContext, Scanner, JsonValue } from '../../types';
import { listZip, readMember, type ZipEntry } from '../../containers/zip';
import { isJsonObject, parseJsonText } from '../../io/json';
import { clip, utf8 } from '../../io/text';
import { countedSource } from '../zip/members';
import { scanZipListing } from '../zip/scanner';
import { openZipChild } from '../zip/open';
import { torchserveSniffer, MANIFEST } from './sniff';

/** Manifests are a few hundred bytes; requirements files a few KiB. Larger ones are not read. */
const MANIFEST_MAX_BYTES = 1024 * 1024;
const REQUIREMENTS_MAX_BYTES = 256 * 1024;
/** Handlers torch-model-archiver resolves inside TorchServe (model_packaging_utils.py model_handlers). */
const BUILTIN_HANDLERS = new Set(['base_handler', 'text_classifier', 'image_classifier', 'object_detector',
  'image_segmenter', 'dali_image_classifier', 'vllm_handler', 'trt_llm_handler']);
/** pip requirement lines that fetch from outside the configured index (pip's requirements file format). */
const REMOTE_REQUIREMENT = /^\s*(-e\b|--editable\b|-i\b|--index-url\b|--extra-index-url\b|-f\b|--find-links\b|--trusted-host\b)|(^|[\s@])(git\+|hg\+|svn\+|bzr\+)?(https?|ftp|file):\/\/|^\s*(git|hg|svn|bzr)\+|^\s*[./~]|\.whl\b|\.tar\.gz\b/i;

async function readText(ctx: ScanContext, entry: ZipEntry, max: number): Promise<string | null> {
  if (entry.encrypted || entry.uncompressedSize > max) return null;
  const out = await readMember(countedSource(ctx), entry, ctx.budget, { maxBytes: max, checkAborted: ctx.checkAborted });
  return out.cut || out.error !== undefined ? null : utf8(out.bytes);
}

async function scanMar(ctx: ScanContext): Promise<void> {
  const listing = await listZip(countedSource(ctx), ctx.budget.limits);
  const byName = new Map(listing.entries.map((e) => [e.name, e]));
  const entry = byName.get(MANIFEST);
  const text = entry ? await readText(ctx, entry, MANIFEST_MAX_BYTES) : null;
  let manifest: JsonValue | undefined;
  try {
    if (text !== null) manifest = parseJsonText(text, { maxDepth: ctx.budget.limits.maxJsonDepth }).value;
  } catch (e) {
    ctx.report({ ruleId: 'format/malformed', pointer: MANIFEST, message: `Malformed TorchServe archive: ${MANIFEST} is not valid JSON (${(e as Error).message})` });
    ctx.limited(`${MANIFEST} not judged`);
  }
  if (!entry) ctx.note('torchserve', `no ${MANIFEST}; scanned as a zip`);
  const model = isJsonObject(manifest) ? manifest.model : undefined;
  if (isJsonObject(manifest) && isJsonObject(model)) await judgeManifest(ctx, manifest, model, byName);
  await scanZipListing(ctx, listing);
}

type Obj = { [k: string]: JsonValue };
const str = (v: JsonValue | undefined) => (typeof v === 'string' ? v : undefined);

async function judgeManifest(ctx: ScanContext, manifest: Obj, model: Obj, byName: Map<string, ZipEntry>): Promise<void> {
  ctx.note('format', 'torchserve-mar');
  for (const [k, v] of [['runtime', manifest.runtime], ['archiverVersion', manifest.archiverVersion], ['modelName', model.modelName],
    ['handler', model.handler], ['serializedFile', model.serializedFile]] as const) {
    if (typeof v === 'string') ctx.note(k, clip(v, 120));
  }
  const missing = (what: string, name: string) => ctx.report({ ruleId: 'torchserve/missing-member', pointer: MANIFEST, evidence: clip(name, 120),
    message: `The manifest's ${what} "${clip(name, 120)}" is not in the archive` });

  // The handler: a built-in name, or a module file ("handler.py", "handler.py:fn", "handler:fn").
  const code: string[] = [];
  const handler = str(model.handler);
  if (handler !== undefined && !BUILTIN_HANDLERS.has(handler)) {
    const file = handler.split(':')[0]!;
    const candidates = file.endsWith('.py') ? [file] : [`${file}.py`, `${file}.so`, `${file}.dylib`, file];
    const found = candidates.find((c) => byName.has(c));
    if (found) code.push(found); else missing('handler', handler);
  }
  const modelFile = str(model.modelFile);
  if (modelFile !== undefined) { if (byName.has(modelFile)) code.push(modelFile); else missing('model file', modelFile); }
  if (code.length) {
    ctx.report({ ruleId: 'torchserve/custom-handler', pointer: MANIFEST, evidence: code.join(', '),
      message: `TorchServe imports ${code.map((c) => `"${clip(c, 120)}"`).join(' and ')} from the archive when it loads the model` });
  }
  const serialized = str(model.serializedFile);
  if (serialized !== undefined && !byName.has(serialized)) missing('serialized file', serialized);

  const reqName = str(model.requirementsFile);
  if (reqName === undefined) return;
  const req = byName.get(reqName);
  if (!req) return missing('requirements file', reqName);
  const text = await readText(ctx, req, REQUIREMENTS_MAX_BYTES);
  if (text === null) {
    ctx.limited(`requirements file "${reqName}" not read`);
    return;
  }
  const lines = text.split(/\r?\n/).map((l) => l.replace(/(^|\s)#.*$/, '').trim()).filter(Boolean);
  ctx.note('requirements', lines.slice(0, 50).map((l) => clip(l, 120)));
  ctx.report({ ruleId: 'torchserve/requirements', pointer: reqName, evidence: clip(lines.join(', '), 300),
    message: `With install_py_dep_per_model=true TorchServe pip-installs ${lines.length} requirement line(s) from "${clip(reqName, 120)}"` });
  lines.forEach((l, i) => {
    if (REMOTE_REQUIREMENT.test(l)) {
      ctx.report({ ruleId: 'torchserve/requirements-url', pointer: `${reqName}#line${i + 1}`, evidence: clip(l, 200),
        message: `Requirement "${clip(l, 120)}" installs from outside the package index` });
    }
  });
}

export const torchserveScanner: Scanner = {
  ...torchserveSniffer,
  scan: scanMar,
  open: (ctx, name, nth) => openZipChild(ctx, name, nth),
};
