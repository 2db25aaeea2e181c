// Judges a Keras config (model_config of an .h5, config.json of a .keras, the Keras metadata of a
// SavedModel): what deserialize_keras_object / Lambda.from_config would import or rebuild when the
// model loads. Exported for other scanners (TensorFlow's keras_metadata.pb). Reads only the JSON value;
// the one child it sends on is a TorchModuleWrapper's pickled module (through ctx.scanChild).
import type { JsonValue, ScanContext } from '../../types';
import { fromBytes } from '../../io/byte-source';
import { clip } from '../../io/text';
import { decodeBase64 } from '../../detectors/encoded';
import { pointerKeys, pointerToken, isJsonObject, valueAt } from '../../io/json';
import { parseMarshal, summarizeCode } from './marshal';
import { pickleKnowledge } from '../pickle/knowledge-load';
import { factsOf, harmfulReach, reachText, sinksText } from '../pickle/verdict';
import {
  DANGEROUS_CODE_NAMES, DANGEROUS_SOURCE, getFileGate, importGate, judgeImport, lambdaGate, torchWrapperGate,
  unsafeGate, type Container,
} from './policy';

/** Keras preprocessing layers built on IndexLookup (by class name), whose vocabulary may be a file path. */
const LOOKUP_LAYERS = /^(StringLookup|IntegerLookup|IndexLookup|TextVectorization)$/;

/** JSON values visited per config. Real configs of large models hold ~10^5; stops pathological ones. */
export const MAX_CONFIG_VALUES = 2_000_000;
/** Base64 characters decoded for one Lambda's bytecode (a lambda is < 10 KiB of marshal data). */
const MAX_CODE_B64_CHARS = 4 * 1024 * 1024;
/** Names listed in a finding's evidence. */
const EVIDENCE_NAMES = 12;
/** Keras's own special class names: values, not imports (serialization_lib.deserialize_keras_object). */
const VALUE_CLASSES = new Set(['__keras_tensor__', '__tensor__', '__numpy__', '__bytes__', '__ellipsis__', '__slice__', '__lambda__']);

export interface KerasJudgeOptions {
  /** Prefix of every pointer reported (e.g. '/@model_config#' for an HDF5 attribute); '' by default. */
  pointerBase?: string;
  /** keras_version recorded next to the config, for the CVE wording. */
  kerasVersion?: string;
  /** Where the config came from: the loaders' safe_mode rules differ ('keras' by default). */
  container?: Container;
}

export interface KerasConfigSummary {
  modelClass?: string;
  layers: number;
  layerClasses: Record<string, number>;
  lambdas: number;
  customObjects: string[];
  truncated: boolean;
}

/** Sorts base64 with Keras's line breaks (codecs base64 wraps at 76) into bytes, bounded. */
export function decodeBase64Lines(text: string, maxChars = MAX_CODE_B64_CHARS): Uint8Array {
  return decodeBase64(text.slice(0, maxChars + maxChars / 38).replace(/\s+/g, ''), maxChars);
}

/** Resolves an RFC 6901 pointer inside a parsed config (Scanner.open for the wrapped torch module). */
export function resolvePointer(root: JsonValue, pointer: string): JsonValue | undefined {
  return valueAt(root, pointerKeys(pointer));
}

interface CustomImport { module: string; name: string; full: string; pointer: string; what: string; reason: string }

/**
 * A module outside Keras that the knowledge base analysed (its library's source) is judged by it, as a
 * pickle GLOBAL of the same name is: reaching a harmful sink is a dangerous import; reaching none leaves
 * a note (loading still needs the package installed). Names nobody analysed stay WARNING.
 */
async function judgeCustomImports(ctx: ScanContext, imports: readonly CustomImport[], version: string | undefined): Promise<void> {
  const knowledge = imports.some((i) => i.module !== '__main__' && i.name) ? await pickleKnowledge() : null;
  for (const i of imports) {
    const facts = knowledge && i.module !== '__main__' && i.name ? factsOf(knowledge, i.module, i.name) : null;
    const harmful = facts ? harmfulReach(facts) : [];
    if (facts && harmful.length) {
      const sinks = sinksText(harmful);
      ctx.report({ ruleId: 'keras/dangerous-import', pointer: i.pointer, evidence: clip(i.full, 120),
        message: `${i.what} imports ${i.full}, which reaches ${sinks} (path: ${reachText(harmful[0]!)}) (${importGate(version)})` });
    } else if (facts) {
      ctx.report({ ruleId: 'keras/custom-import', pointer: i.pointer, evidence: clip(i.full, 120), severity: 'info',
        severityReason: 'the analysis of its library finds it reaches no sink',
        message: `${i.what} needs ${i.full}: ${i.reason}; the analysis of its library finds it reaches nothing dangerous` });
    } else {
      ctx.report({ ruleId: 'keras/custom-import', pointer: i.pointer, evidence: clip(i.full, 120), message: `${i.what} needs ${i.full}: ${i.reason}` });
    }
  }
}

/** The bytes a TorchModuleWrapper child named `name` (its JSON pointer) holds, or null. */
export function torchModuleBytes(config: JsonValue, name: string): Uint8Array | null {
  const v = resolvePointer(config, name);
  return typeof v === 'string' ? decodeBase64Lines(v, Number.MAX_SAFE_INTEGER) : null;
}

export async function judgeKerasConfig(ctx: ScanContext, config: JsonValue, opts: KerasJudgeOptions = {}): Promise<KerasConfigSummary> {
  const base = opts.pointerBase ?? '';
  const version = opts.kerasVersion;
  const container = opts.container ?? 'keras';
  const summary: KerasConfigSummary = { layers: 0, layerClasses: {}, lambdas: 0, customObjects: [], truncated: false };
  if (isJsonObject(config) && typeof config.class_name === 'string') summary.modelClass = config.class_name;
  const consumed = new Set<string>();       // pointers of strings judged as code or blobs, not as text
  const torchChildren: string[] = [];

  const reportImport = (module: string, name: string, ptr: string, what: string) => {
    const v = judgeImport(module, name);
    const full = name ? `${module}.${name}` : module;
    const pointer = base + ptr;
    switch (v.kind) {
      case 'keras': return;
      case 'dangerous':
        ctx.report({ ruleId: 'keras/dangerous-import', pointer, evidence: clip(full, 120),
          message: `${what} imports ${full}: ${v.reason} (${importGate(version)})` });
        return;
      case 'get-file':
        ctx.report({ ruleId: 'keras/get-file', pointer, evidence: clip(full, 120),
          message: `${what} calls ${full}, which downloads files during loading (${getFileGate(version)})` });
        return;
      case 'unsafe-deserialization':
        ctx.report({ ruleId: 'keras/unsafe-deserialization', pointer, evidence: clip(full, 120),
          message: `${what} calls ${full}, switching safe_mode off (${unsafeGate(version)})` });
        return;
      case 'registered':
        if (summary.customObjects.length < 50 && !summary.customObjects.includes(name)) summary.customObjects.push(name);
        ctx.report({ ruleId: 'keras/custom-import', pointer, evidence: clip(full, 120), severity: 'info',
          severityReason: 'a name Keras resolves in the loading program, not an import', message: `${what} names ${name}: ${v.reason}` });
        return;
      case 'custom':
        if (summary.customObjects.length < 50 && !summary.customObjects.includes(full)) summary.customObjects.push(full);
        customImports.push({ module, name, full, pointer, what, reason: v.reason });
    }
  };
  /** Imports outside Keras, judged after the walk, with the knowledge base when a library of them was analysed. */
  const customImports: CustomImport[] = [];

  const reportBytecode = (code: string, ptr: string, what: string) => {
    consumed.add(ptr);
    const pointer = base + ptr;
    const bytes = decodeBase64Lines(code);
    let parsed;
    try { parsed = parseMarshal(bytes); } catch (e) {
      ctx.report({ ruleId: 'keras/lambda-bytecode', pointer, evidence: clip(code, 80),
        message: `${what} stores ${bytes.length} bytes of marshalled Python code that could not be decoded (${(e as Error).message}); loading runs it (${lambdaGate(version, container)})` });
      return;
    }
    const s = summarizeCode(parsed.value);
    const risky = [...s.names.filter((n) => DANGEROUS_CODE_NAMES.has(n)),
      ...s.strings.flatMap((t) => [...t.matchAll(DANGEROUS_SOURCE)].map((m) => m[1]!))];
    const riskyList = [...new Set(risky)].slice(0, EVIDENCE_NAMES);
    const consts = s.strings.slice(0, EVIDENCE_NAMES).map((t) => `'${clip(t, 60)}'`);
    ctx.report({ ruleId: 'keras/lambda-bytecode', pointer,
      evidence: clip(`names: ${s.names.slice(0, EVIDENCE_NAMES).join(', ') || '-'}; consts: ${consts.join(', ') || '-'}`, 400),
      message: `${what} stores Python ${parsed.layout ?? ''} bytecode that runs when the model loads`.replace('  ', ' ')
        + (riskyList.length ? `; it references ${riskyList.join(', ')}` : '') + ` (${lambdaGate(version, container)})` });
    for (const t of s.strings) if (t.length > 3) ctx.inspectString(t, { pointer, key: 'bytecode constant' });
  };

  const looksMarshalled = (text: string): boolean => {
    if (!/^[A-Za-z0-9+/=\s]{16,}$/.test(text)) return false;
    const b = decodeBase64Lines(text.slice(0, 64));
    return (b[0]! & 0x7f) === 0x63; // 'c': a code object (with or without FLAG_REF)
  };

  const judgeLambda = (cfg: { [k: string]: JsonValue }, ptr: string, layerName: string) => {
    summary.lambdas++;
    const what = `Lambda layer "${clip(layerName, 60)}"`;
    for (const key of ['function', 'output_shape', 'mask']) {
      const fn = cfg[key];
      const type = cfg[key === 'function' ? 'function_type' : `${key}_type`];
      const at = `${ptr}/${key}`;
      if (Array.isArray(fn) && typeof fn[0] === 'string' && (type === 'lambda' || looksMarshalled(fn[0]))) {
        reportBytecode(fn[0], `${at}/0`, key === 'function' ? what : `${what} (${key})`);
      } else if (typeof fn === 'string' && key === 'function') {
        if (type === 'function') {
          consumed.add(at);
          reportImport(typeof cfg.module === 'string' ? cfg.module : '', fn, at, what);
        } else if (looksMarshalled(fn)) {
          reportBytecode(fn, at, what);
        } else {
          consumed.add(at);
          const hits = [...new Set([...fn.matchAll(DANGEROUS_SOURCE)].map((m) => m[1]!))];
          ctx.report({ ruleId: 'keras/lambda-source', pointer: base + at, evidence: clip(fn, 200),
            ...(hits.length ? { severity: 'critical' as const, severityReason: `the source reaches ${hits.join(', ')}` } : {}),
            message: `${what} defines its function as source text${hits.length ? ` that reaches ${hits.slice(0, EVIDENCE_NAMES).join(', ')}` : ''} (${lambdaGate(version, container)})` });
          ctx.inspectString(fn, { pointer: base + at, key });
        }
      }
    }
  };

  const examine = (obj: { [k: string]: JsonValue }, ptr: string, enclosing: string | undefined): string | undefined => {
    const cls = typeof obj.class_name === 'string' ? obj.class_name : undefined;
    const inner = obj.config;
    const named = isJsonObject(inner) && typeof inner.name === 'string' ? inner.name : undefined;
    const layerName = named ?? enclosing ?? cls ?? '?';
    if (/\/layers\/\d+$/.test(ptr) && cls) {
      summary.layers++;
      summary.layerClasses[cls] = (summary.layerClasses[cls] ?? 0) + 1;
    }
    if (cls === '__lambda__' && isJsonObject(inner)) {
      const value = inner.value;
      const what = enclosing ? `Lambda function of "${clip(enclosing, 60)}"` : 'A "__lambda__" function';
      if (typeof inner.code === 'string') reportBytecode(inner.code, `${ptr}/config/code`, what);
      else if (Array.isArray(value) && typeof value[0] === 'string') reportBytecode(value[0], `${ptr}/config/value/0`, what);
      else if (typeof value === 'string') reportBytecode(value, `${ptr}/config/value`, what);
    }
    if (cls === 'Lambda' && isJsonObject(inner)) judgeLambda(inner, `${ptr}/config`, named ?? '(unnamed)');
    // IndexLookup.set_vocabulary reads a string vocabulary as a file path (keras/src/layers/preprocessing).
    if (cls && LOOKUP_LAYERS.test(cls) && isJsonObject(inner) && typeof inner.vocabulary === 'string' && inner.vocabulary !== '') {
      ctx.report({ ruleId: 'keras/vocabulary-file', pointer: `${base}${ptr}/config/vocabulary`, evidence: clip(inner.vocabulary, 120),
        message: `${cls} "${clip(layerName, 60)}" reads its vocabulary from the file ${JSON.stringify(clip(inner.vocabulary, 120))} when it is rebuilt` });
    }
    if (cls === 'TorchModuleWrapper') {
      const blob = isJsonObject(inner) && typeof inner.module === 'string' ? `${ptr}/config/module` : undefined;
      if (blob) { consumed.add(blob); torchChildren.push(blob); }
      ctx.report({ ruleId: 'keras/torch-module-wrapper', pointer: base + ptr,
        message: `TorchModuleWrapper "${clip(layerName, 60)}" ${blob ? 'holds a pickled torch module that torch.load runs' : 'rebuilds a torch module'} (${torchWrapperGate(version)})` });
    }
    // Imports: module + class_name (or, for class_name "function", module + config).
    const where = cls === 'function' ? 'A function reference' : `Object "${clip(layerName, 60)}"`;
    if (typeof obj.module === 'string' && cls && !VALUE_CLASSES.has(cls)) {
      const name = cls === 'function' ? (typeof inner === 'string' ? inner : '') : cls === '__typespec__' && typeof obj.spec_name === 'string' ? obj.spec_name : cls;
      if (cls === 'function' && typeof inner === 'string') consumed.add(`${ptr}/config`);
      reportImport(obj.module, name, `${ptr}/module`, where);
    }
    if (typeof obj.fn_module === 'string') {
      const name = typeof obj.function_name === 'string' ? obj.function_name : cls ?? '';
      reportImport(obj.fn_module, name, `${ptr}/fn_module`, where);
    }
    if (obj.safe_mode === false) {
      ctx.report({ ruleId: 'keras/unsafe-deserialization', pointer: `${base}${ptr}/safe_mode`,
        message: `The config sets safe_mode to false (${unsafeGate(version)})` });
    }
    return named ?? enclosing;
  };

  // Iterative walk (configs nest as deep as the JSON parser allowed): strings go to the detectors.
  const stack: Array<{ v: JsonValue; ptr: string; key?: string; layer?: string }> = [{ v: config, ptr: '' }];
  let visited = 0;
  while (stack.length) {
    const { v, ptr, key, layer } = stack.pop()!;
    if (++visited > MAX_CONFIG_VALUES) { summary.truncated = true; break; }
    if (typeof v === 'string') {
      if (consumed.has(ptr)) continue;
      if (/enable_unsafe_deserialization/.test(v)) {
        ctx.report({ ruleId: 'keras/unsafe-deserialization', pointer: base + ptr, evidence: clip(v, 120),
          message: `The config names enable_unsafe_deserialization (${unsafeGate(version)})` });
      } else if (/(^|[.\s])get_file\b/.test(v)) {
        ctx.report({ ruleId: 'keras/get-file', pointer: base + ptr, evidence: clip(v, 120),
          message: `The config names get_file (${getFileGate(version)})` });
      }
      ctx.inspectString(v, { pointer: base + ptr, key });
      continue;
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i]!, ptr: `${ptr}/${i}`, key, layer });
      continue;
    }
    if (!isJsonObject(v)) continue;
    const inLayer = examine(v, ptr, layer);
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) stack.push({ v: v[keys[i]!]!, ptr: `${ptr}/${pointerToken(keys[i]!)}`, key: keys[i], layer: inLayer });
  }
  if (summary.truncated) ctx.limited(`config has more than ${MAX_CONFIG_VALUES} values`);
  await judgeCustomImports(ctx, customImports, version);

  for (const ptr of torchChildren) {
    const text = resolvePointer(config, ptr);
    if (typeof text !== 'string') continue;
    const bytes = decodeBase64Lines(text, ctx.budget.limits.maxMemberBytes);
    await ctx.scanChild(base + ptr, fromBytes(bytes, base + ptr));
  }
  return summary;
}
