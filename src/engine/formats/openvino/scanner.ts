// OpenVINO IR scanner (.xml topology; weights live in a sibling .bin, checked by folder.ts). The IR's
// layers are the executable part: public-opset operations run OpenVINO's own kernels, anything else
// needs an extension library the application loads (native code). Format: OpenVINO docs,
// "OpenVINO IR format" (net/layers/layer/data/edges, IR version 10/11); weights are Const layers
// with <data offset= size=> into the .bin.
import type { ScanContext, Scanner } from '../../types';
import { clip, utf8 } from '../../io/text';
import { readXml } from './xml';
import { INTERNAL_VERSIONS, OPSET_OPS, OPSET_VERSION } from './opsets';
import { openvinoSniffer } from './sniff';

/** Bytes of XML read: the IR of a 70B LLM is a few MB; this bounds memory on a hand-made file. */
export const MAX_IR_BYTES = 64 * 1024 * 1024;
/** Custom and internal op types listed per finding kind (the rest are counted). */
const MAX_LISTED = 64;
/** A value naming a shared library file. */
const LIBRARY = /(?:^|[\\/\s"'=])[\w.+-]+\.(?:so(?:\.\d+)*|dll|dylib)(?:$|[\s"',;])/i;

interface Layer { id: string; name: string; type: string; version: string; offset: number }

async function scan(ctx: ScanContext): Promise<void> {
  const size = ctx.source.size;
  if (size > MAX_IR_BYTES) {
    ctx.limited(`IR topology of ${size} bytes is over the ${MAX_IR_BYTES}-byte limit; its layers were not read`);
    return;
  }
  const text = utf8(await ctx.read(0, size));
  const custom = new Map<string, Layer>();
  const internal = new Map<string, Layer>();
  const types = new Map<string, number>();
  let layers = 0;
  let weightsEnd = 0;
  let current: Layer | null = null;
  let meta = 0;

  const judgeValue = (value: string, pointer: string, offset: number, inspect: boolean) => {
    if (LIBRARY.test(value)) {
      ctx.report({ ruleId: 'openvino/library-reference', pointer, offset, evidence: clip(value, 200),
        message: `The IR names a shared library at ${pointer}` });
    }
    if (inspect) ctx.inspectString(value, { pointer, offset });
  };

  const { elements } = readXml(text, {
    open(name, attrs, stack, offset) {
      if (name === 'net' && stack.length === 0) {
        ctx.note('irVersion', attrs.version ?? null);
        if (attrs.name) ctx.note('model', clip(attrs.name, 200));
      }
      const inMeta = stack.includes('rt_info') || stack.includes('meta_data') || name === 'rt_info' || name === 'meta_data';
      if (inMeta) meta++;
      if (name === 'layer') {
        layers++;
        current = { id: attrs.id ?? '?', name: attrs.name ?? '', type: attrs.type ?? '', version: attrs.version ?? '', offset };
        const key = `${current.version}:${current.type}`;
        types.set(current.type, (types.get(current.type) ?? 0) + 1);
        const publicOp = OPSET_VERSION.test(current.version) && OPSET_OPS.has(current.type);
        if (!publicOp) {
          if (INTERNAL_VERSIONS.has(current.version)) { if (!internal.has(key)) internal.set(key, current); }
          else if (!custom.has(key)) custom.set(key, current);
        }
      }
      if (name === 'data' && current && stack[stack.length - 1] === 'layer' && (current.type === 'Const' || current.type === 'Constant') && ('offset' in attrs || 'size' in attrs)) {
        const off = Number(attrs.offset); const len = Number(attrs.size);
        if (!Number.isSafeInteger(off) || !Number.isSafeInteger(len) || off < 0 || len < 0) {
          ctx.report({ ruleId: 'openvino/bad-weights-range', pointer: `layer ${current.id}`, offset,
            evidence: `offset=${clip(attrs.offset ?? '', 40)} size=${clip(attrs.size ?? '', 40)}`,
            message: `Const layer ${current.id} ("${clip(current.name, 80)}") has an offset or size that is not a non-negative integer` });
        } else weightsEnd = Math.max(weightsEnd, off + len);
      }
      for (const [k, v] of Object.entries(attrs)) judgeValue(v, `${stack.concat(name).join('/')}@${k}`, offset, inMeta && v.length >= 8);
    },
    close(name) { if (name === 'layer') current = null; },
    text(t, stack, offset) { judgeValue(t, stack.join('/'), offset, true); },
    problem(p) {
      ctx.report({ ruleId: 'openvino/doctype', offset: p.offset, evidence: clip(p.text, 200),
        message: p.kind === 'doctype' ? 'The IR declares a DOCTYPE; it was not processed' : `The IR uses the undeclared entity ${clip(p.text, 60)}; it was not expanded` });
    },
  }, () => ctx.checkAborted());

  const list = (m: Map<string, Layer>) => [...m.values()].slice(0, MAX_LISTED);
  for (const l of list(custom)) {
    ctx.report({ ruleId: 'openvino/custom-layer', pointer: `layer ${l.id}`, offset: l.offset, evidence: `type="${clip(l.type, 80)}" version="${clip(l.version, 40)}"`,
      message: `Layer ${l.id} ("${clip(l.name, 80)}") is a ${clip(l.type, 80)} operation from "${clip(l.version, 40)}", which only an extension library implements` });
  }
  for (const l of list(internal)) {
    ctx.report({ ruleId: 'openvino/internal-op', pointer: `layer ${l.id}`, offset: l.offset, evidence: `type="${clip(l.type, 80)}" version="${clip(l.version, 40)}"`,
      message: `Layer ${l.id} uses the runtime-internal operation ${clip(l.type, 80)} (${clip(l.version, 40)})` });
  }
  if (custom.size > MAX_LISTED) ctx.note('customOpKindsNotListed', custom.size - MAX_LISTED);
  ctx.note('elements', elements);
  ctx.note('layers', layers);
  ctx.note('metadataElements', meta);
  ctx.note('opTypes', [...types.keys()].slice(0, MAX_LISTED).map((t) => clip(t, 80)));
  // Read by folder.ts: the sibling .bin must hold at least this many bytes.
  ctx.note('weightsEnd', weightsEnd);
}

export const openvinoScanner: Scanner = {
  ...openvinoSniffer,
  scan,
};
