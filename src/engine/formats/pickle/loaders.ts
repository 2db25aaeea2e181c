// Loaders a pickle can call on a file it names: parsers of data formats that run no code (so the
// knowledge base, which follows code, rightly finds no sink in them) but read a file the attacker picks:
// one planted beside the model (a later download, a shared cache), a local secret whose content ends up
// inside the model object, or input for a native parser's bugs. Loaders that can run code (pickle.load,
// joblib.load, torch.load, numpy.load with allow_pickle, pandas.read_pickle, keras load_model) are
// dangerous calls already (knowledge base, policy-dangerous.ts); these are the ones it leaves silent.
// Judged only when the call passes the file argument: Booster() without model_file, or Booster rebuilt
// by NEWOBJ/copyreg and BUILD (how lightgbm and xgboost pickle their models), is the library's own way.
import { container, dictGet, isNode, render, tupleItems, type Val } from './values';
import { programAliasPath } from './shapes';

export interface FileLoader {
  /** 0-based positions of the argument that names the file (as pickle passes them, no self). */
  args: number[];
  /** Keyword names of the same argument (NEWOBJ_EX and carried kwargs). */
  kwargs: string[];
  /** What the callee does with it, completing "which …". */
  reason: string;
}

const loader = (args: number[], kwargs: string[], reason: string): FileLoader => ({ args, kwargs, reason });

const LOADMAT = loader([0], ['file_name'], 'reads and parses the MATLAB file it names');
// lightgbm/basic.py: Booster(params=None, train_set=None, model_file=None, model_str=None) reads the
// file with LGBM_BoosterCreateFromModelfile (C++ text parser).
const LGB_BOOSTER = loader([2], ['model_file'], 'reads and parses the LightGBM model file it names (native parser)');
// xgboost/core.py: Booster(params=None, cache=None, model_file=None) calls load_model(model_file).
const XGB_BOOSTER = loader([2], ['model_file'], 'reads and parses the XGBoost model file it names (native parser)');

const MMREAD = loader([0], ['source'], 'reads and parses the Matrix Market file it names');
const ARFF = loader([0], ['f'], 'reads and parses the ARFF file it names');
const HB_READ = loader([0], ['path_or_open_file'], 'reads and parses the Harwell-Boeing file it names');
const NPZ = loader([0], ['file'], 'reads the .npz file it names');
const SAFE_OPEN = loader([0], ['filename'], 'opens the safetensors file it names and reads its tensors');
const TV_READ_FILE = loader([0], ['path'], 'reads the raw bytes of the file it names into a tensor');
// decode_image also takes a path (torchvision >= 0.20: "input (Tensor or str or pathlib.Path)")
const TV_READ_IMAGE = loader([0], ['path', 'input'], 'reads and decodes the image file it names (native decoders)');

export const FILE_LOADERS: ReadonlyMap<string, FileLoader> = new Map([
  ['scipy.io.loadmat', LOADMAT], ['scipy.io.matlab.loadmat', LOADMAT], ['scipy.io.matlab._mio.loadmat', LOADMAT],
  ['scipy.io.readsav', loader([0], ['file_name'], 'reads and parses the IDL save file it names')],
  ['scipy.io._idl.readsav', loader([0], ['file_name'], 'reads and parses the IDL save file it names')],
  ['scipy.io.mmread', MMREAD], ['scipy.io._fast_matrix_market.mmread', MMREAD], ['scipy.io._mmio.mmread', MMREAD],
  ['scipy.io.loadarff', ARFF], ['scipy.io.arff.loadarff', ARFF], ['scipy.io.arff._arffread.loadarff', ARFF],
  ['scipy.io.hb_read', HB_READ], ['scipy.io._harwell_boeing.hb_read', HB_READ], ['scipy.io._harwell_boeing.hb.hb_read', HB_READ],
  ['scipy.io.wavfile.read', loader([0], ['filename'], 'reads the WAV file it names')],
  ['scipy.sparse.load_npz', NPZ], ['scipy.sparse._matrix_io.load_npz', NPZ],
  ['lightgbm.Booster', LGB_BOOSTER], ['lightgbm.basic.Booster', LGB_BOOSTER],
  ['xgboost.Booster', XGB_BOOSTER], ['xgboost.core.Booster', XGB_BOOSTER],
  ['numpy.fromfile', loader([0], ['file'], 'reads the raw bytes of the file it names into an array')],
  ['numpy.memmap', loader([0], ['filename'], 'maps the file it names into an array')],
  ['numpy.core.memmap.memmap', loader([0], ['filename'], 'maps the file it names into an array')],
  ['numpy._core.memmap.memmap', loader([0], ['filename'], 'maps the file it names into an array')],
  ['safetensors.torch.load_file', loader([0], ['filename'], 'loads the tensors of the file it names')],
  ['safetensors.numpy.load_file', loader([0], ['filename'], 'loads the tensors of the file it names')],
  // safe_open is a Rust class (safetensors/_safetensors_rust): the knowledge base sees no code in it.
  ['safetensors.safe_open', SAFE_OPEN], ['safetensors._safetensors_rust.safe_open', SAFE_OPEN],
  // torchvision.io's readers call torch.ops.image (C++ decoders): read_file returns the file's raw bytes.
  ['torchvision.io.read_file', TV_READ_FILE], ['torchvision.io.image.read_file', TV_READ_FILE], ['torch.ops.image.read_file', TV_READ_FILE],
  ['torchvision.io.read_image', TV_READ_IMAGE], ['torchvision.io.image.read_image', TV_READ_IMAGE],
  ['torchvision.io.decode_image', TV_READ_IMAGE], ['torchvision.io.image.decode_image', TV_READ_IMAGE],
  // The standard library's parsers of a named file: netrc's is a credentials file, kept in the object.
  ['netrc.netrc', loader([0], ['file'], 'reads and parses the netrc credentials file it names')],
  ['mimetypes.read_mime_types', loader([0], ['file'], 'reads and parses the file it names')],
]);

/** functools.partial binds its first argument to the rest (Python 2 and the C module spell it apart). */
const PARTIAL = /^_?functools\.partial$/;

export interface FileLoad { loader: FileLoader; file: string; key: string; via?: string }

/**
 * A loader call on a file the pickle names, however the loader is reached: by its own name, through a
 * `__main__` import alias (__main__ sp.io.loadmat), or bound with its file by functools.partial
 * (partial(loadmat, path) built by REDUCE or NEWOBJ_EX, or partial's BUILD state (fn, args, kwargs, dict),
 * which is how pickle.dumps writes a partial): calling the partial calls the loader on that file.
 */
export function fileLoadOf(key: string, args: Val, kwargs?: Val, module?: string, name?: string): FileLoad | null {
  const own = loaderCall(key, args, kwargs);
  if (own) return own;
  const alias = module !== undefined && name !== undefined ? programAliasPath(module, name) : null;
  const aliased = alias ? loaderCall(alias, args, kwargs) : null;
  if (aliased) return { ...aliased, via: `${key} (${alias} under the program's import alias)` };
  if (!PARTIAL.test(key)) return null;
  const items = tupleItems(args) ?? [];
  const fn = items[0];
  if (fn === undefined || !isNode(fn) || fn.t !== 'global') return null;
  const bound = fileLoadOf(fn.key, container('tuple', items.slice(1)), kwargs, fn.module, fn.name);
  return bound ? { ...bound, via: `${bound.via ?? bound.key} bound by ${key}` } : null;
}

/** partial's BUILD state (func, args, kwds, dict): the loader call it binds, or null. */
export function partialStateLoad(cls: string, state: Val): FileLoad | null {
  if (!PARTIAL.test(cls)) return null;
  const [fn, args, kwargs] = tupleItems(state) ?? [];
  if (fn === undefined || !isNode(fn) || fn.t !== 'global') return null;
  const bound = fileLoadOf(fn.key, args ?? null, kwargs ?? null, fn.module, fn.name);
  return bound ? { ...bound, via: `${bound.via ?? bound.key} bound by ${cls}` } : null;
}

/** The loader a global names, by its own name or through a `__main__` import alias; null when it names none. */
export function loaderNamed(key: string, module: string, name: string): { loader: FileLoader; key: string } | null {
  const own = FILE_LOADERS.get(key);
  if (own) return { loader: own, key };
  const alias = programAliasPath(module, name);
  const aliased = alias ? FILE_LOADERS.get(alias) : undefined;
  return aliased && alias ? { loader: aliased, key: alias } : null;
}

function loaderCall(key: string, args: Val, kwargs?: Val): FileLoad | null {
  const l = FILE_LOADERS.get(key);
  if (!l) return null;
  const items = tupleItems(args) ?? [];
  for (const i of l.args) {
    const v = items[i];
    if (v !== undefined && v !== null) return { loader: l, file: render(v).slice(0, 120), key };
  }
  for (const k of l.kwargs) {
    const v = dictGet(kwargs ?? null, k);
    if (v !== undefined && v !== null) return { loader: l, file: render(v).slice(0, 120), key };
  }
  return null;
}
