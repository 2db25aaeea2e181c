// ORT-format models (.ort): the flatbuffer ONNX Runtime's mobile and minimal builds load. What runs is
// the operators: standard ONNX kernels, ONNX Runtime's own contrib kernels, custom-domain operators
// (native code from a library the app registers) and Python operators (PyOp imports a module and calls
// a function named in the node's attributes). Judged as ONNX models are, with formats/onnx/policy.ts.
import type { ScanContext, Scanner } from '../../types';
import { FormatError } from '../../types';
import { clip } from '../../io/text';
import { isPythonOp, PYTHON_OP_ATTRIBUTES, STANDARD_DOMAINS, WELL_KNOWN_DOMAINS } from '../onnx/policy';
import { parseOrt, type OrtNode } from './parse';
import { ortSniffer } from './sniff';

/** ORT models above this are not read (a flatbuffer is read whole; real .ort files are KB to a few hundred MB). */
const MAX_ORT_BYTES = 512 * 1024 * 1024;
/** Op types listed per domain. */
const MAX_LISTED_OPS = 12;
/** Strings handed to the detectors per model. */
const MAX_STRINGS = 20_000;

export const ortScanner: Scanner = { ...ortSniffer, scan };

async function scan(ctx: ScanContext): Promise<void> {
  const size = ctx.source.size;
  const cap = Math.min(MAX_ORT_BYTES, ctx.budget.limits.maxMemberBytes);
  if (size > cap) {
    ctx.report({ ruleId: 'scan/limit-reached', message: `The ${size}-byte ORT model is above the ${cap}-byte limit for reading it whole; it was not parsed` });
    ctx.limited('ORT model larger than the read limit');
    return;
  }
  const bytes = await ctx.read(0, size);
  if (bytes.length < size) throw new FormatError(`short read: ${bytes.length} of ${size} bytes`);
  const m = parseOrt(bytes, () => ctx.checkAborted());
  ctx.note('ortVersion', m.ortVersion);
  ctx.note('irVersion', m.irVersion);
  if (m.producer) ctx.note('producer', clip(m.producer, 120));
  ctx.note('opsets', m.opsets.slice(0, 32).map((o) => `${o.domain || 'ai.onnx'}:${o.version}`));
  ctx.note('nodes', m.nodes.length);
  ctx.note('graphs', m.graphs);
  ctx.note('initializers', m.initializers);
  if (m.externalInitializers) ctx.note('externalInitializers', m.externalInitializers);
  if (m.cut) {
    ctx.report({ ruleId: 'scan/limit-reached', message: `The graph was not walked to its end: ${m.cut}` });
    ctx.limited(m.cut);
  }
  judgeNodes(ctx, m.nodes);
  for (const s of m.strings.slice(0, MAX_STRINGS)) ctx.inspectString(s.text, { pointer: s.pointer, key: s.pointer.split('/').pop() });
}

function judgeNodes(ctx: ScanContext, nodes: readonly OrtNode[]): void {
  const domains = new Map<string, { count: number; first: Map<string, string> }>();
  for (const n of nodes) {
    const pointer = `${n.graph}/nodes/${n.index}`;
    if (isPythonOp(n.opType)) {
      const named = n.attributes.filter((a) => PYTHON_OP_ATTRIBUTES.has(a.name) && a.strings.length).map((a) => `${a.name}=${clip(a.strings[0]!, 60)}`);
      ctx.report({ ruleId: 'ort/python-op', pointer, evidence: [`${n.domain || 'ai.onnx'}::${n.opType}`, ...named].join(' '),
        message: `${n.name ? `Node "${clip(n.name, 80)}"` : 'A node'} uses the Python operator ${n.domain ? `${n.domain}::` : ''}${n.opType}${named.length ? ` (${clip(named.join(', '), 120)})` : ''}` });
      continue;
    }
    if (STANDARD_DOMAINS.has(n.domain)) continue;
    let use = domains.get(n.domain);
    if (!use) domains.set(n.domain, use = { count: 0, first: new Map() });
    use.count++;
    if (!use.first.has(n.opType)) use.first.set(n.opType, pointer);
  }
  for (const [domain, use] of domains) {
    const ops = [...use.first.keys()];
    const list = ops.slice(0, MAX_LISTED_OPS).map((o) => clip(o, 60)).join(', ') + (ops.length > MAX_LISTED_OPS ? ', …' : '');
    const known = WELL_KNOWN_DOMAINS.get(domain);
    ctx.report({ ruleId: known ? 'ort/contrib-domain-op' : 'ort/custom-domain-op', pointer: use.first.get(ops[0]!)!, evidence: `${domain}: ${list}`,
      message: known ? `Uses ${use.count} node(s) from ${domain} (${known}): ${clip(list, 160)}`
        : `Uses ${use.count} node(s) from the custom domain "${clip(domain, 80)}", which needs a custom-operator library: ${clip(list, 160)}` });
  }
}
