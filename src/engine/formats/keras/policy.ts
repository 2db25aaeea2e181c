// What a Keras config may import, and which Keras versions each CVE reaches. Data, with reasons.
// The callable tables are the pickle engine's (formats/pickle/policy*.ts): deserialize_keras_object
// imports `module` and fetches `class_name`/`config` from it, the same reach as a pickle GLOBAL.
import { classifyGlobal } from '../pickle/policy';
import { PYTHON_BUILTINS } from './python-builtins';

/** Module roots Keras itself writes (serialization_lib: "keras", "keras.src.*", tf.keras, tf_keras). */
const KERAS_ROOTS = new Set(['keras', 'tensorflow', 'tf_keras', 'tf']);
/**
 * Keras's own model libraries: KerasHub/KerasNLP/KerasCV models name their classes there. Known
 * publishers, not arbitrary code; a file naming them still needs them installed (noted, not flagged).
 */
const KERAS_FAMILY_ROOTS = new Set(['keras_hub', 'keras_nlp', 'keras_cv']);
/** Roots that exist to reach the system, whatever the member (ModelAudit's CVE-2025-1550 list plus aliases). */
const DANGEROUS_ROOTS = new Set([
  'os', 'posix', 'nt', 'sys', 'subprocess', 'importlib', 'shutil', 'socket', 'runpy', 'pty', 'ctypes',
  'pickle', 'marshal', 'code', 'codeop', 'compileall', 'webbrowser', 'multiprocessing', 'threading',
  'signal', 'tempfile', 'http', 'urllib', 'ftplib', 'smtplib', 'telnetlib', 'pdb', 'profile', 'trace',
  'pip', 'setuptools', 'distutils', 'commands', 'dill', 'cloudpickle', 'joblib',
]);

/** Keras functions that defeat safe_mode when a config reaches them. */
const GET_FILE = /(^|\.)get_file$/;
const UNSAFE_DESERIALIZATION = /(^|\.)enable_unsafe_deserialization$/;

export type ImportVerdict =
  | { kind: 'keras' }                                   // Keras's own objects: nothing to say
  | { kind: 'dangerous'; reason: string }
  | { kind: 'get-file' }
  | { kind: 'unsafe-deserialization' }
  | { kind: 'custom'; reason: string }
  | { kind: 'registered'; reason: string };                // resolved by name; nothing is imported

/** Judges `module` + `name` as deserialize_keras_object / Lambda(function_type="function") reach them. */
export function judgeImport(module: string, name: string): ImportVerdict {
  const full = name ? `${module}.${name}` : module;
  if (UNSAFE_DESERIALIZATION.test(full) || UNSAFE_DESERIALIZATION.test(name)) return { kind: 'unsafe-deserialization' };
  if (GET_FILE.test(full) || GET_FILE.test(name)) return { kind: 'get-file' };
  const root = module.split('.')[0] ?? '';
  const verdict = name ? classifyGlobal(module, name) : null;
  if (verdict?.level === 'dangerous') return { kind: 'dangerous', reason: verdict.reason };
  if (DANGEROUS_ROOTS.has(root)) return { kind: 'dangerous', reason: `${full} comes from ${root}, a module that reaches the system` };
  if (module === 'builtins' && !PYTHON_BUILTINS.has(name)) {
    // How Keras 3 writes a function it has no module for (a custom or registered function, a C-extension
    // function such as torch.nn.functional.gelu). Loading looks the name up among Keras's own functions
    // and the objects the loading program registered (serialization_lib._retrieve_class_or_fn), then in
    // builtins, which has no such name: nothing outside the loader's own process is imported.
    return { kind: 'registered', reason: `${name} is not a Python builtin: Keras looks it up among its own functions and the loading program's registered objects` };
  }
  if (root === 'builtins' || root === '__builtin__' || root === '__builtins__') {
    // Keras maps builtins functions onto its own; a builtin that is not a plain value function is not
    // something a model needs (eval, getattr, open are caught above as dangerous).
    return verdict?.level === 'safe'
      ? { kind: 'custom', reason: `${full} is a Python builtin` }
      : { kind: 'dangerous', reason: `${full} is a Python builtin that is not plain arithmetic or a value type` };
  }
  if (KERAS_ROOTS.has(root)) return { kind: 'keras' };
  if (KERAS_FAMILY_ROOTS.has(root)) return { kind: 'keras' };
  if (module === '__main__') return { kind: 'custom', reason: `${full} was defined in the script that saved the model` };
  return { kind: 'custom', reason: `${full} is not part of Keras or TensorFlow` };
}

/** Names a Lambda's bytecode or source may reference that reach the system or run code. */
export const DANGEROUS_CODE_NAMES = new Set([
  'eval', 'exec', 'compile', '__import__', 'open', 'system', 'popen', 'Popen', 'spawnl', 'spawnv', 'execv',
  'execve', 'execl', 'execvp', 'fork', 'subprocess', 'os', 'sys', 'socket', 'builtins', '__builtins__',
  'importlib', 'import_module', 'pickle', 'marshal', 'loads', 'runpy', 'run_path', 'run_module', 'pty',
  'spawn', 'ctypes', 'CDLL', 'webbrowser', 'urllib', 'urlopen', 'requests', 'shutil', 'rmtree', 'remove',
  'unlink', 'check_output', 'check_call', 'getoutput', 'getattr', 'setattr', '__globals__', '__code__',
  '__subclasses__', 'globals', 'locals', 'breakpoint', 'input', 'environ', 'putenv', 'chmod', 'kill',
]);

/** The same names as they appear in source text; word-bounded so "evaluate" does not match "eval". */
export const DANGEROUS_SOURCE = /\b(eval|exec|compile|__import__|open|os|sys|subprocess|system|popen|Popen|socket|importlib|builtins|__builtins__|pickle|marshal|runpy|pty|ctypes|webbrowser|urllib|requests|shutil|getattr|globals|__globals__|__subclasses__|breakpoint)\b/g;

// ---- version gates --------------------------------------------------------------------------------

type Version = [number, number, number];

/** "3.11.2", "2.12.0-tf", "3.4.1.dev2024" → [3, 11, 2]; null when it does not start with a version. */
export function parseVersion(v: string | undefined): Version | null {
  const m = v === undefined ? null : /^\s*v?(\d{1,4})\.(\d{1,4})(?:\.(\d{1,6}))?/.exec(v);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : null;
}

function lt(a: Version, b: Version): boolean {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

const inRange = (v: Version, from: Version, below: Version) => !lt(v, from) && lt(v, below);

export type Container = 'h5' | 'keras' | 'savedmodel';

/**
 * One sentence on whether the Keras version recorded in the file (the writer's: the loader's version is
 * what matters, and it is usually the same or newer) falls in a CVE's affected range.
 */
export function lambdaGate(version: string | undefined, container: Container): string {
  const v = parseVersion(version);
  if (!v) return 'Keras version not recorded: Keras < 2.13 loads it unconditionally (CVE-2024-3660)' +
    (container === 'h5' ? ', and Keras 3 < 3.11.3 ignores safe_mode for HDF5 (CVE-2025-9905)' : '');
  if (lt(v, [2, 13, 0])) return `written by Keras ${version}, which has no safe_mode: loading runs it (CVE-2024-3660, Keras < 2.13)`;
  if (v[0] === 2 && container !== 'keras') return `written by Keras ${version}: Keras 2 applies safe_mode only to .keras files, so loading this runs it`;
  if (container === 'h5' && inRange(v, [3, 0, 0], [3, 11, 3])) {
    return `written by Keras ${version}: Keras 3.0 to 3.11.2 ignore safe_mode for HDF5 files, so loading runs it (CVE-2025-9905)`;
  }
  return `written by Keras ${version}: safe_mode blocks it by default; it runs with safe_mode=False or enable_unsafe_deserialization()`;
}

export function importGate(version: string | undefined): string {
  const v = parseVersion(version);
  if (!v) return 'Keras version not recorded; Keras < 3.9 imports any module even with safe_mode=True (CVE-2025-1550)';
  if (v[0] >= 3 && lt(v, [3, 9, 0])) return `written by Keras ${version}: Keras < 3.9 imports it even with safe_mode=True (CVE-2025-1550)`;
  return `written by Keras ${version}: Keras >= 3.9 refuses non-Keras modules under safe_mode, older loaders and safe_mode=False import it`;
}

export function getFileGate(version: string | undefined): string {
  const v = parseVersion(version);
  if (v && inRange(v, [3, 0, 0], [3, 11, 0])) return `written by Keras ${version}: 3.0.0 to 3.10.0 allow it under safe_mode (CVE-2025-8747)`;
  return `${v ? `written by Keras ${version}` : 'Keras version not recorded'}; Keras 3.0.0 to 3.10.0 allow it under safe_mode (CVE-2025-8747)`;
}

export function unsafeGate(version: string | undefined): string {
  const v = parseVersion(version);
  if (v && inRange(v, [3, 0, 0], [3, 11, 0])) return `written by Keras ${version}: before 3.11 a config could call it (CVE-2025-9906)`;
  return `${v ? `written by Keras ${version}` : 'Keras version not recorded'}; Keras before 3.11 let a config call it (CVE-2025-9906)`;
}

export function torchWrapperGate(version: string | undefined): string {
  const v = parseVersion(version);
  if (v && inRange(v, [3, 11, 0], [3, 11, 3])) return `written by Keras ${version}: 3.11.0 to 3.11.2 torch.load it even with safe_mode=True (CVE-2025-49655)`;
  return `${v ? `written by Keras ${version}` : 'Keras version not recorded'}; Keras 3.11.0 to 3.11.2 torch.load it even with safe_mode=True (CVE-2025-49655), others with safe_mode=False`;
}
