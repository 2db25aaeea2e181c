// Core ML (.mlmodel): the model specification protobuf. Custom layers and custom models name a
// class the app must provide and Core ML instantiates (code outside the file: WARNING); linked
// models load another compiled model by path; metadata strings go through the detectors. Weights
// inline in the spec are not read. mlprogram (.mlpackage) weight files are not parsed (see README).
import type { Head, ScanContext, Scanner } from '../../types';
import { clip } from '../../io/text';
import { parseSpec } from './spec';

/** Bytes of spec read: neural-network specs hold their weights inline, so this is generous. */
export const MAX_SPEC_BYTES = 256 * 1024 * 1024;
/** Findings per kind before the rest are counted. */
const MAX_REPORTED = 64;

function sniff(head: Head): { confidence: 'structure' } | null {
  // Model.specificationVersion (field 1, varint) is written first: tag byte 0x08.
  return head.ext === '.mlmodel' && head.bytes[0] === 0x08 ? { confidence: 'structure' } : null;
}

function escapes(path: string): boolean {
  return path.split(':').some((p) => /^(?:\/|~)/.test(p) || /(?:^|\/)\.\.(?:\/|$)/.test(p));
}

async function scan(ctx: ScanContext): Promise<void> {
  const size = ctx.source.size;
  if (size > MAX_SPEC_BYTES) { ctx.limited(`model of ${size} bytes is over the ${MAX_SPEC_BYTES}-byte limit; it was not read`); return; }
  const spec = parseSpec(await ctx.read(0, size), () => ctx.checkAborted());
  let reported = 0;
  for (const f of spec.found) {
    if (reported++ >= MAX_REPORTED) { ctx.limited(`${spec.found.length - MAX_REPORTED} further custom or linked models not listed`); break; }
    const cls = clip(f.className, 120);
    if (f.kind === 'custom-layer') {
      ctx.report({ ruleId: 'coreml/custom-layer', pointer: f.pointer, offset: f.offset, evidence: `className=${cls}`,
        message: `Layer "${clip(f.detail, 80)}" is a custom layer implemented by the app class "${cls}"` });
    } else if (f.kind === 'custom-model') {
      ctx.report({ ruleId: 'coreml/custom-model', pointer: f.pointer, offset: f.offset, evidence: `className=${cls}`,
        message: `The model is a custom model implemented by the app class "${cls}"` });
    } else {
      const bad = escapes(f.detail);
      ctx.report({ ruleId: 'coreml/linked-model', pointer: f.pointer, offset: f.offset, evidence: clip(`${f.className} in ${f.detail || '.'}`, 200),
        ...(bad ? { severity: 'warning' as const, severityReason: 'the search path leaves the app bundle' } : {}),
        message: `The model links to the compiled model "${cls}"${bad ? ` searched for in "${clip(f.detail, 120)}", outside the bundle` : ''}` });
    }
    if (f.detail) ctx.inspectString(f.detail, { pointer: f.pointer, offset: f.offset });
  }
  for (const s of spec.strings) ctx.inspectString(s.text, { pointer: s.pointer, offset: s.offset, key: s.pointer.split('/').pop() });
  ctx.note('specificationVersion', spec.version);
  ctx.note('modelTypes', spec.modelTypes.slice(0, 64));
  ctx.note('layers', spec.layers);
}

export const coremlScanner: Scanner = {
  id: 'coreml',
  extensions: ['.mlmodel'],
  sniff,
  scan,
};
