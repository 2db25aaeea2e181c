// What an R function name can do, by name: the judge looks at calls (LANGSXP) by the function they
// name, never at the mere presence of code, because ordinary model objects hold plenty of it (lm terms
// hold `~` and `+` calls, glm families hold closures calling .Call(C_logit_link, mu)). Policy is data:
// every entry says why.
/**
 * exec: runs programs or native libraries. fetch: brings code or data in from outside (network,
 * package installs, sourcing scripts). code: evaluates expressions or looks functions up by name.
 * files: touches files or the process environment. native: the doors to compiled code.
 */
export type CallKind = 'exec' | 'fetch' | 'code' | 'files' | 'native';

export interface CallPolicy { kind: CallKind; why: string }

const EXEC = (why: string): CallPolicy => ({ kind: 'exec', why });
const CODE = (why: string): CallPolicy => ({ kind: 'code', why });
const FETCH = (why: string): CallPolicy => ({ kind: 'fetch', why });
const FILES = (why: string): CallPolicy => ({ kind: 'files', why });
const NATIVE = (why: string): CallPolicy => ({ kind: 'native', why });

/** Keys are plain names (`system`) or namespace-qualified ones (`processx::run`), as the call writes them. */
export const R_CALLS: Readonly<Record<string, CallPolicy>> = {
  // Processes and native libraries (base R and the packages people use to run commands).
  'system': EXEC('runs a shell command'),
  'system2': EXEC('runs a program'),
  'pipe': EXEC('opens a pipe to a shell command'),
  'shell': EXEC('runs a shell command (Windows)'),
  'shell.exec': EXEC('opens a file with its associated program (Windows)'),
  'dyn.load': EXEC('loads a native shared library into R'),
  'library.dynam': EXEC('loads a package\'s native shared library'),
  'processx::run': EXEC('runs a program'),
  'processx::process': EXEC('starts a program'),
  'sys::exec_wait': EXEC('runs a program'),
  'sys::exec_background': EXEC('starts a program'),
  'callr::r': EXEC('runs R code in a new process'),
  'callr::rscript': EXEC('runs an R script in a new process'),
  'rstudioapi::terminalExecute': EXEC('runs a command in a terminal'),
  // Code from text or names (eval and friends are everyday R: model fitting code re-evaluates its call).
  'eval': CODE('evaluates an expression'),
  'evalq': CODE('evaluates an expression'),
  'eval.parent': CODE('evaluates an expression in the caller'),
  'parse': CODE('turns text into code'),
  'str2lang': CODE('turns text into code'),
  'str2expression': CODE('turns text into code'),
  'source': FETCH('runs an R script (local or from a URL)'),
  'sys.source': FETCH('runs an R script'),
  'do.call': CODE('calls a function given by name'),
  'match.fun': CODE('looks up a function by name'),
  'getFunction': CODE('looks up a function by name'),
  'reg.finalizer': CODE('registers code run by the garbage collector'),
  'library': CODE('loads a package, running its .onLoad/.onAttach code'),
  'require': CODE('loads a package, running its .onLoad/.onAttach code'),
  'requireNamespace': CODE('loads a package namespace, running its .onLoad code'),
  'loadNamespace': CODE('loads a package namespace, running its .onLoad code'),
  'install.packages': FETCH('downloads and installs packages'),
  'remotes::install_github': FETCH('downloads and installs a package'),
  'devtools::install_github': FETCH('downloads and installs a package'),
  // Files, network and the process environment.
  'download.file': FETCH('downloads a URL to a file'),
  'url': FETCH('opens a URL'),
  'file': FILES('opens a file connection'),
  'socketConnection': FETCH('opens a network socket'),
  'curl::curl': FETCH('opens a URL'),
  'curl::curl_download': FETCH('downloads a URL'),
  'httr::GET': FETCH('fetches a URL'),
  'httr::POST': FETCH('sends data to a URL'),
  'unlink': FILES('deletes files'),
  'file.remove': FILES('deletes files'),
  'file.copy': FILES('copies files'),
  'writeLines': FILES('writes text to a file or connection'),
  'writeBin': FILES('writes bytes to a file or connection'),
  'Sys.setenv': FILES('changes environment variables (PATH, LD_PRELOAD, R_LIBS, ...)'),
  'Sys.unsetenv': FILES('removes environment variables'),
  'setwd': FILES('changes the working directory'),
  // The doors to C code: every package uses them (glm families call .Call(C_logit_link, mu)), so they
  // are noted, not alarmed, outside promises.
  '.Call': NATIVE('calls compiled C code'),
  '.External': NATIVE('calls compiled C code'),
  '.External2': NATIVE('calls compiled C code'),
  '.C': NATIVE('calls compiled C code'),
  '.Fortran': NATIVE('calls compiled Fortran code'),
  '.Internal': NATIVE('calls an internal R function'),
  '.Primitive': NATIVE('looks up a primitive function'),
};

/** The policy for a call name as written (`system`, `processx::run`), or for its bare name; own keys only. */
export function callPolicy(name: string): CallPolicy | undefined {
  const own = (k: string) => (Object.prototype.hasOwnProperty.call(R_CALLS, k) ? R_CALLS[k] : undefined);
  return own(name) ?? own(name.replace(/^.*:::?/, ''));
}

/** Calls that take a function by name: `do.call("system", list("id"))` is a call to system. */
export const CALLS_BY_NAME = new Set(['do.call', 'match.fun', 'get', 'get0', 'getFunction', 'mget']);

/**
 * Variables R runs by itself: `.First` of a workspace restored at start-up (R's ?Startup), `.Last` at
 * exit; `.Rprofile` code usually defines them, a saved .RData can carry them too.
 */
export const STARTUP_HOOKS = new Set(['.First', '.Last', '.First.sys', '.OptRequireMethods']);

/** Namespaces that ship with R: referring to them loads nothing new. */
export const BASE_NAMESPACES = new Set([
  'base', 'stats', 'utils', 'methods', 'graphics', 'grDevices', 'datasets', 'tools', 'compiler', 'grid',
  'splines', 'stats4', 'parallel', 'tcltk',
]);
