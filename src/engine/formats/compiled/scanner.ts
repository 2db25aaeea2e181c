// Compiled runtime artifacts this scanner recognises but does not fully decode (ExecuTorch programs and
// TensorRT engines have their own scanners, and so do CNTK models: formats/cntk): RKNN models ("RKNN"
// at 0, undocumented). What is checked: the generic sweep (embedded executables, strings through the
// detectors) plus shared-library names found in printable strings. The node is always
// marked incomplete: an unparsed payload is never reported clean.
import type { ScanContext, Scanner } from '../../types';
import { clip, latin1Text } from '../../io/text';
import { sweepRecognised } from '../unknown/scanner';
import { MAX_RKNN_JSON_BYTES, rknnInfo, rknnJsonLength, rknnLayout } from './rknn';
import { compiledSniffer, type Kind, type State } from './sniff';

/** Bytes searched for names: operator tables and plugin lists sit in the first megabytes. */
export const NAME_SCAN_BYTES = 16 * 1024 * 1024;
/** Names listed per kind. */
const MAX_LISTED = 32;
const LIBRARY = /[\w.+-]{1,120}\.(?:so(?:\.\d{1,4}){0,3}|dll|dylib)(?![\w.])/g;
const NAMES: Record<Kind, string> = { rknn: 'RKNN model' };

function collect(text: string, re: RegExp, keep: (m: RegExpExecArray) => string | null): Map<string, number> {
  const out = new Map<string, number>();
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const k = keep(m);
    if (k !== null && !out.has(k) && out.size < MAX_LISTED) out.set(k, m.index);
  }
  return out;
}

async function scan(ctx: ScanContext<State>): Promise<void> {
  const { kind } = ctx.state;
  const size = ctx.source.size;
  ctx.note('kind', kind);
  const checked = kind === 'rknn' ? await rknnStructure(ctx) : 'nothing';
  const text = latin1Text(await ctx.read(0, Math.min(size, NAME_SCAN_BYTES)));
  for (const [lib, at] of collect(text, LIBRARY, (m) => m[0])) {
    ctx.report({ ruleId: 'compiled/library-reference', offset: at, evidence: clip(lib, 120), message: `The ${NAMES[kind]} names the shared library ${clip(lib, 120)}` });
  }
  ctx.report({ ruleId: 'compiled/not-parsed', message: `Recognised as a ${NAMES[kind]}; checked: ${checked}; not decoded: the model data (swept for executables, strings and names only)` });
  ctx.limited(`${NAMES[kind]} model data not decoded (sweep only)`);
  await sweepRecognised(ctx); // executables and strings in what the decoder skips
}

/**
 * RKNN: header, declared lengths and the model-info JSON (rknn.ts). Returns what was checked, for the
 * not-parsed note; a length past the end or JSON that does not parse throws FormatError (malformed).
 */
async function rknnStructure(ctx: ScanContext<State>): Promise<string> {
  const size = ctx.source.size;
  const head = await ctx.read(0, Math.min(size, 64));
  const layout = rknnLayout(head, size);
  if (layout.encrypted) {
    ctx.note('encrypted', true);
    return 'the CYPTRKNN magic (an encrypted model: nothing inside can be read)';
  }
  const full = rknnJsonLength(layout, await ctx.read(layout.jsonAt! - 8, 8), size);
  ctx.note('version', full.version!);
  ctx.note('dataBytes', full.dataBytes!);
  if (full.jsonBytes! > MAX_RKNN_JSON_BYTES) {
    ctx.limited(`model-info JSON of ${full.jsonBytes} bytes not read (limit ${MAX_RKNN_JSON_BYTES})`);
    return 'the header and the declared lengths';
  }
  const info = rknnInfo(await ctx.read(full.jsonAt!, full.jsonBytes!), full.jsonAt!, ctx.budget.limits.maxJsonDepth);
  ctx.note('infoKeys', Object.keys(info).slice(0, MAX_LISTED));
  if (full.trailingBytes! > 0) {
    ctx.note('trailingBytes', full.trailingBytes!);
    await ctx.scanChild(`trailing data [bytes ${size - full.trailingBytes!}-${size}]`, ctx.source.slice(size - full.trailingBytes!, size));
  }
  return 'the header, the declared data and JSON lengths, and the model-info JSON';
}

export const compiledScanner: Scanner<State> = {
  ...compiledSniffer,
  scan,
};
