// Loaders a pickle can call on a file it names: parsers of data formats that run no code (so the
// knowledge base, which follows code, rightly finds no sink in them) but read a file the attacker picks:
// one planted beside the model (a later download, a shared cache), a local secret whose content ends up
// inside the model object, or input for a native parser's bugs. Loaders that can run code (pickle.load,
// joblib.load, torch.load, numpy.load with allow_pickle, pandas.read_pickle, keras load_model) are
// dangerous calls already (knowledge base, policy-dangerous.ts); these are the ones it leaves silent.
// Judged only when the call passes the file argument: Booster() without model_file, or Booster rebuilt
// by NEWOBJ/copyreg and BUILD (how lightgbm and xgboost pickle their models), is the library's own way.
import { dictGet, render, tupleItems, type Val } from './values';

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

export const FILE_LOADERS: ReadonlyMap<string, FileLoader> = new Map([
  ['scipy.io.loadmat', LOADMAT], ['scipy.io.matlab.loadmat', LOADMAT], ['scipy.io.matlab._mio.loadmat', LOADMAT],
  ['scipy.io.readsav', loader([0], ['file_name'], 'reads and parses the IDL save file it names')],
  ['scipy.io._idl.readsav', loader([0], ['file_name'], 'reads and parses the IDL save file it names')],
  ['scipy.io.mmread', loader([0], ['source'], 'reads and parses the Matrix Market file it names')],
  ['scipy.io.loadarff', loader([0], ['f'], 'reads and parses the ARFF file it names')],
  ['scipy.io.wavfile.read', loader([0], ['filename'], 'reads the WAV file it names')],
  ['scipy.sparse.load_npz', loader([0], ['file'], 'reads the .npz file it names')],
  ['lightgbm.Booster', LGB_BOOSTER], ['lightgbm.basic.Booster', LGB_BOOSTER],
  ['xgboost.Booster', XGB_BOOSTER], ['xgboost.core.Booster', XGB_BOOSTER],
  ['numpy.fromfile', loader([0], ['file'], 'reads the raw bytes of the file it names into an array')],
  ['numpy.memmap', loader([0], ['filename'], 'maps the file it names into an array')],
  ['numpy.core.memmap.memmap', loader([0], ['filename'], 'maps the file it names into an array')],
  ['numpy._core.memmap.memmap', loader([0], ['filename'], 'maps the file it names into an array')],
  ['safetensors.torch.load_file', loader([0], ['filename'], 'loads the tensors of the file it names')],
  ['safetensors.numpy.load_file', loader([0], ['filename'], 'loads the tensors of the file it names')],
]);

/** The file argument of a loader call, rendered, with the loader's facts; null when not a loader or no file is passed. */
export function fileLoadOf(key: string, args: Val, kwargs?: Val): { loader: FileLoader; file: string } | null {
  const l = FILE_LOADERS.get(key);
  if (!l) return null;
  const items = tupleItems(args) ?? [];
  for (const i of l.args) {
    const v = items[i];
    if (v !== undefined && v !== null) return { loader: l, file: render(v).slice(0, 120) };
  }
  for (const k of l.kwargs) {
    const v = dictGet(kwargs ?? null, k);
    if (v !== undefined && v !== null) return { loader: l, file: render(v).slice(0, 120) };
  }
  return null;
}
