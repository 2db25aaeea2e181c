// MXNet models: the symbol graph (<prefix>-symbol.json, nnvm graph JSON: nodes with op, name,
// attrs, inputs; arg_nodes; heads) and the parameter file (<prefix>-NNNN.params, an NDArray list).
// The graph's executable part is its operators: built-in ops run MXNet's kernels, Custom ops run
// the Python class registered under op_type. Parameters are plain arrays; their container is
// validated and anything after it is scanned as unknown content.
import type { ScanContext, Scanner } from '../../types';
import { clip } from '../../io/text';
import { isJsonObject, parseJson } from '../../io/json';
import type { JsonValue } from '../../types';
import { parseParams } from './params';
import { mxnetSniffer, type MxState } from './sniff';

/** Bytes of symbol JSON read: a large graph is a few MB. */
export const MAX_SYMBOL_BYTES = 64 * 1024 * 1024;
/** Operators that run Python code: Custom (mx.operator.CustomOp) and the legacy callback ops. */
const PYTHON_OPS = new Set(['Custom', '_Native', '_NDArray', 'NativeOp', 'NDArrayOp']);
/** Custom op kinds reported one by one; the rest are counted. */
const MAX_LISTED = 64;

function attrsOf(node: { [k: string]: JsonValue }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['attrs', 'attr', 'param']) {
    const a = node[key];
    if (isJsonObject(a)) for (const [k, v] of Object.entries(a)) if (typeof v === 'string') out[k] = v;
  }
  return out;
}

async function scanSymbol(ctx: ScanContext<MxState>): Promise<void> {
  const size = ctx.source.size;
  if (size > MAX_SYMBOL_BYTES) { ctx.limited(`symbol graph of ${size} bytes is over the ${MAX_SYMBOL_BYTES}-byte limit; it was not read`); return; }
  const doc = parseJson(await ctx.read(0, size), { maxDepth: ctx.budget.limits.maxJsonDepth });
  const root = doc.value;
  if (!isJsonObject(root) || !Array.isArray(root.nodes)) { ctx.limited('the JSON has no nodes list; it was not read as a graph'); return; }
  const ops = new Map<string, number>();
  const seen = new Set<string>();
  for (const [i, n] of root.nodes.entries()) {
    if ((i & 1023) === 0) ctx.checkAborted();
    if (!isJsonObject(n) || typeof n.op !== 'string') continue;
    const op = n.op;
    const name = typeof n.name === 'string' ? n.name : '';
    ops.set(op, (ops.get(op) ?? 0) + 1);
    const attrs = attrsOf(n);
    const pointer = `/nodes/${i}`;
    if (PYTHON_OPS.has(op)) {
      const kind = attrs.op_type ?? attrs.info ?? '';
      const key = `${op}:${kind}`;
      if (!seen.has(key) && seen.size < MAX_LISTED) {
        seen.add(key);
        ctx.report({ ruleId: 'mxnet/custom-op', pointer, evidence: kind ? `${op} op_type=${clip(kind, 120)}` : op,
          message: `Node "${clip(name, 80)}" is a ${op} operator${kind ? ` of type "${clip(kind, 120)}"` : ''}, implemented by Python code outside the file` });
      }
    }
    for (const [k, v] of Object.entries(attrs)) if (v.length >= 8) ctx.inspectString(v, { pointer: `${pointer}/attrs/${k}`, key: k });
    if (name.length >= 8) ctx.inspectString(name, { pointer: `${pointer}/name` });
  }
  ctx.note('nodes', root.nodes.length);
  ctx.note('ops', Object.fromEntries([...ops.entries()].slice(0, MAX_LISTED)));
  const v = isJsonObject(root.attrs) ? root.attrs.mxnet_version : undefined;
  if (Array.isArray(v) && typeof v[1] === 'number') ctx.note('mxnetVersion', v[1]);
}

async function scanParams(ctx: ScanContext<MxState>): Promise<void> {
  const size = ctx.source.size;
  const p = await parseParams((o, n) => ctx.read(o, n), size, () => ctx.checkAborted());
  ctx.note('arrays', p.arrays.length);
  ctx.note('dataBytes', p.arrays.reduce((a, x) => a + x.dataBytes, 0));
  for (const [i, n] of p.names.entries()) if (n.length >= 8) ctx.inspectString(n, { pointer: `/names/${i}` });
  if (p.end < size) {
    ctx.report({ ruleId: 'mxnet/trailing-data', offset: p.end, evidence: `${size - p.end} bytes`,
      message: `${size - p.end} bytes follow the end of the parameter list; mx.nd.load never reads them` });
    await ctx.scanChild(`trailing data [bytes ${p.end}-${size}]`, ctx.source.slice(p.end, size));
  }
}

export const mxnetScanner: Scanner<MxState> = {
  ...mxnetSniffer,
  async scan(ctx) { return ctx.state.kind === 'params' ? scanParams(ctx) : scanSymbol(ctx); },
};
