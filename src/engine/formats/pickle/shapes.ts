// Attack shapes the engine recognises whatever the policy tables say: reflection dunders reached
// through an allowlisted module, dotted names that walk into another module (pathlib.os.system),
// code-object constructors of dill/cloudpickle, and decode → execute chains.
import type { PolicyVerdict } from './policy';
import { clauseOf } from './verdict';
import { decodeBase64, decodeHex } from '../../detectors/encoded';
import { inflateZlib, MAX_NESTED_BYTES } from './nested';
import { bytesToLatin1 } from './args';
import { isNode, tupleItems, type Val } from './values';
import type { GlobalNode } from './machine';
import { unvendored } from './policy-dangerous';

/** Attributes that lead from any object to builtins, globals or code: never needed by a model. */
const REFLECTION = new Set([
  '__builtins__', '__globals__', '__dict__', '__class__', '__bases__', '__base__', '__mro__', '__subclasses__',
  '__getattribute__', '__getattr__', '__setattr__', '__delattr__', '__import__', '__loader__', '__spec__',
  '__code__', '__closure__', '__func__', '__self__', '__init_subclass__', '__reduce__', '__reduce_ex__', '__call__',
]);

type Classify = (module: string, name: string) => PolicyVerdict;

/** Dotted names (after the module) longer than this are attribute walks; library paths are a few segments. */
const MAX_NAME_SEGMENTS = 32;

/**
 * The names ML scripts import modules under (`import numpy as np`). pickle resolves `__main__` in the
 * program that loads the file, and find_class walks a dotted name with getattr, so `__main__` +
 * `np.load` is numpy.load in nearly every training script: judged as that name.
 */
const PROGRAM_ALIASES: ReadonlyMap<string, string> = new Map([
  ['np', 'numpy'], ['pd', 'pandas'], ['sp', 'scipy'], ['plt', 'matplotlib.pyplot'], ['sns', 'seaborn'],
  ['tf', 'tensorflow'], ['nn', 'torch.nn'], ['F', 'torch.nn.functional'], ['jnp', 'jax.numpy'], ['K', 'keras.backend'],
  ['pl', 'lightning'], ['xgb', 'xgboost'], ['lgb', 'lightgbm'], ['sm', 'statsmodels.api'], ['mp', 'multiprocessing'],
  ['sps', 'scipy.sparse'], ['ort', 'onnxruntime'], ['hf_hub', 'huggingface_hub'],
]);
const PROGRAM_MODULES = new Set(['__main__', '__mp_main__']);

/** The library path a `__main__` name reaches through a conventional import alias (__main__ sp.io.loadmat → scipy.io.loadmat), or null. */
export function programAliasPath(module: string, name: string): string | null {
  if (!PROGRAM_MODULES.has(module)) return null;
  const dot = name.indexOf('.');
  const alias = dot > 0 ? PROGRAM_ALIASES.get(name.slice(0, dot)) : undefined;
  return alias ? `${alias}${name.slice(dot)}` : null;
}

/**
 * The policy's verdict, made stronger when the name reaches further than the policy looked: a
 * reflection dunder anywhere in module or name, or a dotted name whose tail, read as
 * `module.attr` (pathlib.os.system → os.system), is dangerous.
 */
export function strongerVerdict(module: string, name: string, classify: Classify): PolicyVerdict {
  const base = classify(module, name);
  if (base.level === 'dangerous') return base;
  const parts = [...module.split('.'), ...name.split('.')];
  const dunder = parts.find((p) => REFLECTION.has(p));
  if (dunder) return { level: 'dangerous', reason: `${module}.${name} reaches ${dunder} through ${module}, a path to builtins and arbitrary code`, category: 'reflection' };
  const nameParts = name.split('.');
  const alias = PROGRAM_MODULES.has(module) && nameParts.length > 1 ? PROGRAM_ALIASES.get(nameParts[0]!) : undefined;
  if (alias) {
    const v = classify(alias, nameParts.slice(1).join('.'));
    if (v.level === 'dangerous') {
      const real = `${alias}.${nameParts.slice(1).join('.')}`;
      return { ...v, reason: `${module}.${name} is ${real} when the program imported ${alias} as ${nameParts[0]}; ${v.reason}` };
    }
  }
  // Every tail below is classified on its own (each costs its length): bounded, so a hostile name of
  // 20 000 segments costs a few lookups instead of 20 000² segment reads.
  if (nameParts.length > MAX_NAME_SEGMENTS) {
    return { level: 'dangerous', category: 'reflection',
      reason: `${module}.${name.slice(0, 80)}… walks ${nameParts.length} attributes deep; no library defines such a path, only an attribute-walk attack builds one` };
  }
  for (let k = 1; k < nameParts.length; k++) {
    const tail = nameParts.slice(k).join('.');
    for (const mod of [`${module}.${nameParts.slice(0, k).join('.')}`, nameParts[k - 1]!]) {
      const v = classify(mod, tail);
      if (v.level === 'dangerous') return { ...v, reason: `${module}.${name} reaches ${mod}.${tail}${clauseOf(v, `${mod}.${tail}`, true)}` };
    }
  }
  return base;
}

const CODE_CTORS = new Set([
  'types.CodeType', 'types.FunctionType', 'types.LambdaType',
  'dill._dill._create_code', 'dill._dill._create_function', 'dill.dill._create_code', 'dill.dill._create_function',
  'cloudpickle.cloudpickle._make_function', 'cloudpickle.cloudpickle_fast._make_function', 'cloudpickle.cloudpickle._make_code',
]);
const TYPE_LOADERS = new Set([
  'dill._dill._load_type', 'dill.dill._load_type',
  'cloudpickle.cloudpickle._builtin_type', 'cloudpickle.cloudpickle_fast._builtin_type',
]);
const CODE_TYPE_NAMES = new Set(['CodeType', 'FunctionType', 'LambdaType', 'code', 'function']);

/** Why a call builds executable code (dill/cloudpickle functions, types.CodeType), or null. */
export function codeObjectReason(g: GlobalNode, args: Val): string | null {
  const key = unvendored(g.module, g.name);
  if (CODE_CTORS.has(key)) return 'a function or code object is rebuilt from bytecode in the file';
  if (TYPE_LOADERS.has(key)) {
    const a0 = tupleItems(args)?.[0];
    if (typeof a0 === 'string' && CODE_TYPE_NAMES.has(a0)) return `it fetches types.${a0} to build code from the file`;
  }
  return null;
}

/** Callables that execute or deserialize their argument. */
export const SINKS = new Set([
  'pickle.loads', 'pickle.load', '_pickle.loads', '_pickle.load', 'cPickle.loads', 'cPickle.load',
  'dill.loads', 'dill._dill.loads', 'cloudpickle.loads', 'joblib.load', 'numpy.loads', 'torch.load',
  'marshal.loads', 'builtins.eval', 'builtins.exec', 'builtins.compile', '__builtin__.eval', '__builtin__.exec',
  '__builtin__.compile', '__builtin__.execfile', '__builtins__.eval', '__builtins__.exec',
]);

type Step = 'base64' | 'hex' | 'zlib' | 'latin1' | null;

/** What a decoder callee does to its first argument (null: a transformer whose output is opaque). */
function decoderStep(key: string, args: Val[]): Step | undefined {
  const [mod, ...rest] = key.split('.');
  const name = rest.join('.');
  if (mod === 'base64' && /^(b64decode|standard_b64decode|urlsafe_b64decode|decodebytes|decodestring)$/.test(name)) return 'base64';
  if (mod === 'base64' && /decode$/.test(name)) return null;
  if (mod === 'binascii') return name === 'a2b_base64' ? 'base64' : /^(unhexlify|a2b_hex)$/.test(name) ? 'hex' : /^a2b_/.test(name) ? null : undefined;
  if ((mod === 'zlib' || mod === 'gzip' || mod === 'bz2' || mod === 'lzma') && name === 'decompress') return mod === 'zlib' ? 'zlib' : null;
  if (key === 'builtins.bytes.fromhex' || key === '__builtin__.bytes.fromhex' || key === 'builtins.bytearray.fromhex') return 'hex';
  if ((mod === 'codecs' || mod === '_codecs') && (name === 'decode' || name === 'encode')) {
    const enc = typeof args[1] === 'string' ? args[1].toLowerCase().replace(/[-_]/g, '') : '';
    if (name === 'encode') return /^(latin1|iso88591|l1)$/.test(enc) ? 'latin1' : null;
    return enc.startsWith('base64') ? 'base64' : enc.startsWith('hex') ? 'hex' : enc.startsWith('zlib') ? 'zlib' : null;
  }
  return undefined;
}

function apply(step: Step, v: string | Uint8Array): Uint8Array | null {
  const text = typeof v === 'string' ? v : bytesToLatin1(v, 0, Math.min(v.length, MAX_NESTED_BYTES * 2));
  switch (step) {
    case 'base64': return decodeBase64(text.replace(/\s+/g, ''), MAX_NESTED_BYTES * 2);
    case 'hex': return decodeHex(text.trim(), MAX_NESTED_BYTES * 2);
    case 'latin1': { const o = new Uint8Array(text.length); for (let i = 0; i < text.length; i++) o[i] = text.charCodeAt(i) & 0xff; return o; }
    case 'zlib': return typeof v === 'string' ? null : inflateZlib(v);
    default: return null;
  }
}

/**
 * A decode chain feeding a sink's arguments: the decoders outermost first and, when the innermost
 * argument is a constant, the decoded payload. Null when no argument comes from a decoder.
 */
export function decodeChain(args: Val): { decoders: string[]; payload: Uint8Array | null } | null {
  for (const a of tupleItems(args) ?? []) {
    const decoders: string[] = [];
    const steps: Step[] = [];
    let v: Val = a;
    for (let depth = 0; depth < 6 && isNode(v) && v.t === 'call' && isNode(v.fn) && v.fn.t === 'global'; depth++) {
      const items = tupleItems(v.args) ?? [];
      const step = decoderStep(v.fn.key, items);
      if (step === undefined) break;
      decoders.push(v.fn.key);
      steps.push(step);
      v = items[0] ?? null;
    }
    if (!decoders.length) continue;
    let payload: Uint8Array | null = null;
    if (typeof v === 'string' || (isNode(v) && v.t === 'bytes' && v.b)) {
      let cur: string | Uint8Array | null = typeof v === 'string' ? v : (v as { b: Uint8Array }).b;
      for (let i = steps.length - 1; i >= 0 && cur; i--) cur = apply(steps[i]!, cur);
      payload = cur instanceof Uint8Array ? cur : null;
    }
    return { decoders, payload };
  }
  return null;
}
