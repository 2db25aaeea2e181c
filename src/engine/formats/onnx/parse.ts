// Walks an ONNX ModelProto (onnx.proto, onnx 1.23.1, vendored in schema/) field by field and hands
// what it finds to a visitor: the parser returns data, the scanner judges it. Weight-bearing messages
// (Model, Graph, Node, Attribute, Tensor, Function, TrainingInfo) are walked here over a bounded
// window so raw_data is skipped by length, never read; leaf messages that cannot hold weights
// (OperatorSetIdProto, StringStringEntryProto) are decoded with the static protobufjs code.
import { FormatError } from '../../types';
import { utf8 } from '../../io/text';
import { onnx } from './schema/onnx.js';
import { MAX_DIMS, MAX_GRAPH_DEPTH, MAX_NODES } from './limits';
import { TextBatch } from './batch';
import { packedVarints, WIRE_I32, WIRE_I64, WIRE_LEN, WIRE_VARINT, WireStream, type Field, type ReadFn } from './wire';

/** external_data entries kept per tensor (onnx writes 3 or 4: location, offset, length, checksum). */
const MAX_EXTERNAL_ENTRIES = 16;
/** StringStringEntryProto decoded whole up to this size; bigger ones are read clipped. */
const MAX_ENTRY_BYTES = 64 * 1024;
/** Strings kept per attribute for the judge (all of them still go to the visitor's text()). */
const KEPT_ATTRIBUTE_STRINGS = 4;
/** Characters of an attribute string kept for evidence. */
const KEPT_ATTRIBUTE_CHARS = 256;

export interface Where { pointer: string; offset: number }

export interface OnnxAttribute { name: string; type: number; strings: string[] }

export interface OnnxNode { name: string; opType: string; domain: string; attributes: OnnxAttribute[] }

export interface OnnxTensor {
  name: string;
  dims: number[];
  dataType: number;
  /** TensorProto.DataLocation: 0 DEFAULT, 1 EXTERNAL. */
  dataLocation: number;
  externalData: Array<{ key: string; value: string }>;
  /** raw_data range, never read. */
  rawData?: { start: number; length: number };
}

export type TextKind = 'header' | 'doc' | 'metadata' | 'attribute' | 'string-data' | 'name';

export interface OnnxVisitor {
  header(key: 'irVersion' | 'producerName' | 'producerVersion' | 'domain' | 'modelVersion', value: string | number): void;
  opset(domain: string, version: number, where: Where, scope: 'model' | 'function'): void;
  text(text: string, where: Where & { key?: string }, kind: TextKind, clipped: boolean): void;
  node(node: OnnxNode, where: Where): void;
  tensor(tensor: OnnxTensor, where: Where): void;
  func(domain: string, name: string, where: Where): void;
  /** A bytes value (string attribute, string tensor element) that starts like a binary pickle. */
  blob(where: Where, start: number, end: number): void;
  /** A limit cut the walk short here (nesting, node count). */
  limit(what: 'depth' | 'nodes', where: Where): void;
  checkAborted(): void;
}

export interface OnnxStats { nodes: number; graphs: number; tensors: number; functions: number; unknownFields: number; maxDepth: number }

type Kind = 'varint' | 'len' | 'i32' | 'i64';
const WIRE: Record<Kind, number> = { varint: WIRE_VARINT, len: WIRE_LEN, i32: WIRE_I32, i64: WIRE_I64 };

export async function walkModel(read: ReadFn, size: number, v: OnnxVisitor, maxString: number): Promise<OnnxStats> {
  const w = new Walker(new WireStream(read, size), v, maxString);
  await w.model(0, size);
  return w.stats;
}

class Walker {
  readonly stats: OnnxStats = { nodes: 0, graphs: 0, tensors: 0, functions: 0, unknownFields: 0, maxDepth: 0 };
  private nodesLimited = false;

  constructor(private readonly s: WireStream, private readonly v: OnnxVisitor, private readonly maxString: number) {}

  /** Checks the wire type onnx.proto gives the field; a mismatch is a malformed file, not a skip. */
  private is(f: Field, kind: Kind, what: string): boolean {
    if (f.wire === WIRE[kind]) return true;
    // Repeated scalars may be packed (LEN) or not; the callers that accept both check themselves.
    throw new FormatError(`${what} (field ${f.no}) has wire type ${f.wire}, onnx.proto declares ${kind}`, f.at);
  }

  private unknown(): void { this.stats.unknownFields++; }

  private async string(f: Field, what: string): Promise<[string, boolean]> {
    return this.stringNow(f, what) ?? this.decode(f, await this.s.bytes(f.start, f.end, this.maxString));
  }

  /** string() without awaiting when the bytes are already in the window (names, op types). */
  private stringNow(f: Field, what: string): [string, boolean] | null {
    this.is(f, 'len', what);
    const b = this.s.bytesNow(f.start, f.end, this.maxString);
    return b && this.decode(f, b);
  }

  private decode(f: Field, b: Uint8Array): [string, boolean] {
    return [utf8(b), f.end - f.start > b.length];
  }

  /**
   * Bytes fields are free-form: a custom op can carry a pickled callable in one. A value starting with
   * PROTO 0x80 and protocol 2..5 (pickletools) is handed on whole as a child, besides its text.
   */
  private async pickled(f: Field, pointer: string): Promise<void> {
    if (f.wire !== WIRE_LEN || f.end - f.start < 3) return;
    const h = this.s.bytesNow(f.start, f.start + 2, 2) ?? await this.s.bytes(f.start, f.start + 2, 2);
    if (h[0] === 0x80 && h[1]! >= 2 && h[1]! <= 5) this.v.blob({ pointer, offset: f.start }, f.start, f.end);
  }

  private async text(f: Field, pointer: string, kind: TextKind, what: string, key?: string): Promise<string> {
    const [t, clipped] = await this.string(f, what);
    if (t.length) this.v.text(t, key === undefined ? { pointer, offset: f.start } : { pointer, offset: f.start, key }, kind, clipped);
    return t;
  }

  /** StringStringEntryProto: static decoder when small, clipped field walk when not. */
  private async entry(f: Field, what: string): Promise<{ key: string; value: string; clipped: boolean }> {
    this.is(f, 'len', what);
    const n = f.end - f.start;
    if (n <= MAX_ENTRY_BYTES) {
      const b = await this.s.bytes(f.start, f.end, n);
      try {
        const e = onnx.StringStringEntryProto.decode(b);
        return { key: e.key, value: e.value, clipped: false };
      } catch (e) {
        throw new FormatError(`${what}: ${(e as Error).message}`, f.at);
      }
    }
    let key = '';
    let value = '';
    let clipped = false;
    for (let pos = f.start; pos < f.end;) {
      const g = this.s.fieldNow(pos, f.end, what) ?? await this.s.field(pos, f.end, what);
      pos = g.end;
      if (g.no === 1 || g.no === 2) {
        const [t, c] = await this.string(g, `${what}.${g.no === 1 ? 'key' : 'value'}`);
        if (g.no === 1) key = t; else value = t;
        clipped ||= c;
      } else this.unknown();
    }
    return { key, value, clipped };
  }

  private async metadata(f: Field, pointer: string, what: string): Promise<void> {
    const e = await this.entry(f, what);
    if (e.value.length) this.v.text(e.value, { pointer, offset: f.start, key: e.key }, 'metadata', e.clipped);
    if (e.key.length) this.v.text(e.key, { pointer: `${pointer}/key`, offset: f.start }, 'metadata', e.clipped);
  }

  async model(start: number, end: number): Promise<void> {
    let opsets = 0;
    let meta = 0;
    let functions = 0;
    let training = 0;
    for (let pos = start; pos < end;) {
      const f = this.s.fieldNow(pos, end, 'ModelProto') ?? await this.s.field(pos, end, 'ModelProto');
      pos = f.end;
      switch (f.no) {
        case 1: this.is(f, 'varint', 'ModelProto.ir_version'); this.v.header('irVersion', f.value); break;
        case 2: this.v.header('producerName', await this.text(f, '/producer_name', 'header', 'ModelProto.producer_name')); break;
        case 3: this.v.header('producerVersion', await this.text(f, '/producer_version', 'header', 'ModelProto.producer_version')); break;
        case 4: this.v.header('domain', await this.text(f, '/domain', 'header', 'ModelProto.domain')); break;
        case 5: this.is(f, 'varint', 'ModelProto.model_version'); this.v.header('modelVersion', f.value); break;
        case 6: await this.text(f, '/doc_string', 'doc', 'ModelProto.doc_string'); break;
        case 7: this.is(f, 'len', 'ModelProto.graph'); await this.graph(f, '/graph', 0); break;
        case 8: await this.opset(f, `/opset_import/${opsets++}`, 'model', 'ModelProto.opset_import'); break;
        case 14: await this.metadata(f, `/metadata_props/${meta++}`, 'ModelProto.metadata_props'); break;
        case 20: this.is(f, 'len', 'ModelProto.training_info'); await this.training(f, `/training_info/${training++}`); break;
        case 25: this.is(f, 'len', 'ModelProto.functions'); await this.func(f, `/functions/${functions++}`); break;
        case 26: break; // DeviceConfigurationProto: device names, no strings a loader acts on
        default: this.unknown();
      }
    }
  }

  private async opset(f: Field, pointer: string, scope: 'model' | 'function', what: string): Promise<void> {
    this.is(f, 'len', what);
    // An OperatorSetIdProto is a domain string and a version: far below the window size.
    const b = await this.s.bytes(f.start, f.end, this.maxString);
    if (b.length < f.end - f.start) throw new FormatError(`${what} larger than ${this.maxString} bytes`, f.at);
    let o: onnx.OperatorSetIdProto;
    try {
      o = onnx.OperatorSetIdProto.decode(b);
    } catch (e) {
      throw new FormatError(`${what}: ${(e as Error).message}`, f.at);
    }
    const version = typeof o.version === 'number' ? o.version : Number(String(o.version));
    this.v.opset(o.domain, version, { pointer, offset: f.at }, scope);
  }

  private async training(f: Field, pointer: string): Promise<void> {
    for (let pos = f.start; pos < f.end;) {
      const g = this.s.fieldNow(pos, f.end, 'TrainingInfoProto') ?? await this.s.field(pos, f.end, 'TrainingInfoProto');
      pos = g.end;
      if (g.no === 1 && this.is(g, 'len', 'TrainingInfoProto.initialization')) await this.graph(g, `${pointer}/initialization`, 0);
      else if (g.no === 2 && this.is(g, 'len', 'TrainingInfoProto.algorithm')) await this.graph(g, `${pointer}/algorithm`, 0);
      else if (g.no !== 3 && g.no !== 4) this.unknown();
    }
  }

  private async graph(f: Field, pointer: string, depth: number): Promise<void> {
    if (depth > MAX_GRAPH_DEPTH) { this.v.limit('depth', { pointer, offset: f.at }); return; }
    this.stats.graphs++;
    this.stats.maxDepth = Math.max(this.stats.maxDepth, depth);
    let nodes = 0;
    let inits = 0;
    let sparse = 0;
    let meta = 0;
    for (let pos = f.start; pos < f.end;) {
      const g = this.s.fieldNow(pos, f.end, 'GraphProto') ?? await this.s.field(pos, f.end, 'GraphProto');
      pos = g.end;
      switch (g.no) {
        case 1: this.is(g, 'len', 'GraphProto.node'); await this.node(g, `${pointer}/node/${nodes++}`, depth); break;
        case 2: await this.text(g, `${pointer}/name`, 'name', 'GraphProto.name'); break;
        case 5: this.is(g, 'len', 'GraphProto.initializer'); await this.tensor(g, `${pointer}/initializer/${inits++}`); break;
        case 10: await this.text(g, `${pointer}/doc_string`, 'doc', 'GraphProto.doc_string'); break;
        case 11: case 12: case 13: case 14: this.is(g, 'len', 'GraphProto value info'); break; // names and types
        case 15: this.is(g, 'len', 'GraphProto.sparse_initializer'); await this.sparse(g, `${pointer}/sparse_initializer/${sparse++}`); break;
        case 16: await this.metadata(g, `${pointer}/metadata_props/${meta++}`, 'GraphProto.metadata_props'); break;
        default: this.unknown();
      }
    }
  }

  private async node(f: Field, pointer: string, depth: number): Promise<void> {
    if (this.stats.nodes >= MAX_NODES) {
      if (!this.nodesLimited) this.v.limit('nodes', { pointer, offset: f.at });
      this.nodesLimited = true;
      return;
    }
    if ((++this.stats.nodes & 0x3ff) === 0) this.v.checkAborted();
    const n: OnnxNode = { name: '', opType: '', domain: '', attributes: [] };
    let meta = 0;
    for (let pos = f.start; pos < f.end;) {
      const g = this.s.fieldNow(pos, f.end, 'NodeProto') ?? await this.s.field(pos, f.end, 'NodeProto');
      pos = g.end;
      switch (g.no) {
        case 1: case 2: this.is(g, 'len', 'NodeProto.input/output'); break; // value names
        case 3: n.name = (this.stringNow(g, 'NodeProto.name') ?? await this.string(g, 'NodeProto.name'))[0]; break;
        case 4: n.opType = (this.stringNow(g, 'NodeProto.op_type') ?? await this.string(g, 'NodeProto.op_type'))[0]; break;
        case 5: this.is(g, 'len', 'NodeProto.attribute'); n.attributes.push(await this.attribute(g, `${pointer}/attribute/${n.attributes.length}`, depth)); break;
        case 6: await this.text(g, `${pointer}/doc_string`, 'doc', 'NodeProto.doc_string'); break;
        case 7: n.domain = (this.stringNow(g, 'NodeProto.domain') ?? await this.string(g, 'NodeProto.domain'))[0]; break;
        case 8: this.is(g, 'len', 'NodeProto.overload'); break;
        case 9: await this.metadata(g, `${pointer}/metadata_props/${meta++}`, 'NodeProto.metadata_props'); break;
        case 10: this.is(g, 'len', 'NodeProto.device_configurations'); break;
        default: this.unknown();
      }
    }
    this.v.node(n, { pointer, offset: f.at });
  }

  private async attribute(f: Field, pointer: string, depth: number): Promise<OnnxAttribute> {
    const a: OnnxAttribute = { name: '', type: 0, strings: [] };
    let tensors = 0;
    let graphs = 0;
    let sparse = 0;
    const list = new TextBatch(this.v, `${pointer}/strings`, 'attribute', () => a.name || undefined);
    const keep = (t: string) => { if (a.strings.length < KEPT_ATTRIBUTE_STRINGS) a.strings.push(t.slice(0, KEPT_ATTRIBUTE_CHARS)); };
    for (let pos = f.start; pos < f.end;) {
      const g = this.s.fieldNow(pos, f.end, 'AttributeProto') ?? await this.s.field(pos, f.end, 'AttributeProto');
      pos = g.end;
      switch (g.no) {
        case 1: a.name = (this.stringNow(g, 'AttributeProto.name') ?? await this.string(g, 'AttributeProto.name'))[0]; break;
        case 20: this.is(g, 'varint', 'AttributeProto.type'); a.type = g.value; break;
        case 4: await this.pickled(g, `${pointer}/s`); keep(await this.text(g, `${pointer}/s`, 'attribute', 'AttributeProto.s', a.name || undefined)); break;
        case 9: {
          await this.pickled(g, `${pointer}/strings/${list.count}`);
          const [t, clipped] = await this.string(g, 'AttributeProto.strings');
          keep(t);
          list.add(t, g.start, clipped);
          break;
        }
        case 5: this.is(g, 'len', 'AttributeProto.t'); await this.tensor(g, `${pointer}/t`); break;
        case 10: this.is(g, 'len', 'AttributeProto.tensors'); await this.tensor(g, `${pointer}/tensors/${tensors++}`); break;
        case 6: this.is(g, 'len', 'AttributeProto.g'); await this.graph(g, `${pointer}/g`, depth + 1); break;
        case 11: this.is(g, 'len', 'AttributeProto.graphs'); await this.graph(g, `${pointer}/graphs/${graphs++}`, depth + 1); break;
        case 22: this.is(g, 'len', 'AttributeProto.sparse_tensor'); await this.sparse(g, `${pointer}/sparse_tensor`); break;
        case 23: this.is(g, 'len', 'AttributeProto.sparse_tensors'); await this.sparse(g, `${pointer}/sparse_tensors/${sparse++}`); break;
        case 13: await this.text(g, `${pointer}/doc_string`, 'doc', 'AttributeProto.doc_string'); break;
        case 21: await this.string(g, 'AttributeProto.ref_attr_name'); break;
        case 2: this.is(g, 'i32', 'AttributeProto.f'); break;
        case 3: this.is(g, 'varint', 'AttributeProto.i'); break;
        case 7: case 8: case 14: case 15: break; // floats, ints (packed or not), type protos
        default: this.unknown();
      }
    }
    list.flush();
    return a;
  }

  private async sparse(f: Field, pointer: string): Promise<void> {
    for (let pos = f.start; pos < f.end;) {
      const g = this.s.fieldNow(pos, f.end, 'SparseTensorProto') ?? await this.s.field(pos, f.end, 'SparseTensorProto');
      pos = g.end;
      if (g.no === 1 && this.is(g, 'len', 'SparseTensorProto.values')) await this.tensor(g, `${pointer}/values`);
      else if (g.no === 2 && this.is(g, 'len', 'SparseTensorProto.indices')) await this.tensor(g, `${pointer}/indices`);
      else if (g.no !== 3) this.unknown();
    }
  }

  private async tensor(f: Field, pointer: string): Promise<void> {
    this.stats.tensors++;
    const t: OnnxTensor = { name: '', dims: [], dataType: 0, dataLocation: 0, externalData: [] };
    const strings = new TextBatch(this.v, `${pointer}/string_data`, 'string-data', () => undefined);
    let external = 0;
    let meta = 0;
    for (let pos = f.start; pos < f.end;) {
      const g = this.s.fieldNow(pos, f.end, 'TensorProto') ?? await this.s.field(pos, f.end, 'TensorProto');
      pos = g.end;
      switch (g.no) {
        case 1: // dims: packed (LEN) or one varint per dimension
          if (g.wire === WIRE_VARINT) { if (t.dims.length <= MAX_DIMS) t.dims.push(g.value); }
          else if (this.is(g, 'len', 'TensorProto.dims')) {
            // A varint is at most 10 bytes: this prefix holds the first MAX_DIMS + 1 whole, enough to judge.
            const b = await this.s.bytes(g.start, g.end, (MAX_DIMS + 1) * 10);
            t.dims.push(...packedVarints(b, MAX_DIMS + 1 - t.dims.length));
          }
          break;
        case 2: this.is(g, 'varint', 'TensorProto.data_type'); t.dataType = g.value; break;
        case 8: t.name = (this.stringNow(g, 'TensorProto.name') ?? await this.string(g, 'TensorProto.name'))[0]; break;
        case 9: this.is(g, 'len', 'TensorProto.raw_data'); t.rawData = { start: g.start, length: g.end - g.start }; break;
        case 6: {
          await this.pickled(g, `${pointer}/string_data/${strings.count}`);
          const [text, clipped] = await this.string(g, 'TensorProto.string_data');
          strings.add(text, g.start, clipped);
          break;
        }
        case 12: await this.text(g, `${pointer}/doc_string`, 'doc', 'TensorProto.doc_string'); break;
        case 13: {
          const e = await this.entry(g, 'TensorProto.external_data');
          // onnx's ExternalDataInfo and ORT assign entries in order, so a repeated key's last value wins:
          // every location is kept for the judge, other keys up to a bound.
          if (e.key === 'location' ? t.externalData.length < MAX_EXTERNAL_ENTRIES * 2 : t.externalData.length < MAX_EXTERNAL_ENTRIES) {
            t.externalData.push({ key: e.key, value: e.value });
          }
          if (e.key !== 'location' && e.key !== 'offset' && e.key !== 'length' && e.key !== 'checksum' && e.value.length) {
            this.v.text(e.value, { pointer: `${pointer}/external_data/${external}`, offset: g.start, key: e.key }, 'metadata', e.clipped);
          }
          external++;
          break;
        }
        case 14: this.is(g, 'varint', 'TensorProto.data_location'); t.dataLocation = g.value; break;
        case 16: await this.metadata(g, `${pointer}/metadata_props/${meta++}`, 'TensorProto.metadata_props'); break;
        case 3: case 4: case 5: case 7: case 10: case 11: break; // segment, typed values: skipped by length
        default: this.unknown();
      }
    }
    strings.flush();
    this.v.tensor(t, { pointer, offset: f.at });
  }

  private async func(f: Field, pointer: string): Promise<void> {
    this.stats.functions++;
    let name = '';
    let domain = '';
    let nodes = 0;
    let attrs = 0;
    let opsets = 0;
    let meta = 0;
    for (let pos = f.start; pos < f.end;) {
      const g = this.s.fieldNow(pos, f.end, 'FunctionProto') ?? await this.s.field(pos, f.end, 'FunctionProto');
      pos = g.end;
      switch (g.no) {
        case 1: name = (await this.string(g, 'FunctionProto.name'))[0]; break;
        case 10: domain = (await this.string(g, 'FunctionProto.domain'))[0]; break;
        case 7: this.is(g, 'len', 'FunctionProto.node'); await this.node(g, `${pointer}/node/${nodes++}`, 0); break;
        case 11: this.is(g, 'len', 'FunctionProto.attribute_proto'); await this.attribute(g, `${pointer}/attribute_proto/${attrs++}`, 0); break;
        case 8: await this.text(g, `${pointer}/doc_string`, 'doc', 'FunctionProto.doc_string'); break;
        case 9: await this.opset(g, `${pointer}/opset_import/${opsets++}`, 'function', 'FunctionProto.opset_import'); break;
        case 14: await this.metadata(g, `${pointer}/metadata_props/${meta++}`, 'FunctionProto.metadata_props'); break;
        case 4: case 5: case 6: case 12: case 13: this.is(g, 'len', 'FunctionProto names'); break;
        default: this.unknown();
      }
    }
    this.v.func(domain, name, { pointer, offset: f.at });
  }
}

