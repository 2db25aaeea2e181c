// TFLite scanner: judges what parse.ts reads from the model flatbuffer. The executable part of a TFLite
// model is its operators: builtins run TFLite's own kernels, CUSTOM operators run whatever code the app
// registered under their name, and Select TF ("Flex") operators run full TensorFlow kernels, some of
// which read files or call Python. Metadata strings go to the string detectors, and an associated-files
// zip appended to the model (TFLite Metadata, MediaPipe) is listed and its members scanned by content.
import { FormatError, type OpenContext, type OpenedChild, type ScanContext, type Scanner } from '../../types';
import { clip } from '../../io/text';
import { listZip } from '../../containers/zip';
import { countedSource } from '../zip/members';
import { scanZipListing } from '../zip/scanner';
import { openZipChild } from '../zip/open';
import { classifyCustomOp } from './ops';
import type { TfliteModel, TfliteOpcode, TfliteProblem } from './parse';
import { inspectCustomOptions, inspectMetadata, inspectStringTensors, Inspector, short } from './strings';
import type { RandomAccess } from './checked-buffer';
import { tfliteSniffer } from './sniff';

/** The parser and the flatc-generated schema code, loaded on first use to keep the worker's main chunk small. */
type ParseModule = typeof import('./parse');

/** The schema version current runtimes accept (tensorflow/lite/version.h: TFLITE_SCHEMA_VERSION). */
const SCHEMA_VERSION = 3;
/** Tail searched for a zip end record (22-byte record + the longest comment, APPNOTE 4.3.16). */
const EOCD_SEARCH = 22 + 0xffff;
/** Characters of a custom_code name judged and shown (TF op names are a few dozen characters). */
const MAX_OP_NAME_CHARS = 120;
/** Operator kinds listed in the summary and notes. */
const MAX_LISTED_OPS = 64;

async function scan(ctx: ScanContext): Promise<void> {
  const size = ctx.source.size;
  const lib: ParseModule = await import('./parse');
  const model = lib.parseTflite(await randomAccess(ctx, lib), () => ctx.checkAborted());
  const ins = new Inspector(ctx);

  judgeProblems(ctx, model.problems, size, model.held);
  if (model.droppedProblems > 0) ctx.limited(`${model.droppedProblems} further structural problems not listed`);
  if (model.clippedStrings > 0) ctx.limited(`${model.clippedStrings} strings only partly read`);
  judgeOperators(ctx, model, ins);
  judgeBuffers(ctx, model, size);
  if (model.version !== SCHEMA_VERSION) {
    ctx.report({ ruleId: 'tflite/unexpected-version', pointer: '/version', evidence: `version ${model.version}`,
      message: `The model declares schema version ${model.version}; current runtimes only load version ${SCHEMA_VERSION}` });
  }
  ins.inspect(model.description, '/description', 'description');
  for (const g of model.subgraphs) ins.inspect(g.name, `/subgraphs/${g.index}/name`, 'subgraph name', g.offset);
  for (const s of model.signatures) {
    const pointer = `/signature_defs/${s.index}`;
    ins.inspect(s.key, `${pointer}/signature_key`, 'signature_key', s.offset);
    for (const name of [...s.inputs, ...s.outputs]) ins.inspect(name, pointer, 'signature tensor', s.offset);
  }
  for (const [i, name] of model.externalGroups.entries()) judgeExternalFile(ctx, ins, name, `/external_buffer_groups/${i}`);
  await inspectMetadata(ctx, model, ins);
  await inspectStringTensors(ctx, model, ins);
  await inspectCustomOptions(model, ins);
  summarize(ctx, model);
  await scanAppendedZip(ctx);
}

/**
 * The whole file in memory when small; pages read on demand through readSync when large (the CLI's
 * file handle, FileReaderSync in the worker); else only the first MAX_FLATBUFFER_WINDOW bytes.
 */
async function randomAccess(ctx: ScanContext, lib: ParseModule): Promise<RandomAccess> {
  const size = ctx.source.size;
  const readSync = ctx.source.readSync?.bind(ctx.source);
  if (size > lib.MAX_FLATBUFFER_WINDOW && readSync) {
    ctx.note('reading', 'paged');
    return lib.paged(readSync, size, (n) => { ctx.budget.chargeRead(n); ctx.checkAborted(); });
  }
  const held = Math.min(size, lib.MAX_FLATBUFFER_WINDOW);
  const bytes = await ctx.read(0, held);
  if (bytes.length < held) throw new FormatError(`short read: ${bytes.length} of ${held} bytes`);
  return lib.inMemory(bytes, size);
}

function judgeProblems(ctx: ScanContext, problems: readonly TfliteProblem[], size: number, held: number): void {
  let unread = 0;
  for (const p of problems) {
    switch (p.kind) {
      case 'absurd':
        ctx.report({ ruleId: 'tflite/absurd-count', pointer: p.pointer, offset: p.offset, evidence: `${p.count} (limit ${p.limit})`,
          message: `The ${p.what} ${p.count} is beyond any real model; only ${p.limit} were checked` });
        ctx.limited(`${p.what} ${p.count} above ${p.limit}`);
        break;
      case 'bad-shape':
        ctx.report({ ruleId: 'tflite/absurd-count', pointer: p.pointer, offset: p.offset, evidence: `[${p.dims.slice(0, 16).join(', ')}]`,
          message: 'A tensor shape has a negative dimension or an element count that overflows' });
        break;
      case 'dangling':
        ctx.report({ ruleId: 'tflite/dangling-index', pointer: p.pointer, offset: p.offset, evidence: `${p.index} of ${p.count}`,
          message: `The ${p.what} ${p.index} points past the ${p.count} entries it indexes` });
        break;
      case 'broken':
        ctx.report({ ruleId: 'format/malformed', pointer: p.pointer, offset: p.offset, message: `Malformed tflite table: ${p.reason}` });
        ctx.limited(`table ${p.pointer} unreadable`);
        break;
      case 'unread':
        unread++;
        break;
    }
  }
  if (unread > 0) {
    ctx.report({ ruleId: 'scan/limit-reached', offset: held,
      message: `${unread} tables lie past the first ${held} bytes of this ${size}-byte model and were not read` });
    ctx.limited(`${unread} tables past the ${held}-byte window`);
  }
}

const RULE_OF = { python: 'tflite/python-op', filesystem: 'tflite/filesystem-op', network: 'tflite/network-op' } as const;


export function opName(c: TfliteOpcode): string {
  if (c.isCustom) return c.custom === null ? '(unnamed custom)' : short(c.custom, MAX_OP_NAME_CHARS);
  return c.builtinName ?? `builtin ${c.builtin}`;
}

function judgeOperators(ctx: ScanContext, model: TfliteModel, ins: Inspector): void {
  for (const [k, c] of model.opcodes.entries()) {
    const uses = model.opUses[k] ?? 0;
    const used = `${uses} use${uses === 1 ? '' : 's'}`;
    const pointer = `/operator_codes/${c.index}`;
    if (!c.isCustom) {
      if (c.builtinName === null) {
        ctx.report({ ruleId: 'tflite/unknown-builtin', pointer, offset: c.offset, evidence: `builtin_code ${c.builtin}`,
          message: `Operator code ${c.index} names the unknown builtin operator ${c.builtin} (${used})` });
      }
      continue;
    }
    ins.inspect(c.custom, `${pointer}/custom_code`, 'custom_code', c.offset);
    // Known op names are short: judge and show a clipped name, so a megabyte-long custom_code shared
    // by thousands of operator codes costs nothing per code.
    const name = short(c.custom ?? '', MAX_OP_NAME_CHARS);
    const evidence = name;
    const kind = classifyCustomOp(name);
    switch (kind.kind) {
      case 'python':
      case 'filesystem':
      case 'network':
        ctx.report({ ruleId: RULE_OF[kind.kind], pointer, offset: c.offset, evidence,
          message: `Operator "${name}" is TensorFlow's ${kind.op} (${kind.why}); ${used}` });
        break;
      case 'flex':
        ctx.report({ ruleId: 'tflite/flex-op', pointer, offset: c.offset, evidence,
          message: `Operator "${name}" runs TensorFlow's ${kind.op} kernel through the Flex delegate; ${used}` });
        break;
      default:
        ctx.report({ ruleId: 'tflite/custom-op', pointer, offset: c.offset, evidence,
          message: name ? `Custom operator "${name}" needs code the application registers under that name; ${used}`
            : `A custom operator has no name; ${used}` });
    }
  }
}

function judgeBuffers(ctx: ScanContext, model: TfliteModel, size: number): void {
  const outside = (offset: number, length: number) => !(offset + length <= size);
  for (const b of model.buffers) {
    if (b.external && outside(b.external.offset, b.external.size)) {
      ctx.report({ ruleId: 'tflite/buffer-out-of-bounds', pointer: `/buffers/${b.index}`, offset: b.offset,
        evidence: `offset ${b.external.offset}, size ${b.external.size}, file ${size}`,
        message: `Buffer ${b.index} stores ${b.external.size} bytes at offset ${b.external.offset}, past the end of the ${size}-byte file` });
    }
  }
  for (const c of model.largeCustomOptions) {
    if (outside(c.offset, c.size)) {
      ctx.report({ ruleId: 'tflite/buffer-out-of-bounds', pointer: c.pointer, evidence: `offset ${c.offset}, size ${c.size}, file ${size}`,
        message: `Large custom options of ${c.size} bytes at offset ${c.offset} end past the end of the ${size}-byte file` });
    }
  }
}

/** External buffer groups name files the runtime opens beside the model. */
function judgeExternalFile(ctx: ScanContext, ins: Inspector, name: string, pointer: string): void {
  ins.inspect(name, pointer, 'external buffer group');
  const escapes = /^([a-zA-Z]:)?[\\/]|(^|[\\/])\.\.([\\/]|$)|^[a-z][a-z0-9+.-]*:\/\//i.test(name);
  ctx.report({ ruleId: 'tflite/external-file', pointer, evidence: short(name, 200),
    ...(escapes ? {} : { severity: 'info' as const, severityReason: 'a plain relative file name beside the model' }),
    message: escapes ? `The model loads weights from "${short(name, 120)}", outside its own folder`
      : `The model loads weights from the separate file "${short(name, 120)}"` });
}

function summarize(ctx: ScanContext, model: TfliteModel): void {
  const ops = model.opcodes.map((c, k) => ({ name: opName(c), uses: model.opUses[k] ?? 0 }))
    .sort((a, b) => b.uses - a.uses || a.name.localeCompare(b.name));
  const operators = model.subgraphs.reduce((n, g) => n + g.operators, 0);
  const tensors = model.subgraphs.reduce((n, g) => n + g.tensors, 0);
  const listed = ops.slice(0, MAX_LISTED_OPS);
  ctx.note('version', model.version);
  ctx.note('subgraphs', model.subgraphs.length);
  ctx.note('tensors', tensors);
  ctx.note('operators', operators);
  ctx.note('buffers', model.buffers.length);
  ctx.note('operatorKinds', Object.fromEntries(listed.map((o) => [short(o.name, 80), o.uses])));
  ctx.note('metadata', model.metadata.slice(0, MAX_LISTED_OPS).map((m) => short(m.name ?? '', 80)));
  ctx.note('signatures', model.signatures.slice(0, MAX_LISTED_OPS).map((s) => short(s.key ?? '', 80)));
  if (model.description) ctx.note('description', short(model.description, 200));
  if (model.held < ctx.source.size) ctx.note('bytesHeld', model.held);
  const kinds = listed.map((o) => `${short(o.name, 40)} ×${o.uses}`).join(', ');
  ctx.report({ ruleId: 'tflite/model-summary', pointer: '/', evidence: clip(kinds, 300),
    message: `TFLite schema v${model.version}: ${model.subgraphs.length} subgraph${model.subgraphs.length === 1 ? '' : 's'}, ` +
      `${operators} operators of ${ops.length} kinds, ${tensors} tensors, ${model.metadata.length} metadata entries` });
}

/**
 * TFLite Metadata (tflite_support's MetadataPopulator) and MediaPipe append their associated files
 * (labels, vocabularies, tokenizer models) as a zip after the flatbuffer, written by Python's zipfile
 * in append mode, so the zip's offsets count from the start of the .tflite. The zip is listed over the
 * whole file and every member goes through scanChild like any zip member; the model bytes in front of
 * it are the flatbuffer already scanned, not hidden data.
 */
async function scanAppendedZip(ctx: ScanContext): Promise<void> {
  const size = ctx.source.size;
  const tailStart = Math.max(0, size - EOCD_SEARCH);
  const tail = await ctx.read(tailStart, size - tailStart);
  if (!hasEocd(tail)) return;
  let listing;
  try {
    listing = await listZip(countedSource(ctx), ctx.budget.limits);
  } catch (e) {
    if (!(e instanceof FormatError)) throw e;
    ctx.note('appendedZip', `unreadable: ${clip(e.message, 120)}`);
    return;
  }
  ctx.note('appendedZipOffset', listing.entries.reduce((m, e) => Math.min(m, e.localHeaderOffset), listing.cdOffset));
  await scanZipListing(ctx, { ...listing, anomalies: listing.anomalies.filter((a) => a.kind !== 'prepended-data') });
}

function hasEocd(tail: Uint8Array): boolean {
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail[i] === 0x50 && tail[i + 1] === 0x4b && tail[i + 2] === 0x05 && tail[i + 3] === 0x06) return true;
  }
  return false;
}

/** Report paths into the appended zip lead back to its members (navigate.ts). */
async function open(ctx: OpenContext, name: string, nth: number): Promise<OpenedChild | null> {
  try {
    return await openZipChild(ctx, name, nth);
  } catch (e) {
    if (e instanceof FormatError) return null;
    throw e;
  }
}

export const tfliteScanner: Scanner = {
  ...tfliteSniffer,
  scan,
  open,
};
