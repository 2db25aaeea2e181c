// ONNX scanner: walks the ModelProto (parse.ts) without reading weights and judges what a loader would
// act on: operators that run Python or need custom native libraries, external-data paths that leave
// the model's folder (CVE-2022-25882, CVE-2024-27318), sizes that disagree with shapes, and the
// strings a model carries (metadata_props, doc strings, string attributes).
import type { JsonValue, OpenContext, OpenedChild, ScanContext, Scanner } from '../../types';
import { clip } from '../../io/text';
import { PastEnd } from './wire';
import { onnxSniffer, type OnnxSniff } from './sniff';
import { expectedBytes, isPythonOp, PYTHON_OP_ATTRIBUTES, STANDARD_DOMAINS, WELL_KNOWN_DOMAINS } from './policy';
import type { OnnxNode, OnnxStats, OnnxTensor, OnnxVisitor, TextKind, Where } from './parse';
import { MAX_DIMS, MAX_GRAPH_DEPTH, MAX_NODES } from './limits';

/** Strings handed to the string detectors per file. Bounds detector work on string floods. */
export const MAX_INSPECTED_STRINGS = 50_000;
/** External-data references noted per file (the folder check resolves each one). */
export const MAX_NOTED_REFERENCES = 1000;
/** Pickle-looking bytes values handed to the pickle scanner per file. Bounds nested scans. */
export const MAX_EMBEDDED_PICKLES = 32;
/** Op types listed per domain in a finding. */
const LISTED_OPS = 12;
/** An external offset or length beyond this cannot describe a real file (1 PiB). */
const MAX_EXTERNAL_BYTES = 2 ** 50;

export const REFERENCE_KIND = 'onnx-external-data';

/** Nodes of one non-standard domain; `first` holds the first node of each op type. */
interface DomainUse { count: number; first: Map<string, Where> }

/** Why an external-data location escapes the model's folder, or null when it is a plain relative path. */
export function unsafeLocation(location: string): string | null {
  if (location.includes('\u0000')) return 'contains a NUL byte';
  if (/^[\\/]{2}/.test(location)) return 'is a UNC or network path';
  if (/^[\\/]/.test(location)) return 'is an absolute path';
  if (/^[a-zA-Z]:/.test(location)) return 'starts with a drive letter';
  if (location.split(/[\\/]/).some((p) => p === '..')) return 'climbs out with ".."';
  return null;
}

/**
 * A URL given as a location: a scheme and "//" (RFC 3986 3.1, 3.2), or a scheme that needs none (file:, data:).
 * A drive letter is one letter and is judged by unsafeLocation; a file name with a colon later on is not a URL.
 */
export function isUrlLocation(location: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9+.-]+:\/\//.test(location) || /^(file|data|https?|ftp|s3|gs|hf|smb):/i.test(location);
}

class Judge implements OnnxVisitor {
  readonly notes: Record<string, JsonValue> = {};
  readonly opsets: Array<{ domain: string; version: number }> = [];
  readonly domains = new Map<string, DomainUse>();
  readonly functions = new Set<string>();
  readonly references = new Set<string>();
  readonly pickles: Array<{ pointer: string; start: number; end: number }> = [];
  picklesLimited = false;
  externalTensors = 0;
  inspected = 0;

  constructor(private readonly ctx: ScanContext<OnnxSniff>) {}

  header(key: string, value: string | number): void { this.notes[key] = typeof value === 'string' ? clip(value, 128) : value; }

  opset(domain: string, version: number, _where: Where, scope: 'model' | 'function'): void {
    if (scope === 'model') this.opsets.push({ domain: domain || 'ai.onnx', version });
  }

  text(text: string, where: Where & { key?: string }, kind: TextKind, clipped: boolean): void {
    if (kind === 'name') return; // graph and value names: identifiers, not payloads
    if (this.inspected++ === MAX_INSPECTED_STRINGS) this.ctx.limited(`only ${MAX_INSPECTED_STRINGS} strings inspected`);
    if (this.inspected > MAX_INSPECTED_STRINGS) return;
    if (clipped) this.ctx.limited(`string at ${where.pointer} only partly inspected`);
    this.ctx.inspectString(text, { pointer: where.pointer, offset: where.offset, key: where.key, documentation: kind === 'doc' });
  }

  node(n: OnnxNode, where: Where): void {
    if (isPythonOp(n.opType)) {
      const named = n.attributes.filter((a) => PYTHON_OP_ATTRIBUTES.has(a.name) && a.strings.length)
        .map((a) => `${a.name}=${a.strings.join(',')}`);
      this.ctx.report({ ruleId: 'onnx/python-op', pointer: where.pointer, offset: where.offset,
        evidence: [`${n.domain || 'ai.onnx'}::${n.opType}`, ...named].join(' '),
        message: `${n.name ? `Node "${clip(n.name, 80)}"` : 'A node'} uses the Python operator ${n.domain ? `${n.domain}::` : ''}${n.opType}${named.length ? ` (${clip(named.join(', '), 120)})` : ''}` });
      return;
    }
    if (STANDARD_DOMAINS.has(n.domain)) return;
    let use = this.domains.get(n.domain);
    if (!use) this.domains.set(n.domain, use = { count: 0, first: new Map() });
    use.count++;
    if (!use.first.has(n.opType) && use.first.size < 256) use.first.set(n.opType, where);
  }

  tensor(t: OnnxTensor, where: Where): void {
    const name = clip(t.name, 80);
    if (t.dims.length > MAX_DIMS || t.dims.some((d) => d < 0)) {
      this.ctx.report({ ruleId: 'onnx/absurd-dims', pointer: where.pointer, offset: where.offset, evidence: `[${t.dims.slice(0, 8).join(', ')}${t.dims.length > 8 ? ', ...' : ''}]`,
        message: `Tensor "${name}" declares ${t.dims.length > MAX_DIMS ? `more than ${MAX_DIMS} dimensions` : 'a negative dimension'}` });
      return;
    }
    const expected = expectedBytes(t.dataType, t.dims);
    if (expected === null && t.dims.length && t.dataType !== 8 && t.dataType !== 0) {
      this.ctx.report({ ruleId: 'onnx/absurd-dims', pointer: where.pointer, offset: where.offset, evidence: `[${t.dims.join(', ')}]`,
        message: `Tensor "${name}" has dimensions whose product overflows or a data type ${t.dataType} of unknown width` });
    }
    if (t.dataLocation === 1) { this.external(t, where, expected); return; }
    if (t.rawData && expected !== null && t.rawData.length !== expected) {
      this.ctx.report({ ruleId: 'onnx/tensor-size-mismatch', pointer: where.pointer, offset: t.rawData.start,
        evidence: `type ${t.dataType} [${t.dims.join(', ')}] needs ${expected} bytes, raw_data has ${t.rawData.length}`,
        message: `Tensor "${name}" raw_data holds ${t.rawData.length} bytes where its shape needs ${expected}` });
    }
  }

  private external(t: OnnxTensor, where: Where, expected: number | null): void {
    this.externalTensors++;
    const name = clip(t.name, 80);
    // The last entry of a key is what onnx.load and ORT use; every location is judged.
    const get = (k: string) => {
      let value: string | undefined;
      for (const e of t.externalData) if (e.key === k) value = e.value;
      return value;
    };
    const locations = t.externalData.filter((e) => e.key === 'location').map((e) => e.value);
    const location = get('location');
    if (location === undefined || location === '') {
      this.ctx.report({ ruleId: 'onnx/external-data-no-location', pointer: where.pointer, offset: where.offset,
        message: `Tensor "${name}" is stored externally but names no location` });
      return;
    }
    for (const loc of new Set(locations)) {
      const why = unsafeLocation(loc);
      if (!why) continue;
      this.ctx.report({ ruleId: 'onnx/external-data-traversal', pointer: `${where.pointer}/external_data`, offset: where.offset, evidence: loc,
        message: `Tensor "${name}" reads its data from "${clip(loc, 120)}", which ${why}${locations.length > 1 ? ` (${locations.length} locations given; loaders take the last)` : ''}` });
    }
    for (const loc of new Set(locations)) {
      if (unsafeLocation(loc) || !isUrlLocation(loc)) continue;
      // onnx 1.23 checker.cc resolve_external_data_location and ORT join it to the model's folder as a relative path.
      this.ctx.report({ ruleId: 'onnx/external-data-url', pointer: `${where.pointer}/external_data`, offset: where.offset, evidence: loc,
        message: `Tensor "${name}" names its external data with the URL "${clip(loc, 120)}", which onnx.load and ONNX Runtime do not fetch but read as the path <model folder>/${clip(loc.replace(/\/+/g, '/'), 120)}` });
    }
    if (!unsafeLocation(location)) {
      const path = location.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
      if (this.references.size < MAX_NOTED_REFERENCES) this.references.add(path);
    }
    const range: Array<[string, string | undefined]> = [['offset', get('offset')], ['length', get('length')]];
    for (const [key, value] of range) {
      if (value === undefined) continue;
      const n = /^\d{1,20}$/.test(value) ? Number(value) : NaN;
      if (!(n <= MAX_EXTERNAL_BYTES)) {
        this.ctx.report({ ruleId: 'onnx/external-data-bad-range', pointer: `${where.pointer}/external_data`, offset: where.offset, evidence: `${key}=${clip(value, 40)}`,
          message: `Tensor "${name}" has an external ${key} that is not a sane byte count` });
      } else if (key === 'length' && expected !== null && n !== expected) {
        this.ctx.report({ ruleId: 'onnx/external-data-bad-range', pointer: `${where.pointer}/external_data`, offset: where.offset, evidence: `length=${n}, shape needs ${expected}`,
          message: `Tensor "${name}" declares ${n} external bytes where its shape needs ${expected}` });
      }
    }
  }

  blob(where: Where, start: number, end: number): void {
    if (this.pickles.length < MAX_EMBEDDED_PICKLES) this.pickles.push({ pointer: where.pointer, start, end });
    else if (!this.picklesLimited) {
      this.picklesLimited = true;
      this.ctx.limited(`only ${MAX_EMBEDDED_PICKLES} embedded pickles scanned`);
    }
  }

  func(domain: string, name: string): void { this.functions.add(`${domain}\u0000${name}`); }

  limit(what: 'depth' | 'nodes', where: Where): void {
    if (what === 'depth') {
      this.ctx.report({ ruleId: 'onnx/nesting-too-deep', pointer: where.pointer, offset: where.offset,
        message: `A subgraph nested deeper than ${MAX_GRAPH_DEPTH} levels was not scanned` });
      this.ctx.limited(`subgraphs deeper than ${MAX_GRAPH_DEPTH} not scanned`);
    } else {
      this.ctx.report({ ruleId: 'scan/limit-reached', pointer: where.pointer, offset: where.offset,
        message: `Stopped judging nodes after ${MAX_NODES}; later nodes were not scanned` });
      this.ctx.limited(`more than ${MAX_NODES} nodes`);
    }
  }

  checkAborted(): void { this.ctx.checkAborted(); }

  /** Domains are judged at the end: model-local functions (field 25) follow the graph in the file. */
  finish(stats: OnnxStats): void {
    for (const [domain, use] of this.domains) {
      const ops = [...use.first.keys()].filter((op) => !this.functions.has(`${domain}\u0000${op}`));
      if (!ops.length) continue; // every op of this domain is a function the model defines itself
      const first = use.first.get(ops[0]!)!;
      const list = ops.slice(0, LISTED_OPS).join(', ') + (ops.length > LISTED_OPS ? `, ... (${ops.length} op types)` : '');
      const known = WELL_KNOWN_DOMAINS.get(domain);
      this.ctx.report({ ruleId: known ? 'onnx/contrib-domain-op' : 'onnx/custom-domain-op', pointer: first.pointer, offset: first.offset,
        evidence: `${domain}: ${list}`,
        message: known ? `Uses ${use.count} node(s) from ${domain} (${known}): ${clip(list, 160)}`
          : `Uses ${use.count} node(s) from the custom domain "${clip(domain, 80)}", which needs a custom-operator library: ${clip(list, 160)}` });
    }
    if (stats.unknownFields) {
      this.ctx.report({ ruleId: 'onnx/unknown-fields', message: `${stats.unknownFields} protobuf field(s) not defined by onnx.proto were skipped` });
    }
    const n = this.notes;
    n.opsetImports = this.opsets.slice(0, 64).map((o) => ({ domain: clip(o.domain, 128), version: o.version }));
    n.nodes = stats.nodes;
    n.graphs = stats.graphs;
    n.tensors = stats.tensors;
    n.functions = stats.functions;
    n.subgraphDepth = stats.maxDepth;
    if (this.domains.size) n.operatorDomains = [...this.domains.keys()].slice(0, 64).map((d) => clip(d, 128));
    if (this.externalTensors) n.externalTensors = this.externalTensors;
    for (const [k, v] of Object.entries(n)) this.ctx.note(k, v);
    if (this.references.size) {
      this.ctx.note('references', [...this.references].map((path) => ({ path, kind: REFERENCE_KIND })));
    }
  }
}

async function scan(ctx: ScanContext<OnnxSniff>): Promise<void> {
  if (ctx.state?.ort) {
    ctx.report({ ruleId: 'onnx/ort-format', offset: 4, evidence: 'ORTM', message: 'ONNX Runtime ORT-format model: recognised, its graph is not parsed' });
    ctx.limited('ORT format not parsed');
    return;
  }
  // The walker and the generated decoders load on first use: the worker's main chunk stays small.
  const { walkModel } = await import('./parse');
  const judge = new Judge(ctx);
  let stats: OnnxStats;
  try {
    stats = await walkModel((o, n) => ctx.read(o, n), ctx.source.size, judge, ctx.budget.limits.maxStringBytes);
  } catch (e) {
    if (e instanceof PastEnd) {
      ctx.report({ ruleId: 'onnx/declared-size-past-end', offset: e.offset, evidence: e.message,
        message: `The ${e.what} declares more bytes than remain in its message; the file is truncated or hand-made` });
    }
    throw e;
  }
  judge.finish(stats);
  // Children after the walk: the visitor is synchronous, and the walk's window is not shared with them.
  for (const p of judge.pickles) {
    await ctx.scanChild(p.pointer, ctx.source.slice(p.start, p.end, p.pointer), 'pickle');
  }
}

/** Re-opens an embedded pickle by its pointer (navigate.ts): the same walk, judging nothing. */
async function open(ctx: OpenContext<OnnxSniff>, name: string, nth: number): Promise<OpenedChild | null> {
  if (ctx.state?.ort) return null;
  const { walkModel } = await import('./parse');
  const found: Array<[number, number]> = [];
  const none = () => {};
  await walkModel((o, n) => ctx.source.read(o, n), ctx.source.size, {
    header: none, opset: none, text: none, node: none, tensor: none, func: none, limit: none, checkAborted: none,
    blob(where, start, end) { if (where.pointer === name && found.length <= nth) found.push([start, end]); },
  }, ctx.budget.limits.maxStringBytes);
  const hit = found[nth];
  return hit ? { source: ctx.source.slice(hit[0], hit[1], name), hint: 'pickle' } : null;
}

export const onnxScanner: Scanner<OnnxSniff> = { ...onnxSniffer, scan, open };
