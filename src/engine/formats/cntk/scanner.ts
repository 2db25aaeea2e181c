// CNTK models (.dnn, .cmf). v2 (`Function::Save`): a protobuf Dictionary (model.ts) recognised by
// content, its primitive functions walked and judged: a user-defined function makes CNTK import the
// Python module or load the native library its state names (WARNING), library names in strings
// WARNING, every string through the detectors. v1 (the legacy ComputationNetwork format, written by
// ComputationNetwork::SaveToFileImpl, which opens with File::PutMarker(fileMarkerBeginSection, L"BCN"):
// the UTF-16 string "BCN" and its terminator) is recognised but not decoded: sweep only, incomplete.
// Both kinds also get the generic sweep, so an executable hidden in tensor bytes is still found.
import type { ScanContext, Scanner } from '../../types';
import { clip } from '../../io/text';
import { sweepRecognised } from '../unknown/scanner';
import { inspectText } from '../../detectors/strings';
import { decodeModel, loadDecoders } from './model';
import { cntkSniffer, type Kind } from './sniff';

/** Bytes of a v2 model decoded: the weights are inline (skipped, not copied), so this is generous. */
export const MAX_MODEL_BYTES = 256 * 1024 * 1024;
/** Findings per kind before the rest are counted. */
const MAX_REPORTED = 64;
const LIBRARY = /[\w.+-]{1,120}\.(?:so(?:\.\d{1,4}){0,3}|dll|dylib)(?![\w.])/;
/** "BCN\0" in UTF-16LE: the v1 begin-section marker. */
/** Returns the string rules the decoded strings raised: the sweep's copies of those are not reported twice. */
async function scanV2(ctx: ScanContext<Kind>): Promise<Set<string>> {
  const raised = new Set<string>();
  const size = ctx.source.size;
  if (size > MAX_MODEL_BYTES) { ctx.limited(`model of ${size} bytes is over the ${MAX_MODEL_BYTES}-byte limit; it was not decoded`); return raised; }
  const m = decodeModel(await loadDecoders(), await ctx.read(0, size), () => ctx.checkAborted());
  ctx.note('primitiveFunctions', m.primitiveFunctions);
  ctx.note('userDefinedFunctions', m.udfs.length + m.udfsDropped);
  let reported = 0;
  for (const u of m.udfs) {
    if (reported++ >= MAX_REPORTED) { ctx.limited(`${m.udfs.length - MAX_REPORTED} further user-defined functions not listed`); break; }
    const what = u.native ? `the native library ${clip(u.module, 120)} (factory ${clip(u.entry, 80)})` : `the Python module ${clip(u.module, 120)} (class ${clip(u.entry, 80)})`;
    ctx.report({ ruleId: u.native ? 'cntk/native-udf' : 'cntk/python-udf', pointer: u.pointer,
      evidence: clip(`module=${u.module}, ${u.native ? 'deserialize_method' : 'class'}=${u.entry}${u.op ? `, op=${u.op}` : ''}`, 240),
      message: `A user-defined function makes CNTK load ${what} when the model is loaded` });
  }
  if (m.udfsDropped) ctx.limited(`${m.udfsDropped} further user-defined functions were not examined`);
  let libs = 0;
  for (const s of m.strings) {
    const lib = LIBRARY.exec(s.text);
    if (lib && libs++ < MAX_REPORTED) ctx.report({ ruleId: 'cntk/library-reference', pointer: s.pointer, evidence: clip(lib[0], 120), message: `The CNTK model names the shared library ${clip(lib[0], 120)}` });
    ctx.inspectString(s.text, { pointer: s.pointer, key: s.pointer.split('/').pop() });
    for (const h of inspectText(s.text.slice(0, ctx.budget.limits.maxStringBytes))) raised.add(h.ruleId);
  }
  if (m.stringsDropped) ctx.limited(`${m.stringsDropped} further strings were not inspected`);
  if (m.cutShort) ctx.limited(`the model's dictionary was walked only partly: ${m.cutShort}`);
  return raised;
}

async function scan(ctx: ScanContext<Kind>): Promise<void> {
  ctx.note('version', ctx.state);
  let raised = new Set<string>();
  if (ctx.state === 'v1') {
    ctx.report({ ruleId: 'cntk/v1-not-parsed', message: 'Recognised as a legacy (v1) CNTK model by its "BCN" marker; its node list was not decoded, only swept for executables and strings' });
    ctx.limited('legacy CNTK v1 network not decoded (sweep only)');
  } else {
    raised = await scanV2(ctx);
  }
  // The generic sweep (the format was recognised, so without the "not recognised" note): finds
  // executables and strings in tensor data, which the decoder skips. A string rule the decoded
  // strings already raised (with a pointer) is not repeated from the sweep's printable runs.
  const swept: ScanContext = { ...ctx, inspectString: (text, where) => {
    // Only when the decoded strings raised something: then a block whose every hit was already
    // reported is skipped; any new hit sends the whole block through (a rare repeat beats a miss).
    if (raised.size === 0 || inspectText(text.slice(0, ctx.budget.limits.maxStringBytes)).some((h) => !raised.has(h.ruleId))) ctx.inspectString(text, where);
  } };
  await sweepRecognised(swept);
}

export const cntkScanner: Scanner<Kind> = {
  ...cntkSniffer,
  scan,
};
