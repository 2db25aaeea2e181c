// Compiled runtime artifacts this scanner recognises but does not decode (ExecuTorch programs and
// TensorRT engines have their own scanners, and so do CNTK models: formats/cntk): RKNN models ("RKNN"
// at 0, undocumented). What is checked: the generic sweep (embedded executables, strings through the
// detectors) plus shared-library names found in printable strings. The node is always
// marked incomplete: an unparsed payload is never reported clean.
import type { FindingInput, Head, ScanContext, Scanner } from '../../types';
import { clip, latin1Text } from '../../io/text';
import { unknownScanner } from '../unknown/scanner';

type Kind = 'rknn';
interface State { kind: Kind }

/** Bytes searched for names: operator tables and plugin lists sit in the first megabytes. */
export const NAME_SCAN_BYTES = 16 * 1024 * 1024;
/** Names listed per kind. */
const MAX_LISTED = 32;
const LIBRARY = /[\w.+-]{1,120}\.(?:so(?:\.\d{1,4}){0,3}|dll|dylib)(?![\w.])/g;
const NAMES: Record<Kind, string> = { rknn: 'RKNN model' };

function sniff(head: Head): { confidence: 'magic' | 'name'; state: State } | null {
  const b = head.bytes;
  if (b.length >= 4 && b[0] === 0x52 && b[1] === 0x4b && b[2] === 0x4e && b[3] === 0x4e) return { confidence: 'magic', state: { kind: 'rknn' } };
  return head.ext === '.rknn' ? { confidence: 'name', state: { kind: 'rknn' } } : null;
}

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
  const text = latin1Text(await ctx.read(0, Math.min(size, NAME_SCAN_BYTES)));
  for (const [lib, at] of collect(text, LIBRARY, (m) => m[0])) {
    ctx.report({ ruleId: 'compiled/library-reference', offset: at, evidence: clip(lib, 120), message: `The ${NAMES[kind]} names the shared library ${clip(lib, 120)}` });
  }
  ctx.report({ ruleId: 'compiled/not-parsed', message: `Recognised as a ${NAMES[kind]}; its structure was not decoded, only swept for executables, strings and names` });
  ctx.limited(`${NAMES[kind]} structure not decoded (sweep only)`);
  // The generic sweep, minus its "format not recognised" note (this scanner did recognise the format).
  const swept: ScanContext = { ...ctx, report: (f: FindingInput) => { if (f.ruleId !== 'file/unrecognized-format') ctx.report(f); } };
  await unknownScanner.scan(swept);
}

export const compiledScanner: Scanner<State> = {
  id: 'compiled',
  extensions: ['.rknn'],
  sniff,
  scan,
};
