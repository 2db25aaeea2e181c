import type { RuleDef } from './types';

/** Rules of the rdata scanner: R serialization (.rds, .RData/.rda, lazy-load .rdb/.rdx; R src/main/serialize.c). */
export const RDATA_RULES = {
  'rdata/promise': {
    severity: 'critical', title: 'Unevaluated promise in R data',
    explanation: 'The file holds a promise (PROMSXP) whose code has not run yet. readRDS(), load() and lazy-load hand such promises back, and R evaluates the code the first time the value is touched: printing it, calling str() or a method on it. This is CVE-2024-27322 (HiddenLayer, 2024), fixed in R 4.4.0 for readRDS of a bare promise but still reachable through environments (delayedAssign). Data saved by ordinary code has no unevaluated promises that call functions.',
    remediation: 'Do not load the file with R; if you must inspect it, use a reader that does not evaluate (rdata in Python) and compare it with the publisher\'s copy.',
    cwe: [502, 94], cve: ['CVE-2024-27322'],
  },
  'rdata/dangerous-call': {
    severity: 'critical', title: 'R code calls a dangerous function',
    explanation: 'A call stored in the file names a function that runs programs, loads native code, evaluates text as code, or touches files, the network or the environment (system, system2, pipe, dyn.load, eval(parse()), source, download.file, Sys.setenv, ...). Calls are judged by the function they name: in a function body they run when the function is called, in a promise as soon as the value is used, and in stored data only if code evaluates them, so the severity follows where the call sits.',
    remediation: 'Read the function before calling anything from this object; obtain the model from its publisher or re-create it from data.',
    cwe: [94, 78],
  },
  'rdata/closure': {
    severity: 'info', title: 'R functions in the data',
    explanation: 'The object holds R functions (closures) or byte-compiled code. Model objects commonly do (glm family functions, custom predict helpers); they run only when called. None of them calls a function on the dangerous list, or that is reported separately.',
    remediation: 'None needed for known model classes; read unfamiliar functions before calling them.',
  },
  'rdata/startup-hook': {
    severity: 'warning', title: 'Workspace defines a start-up or exit hook',
    explanation: 'The saved workspace defines .First or .Last. When R starts in a folder holding this file as .RData it restores the workspace and runs .First() with no question asked, and runs .Last() at exit. A model workspace has no need for either.',
    remediation: 'Do not start R in a folder with this file as .RData; remove the function with rm(.First) after loading it with R --no-restore.',
    cwe: [94],
  },
  'rdata/namespace': {
    severity: 'info', title: 'R data refers to package namespaces',
    explanation: 'Objects refer to package namespaces or environments (NAMESPACESXP, PACKAGESXP). unserialize() loads each such package, which runs its .onLoad code; a package that is not installed makes loading fail. The names say which packages the data needs.',
    remediation: 'Check that the packages are ones you trust and have installed from a known source.',
  },
  'rdata/unsupported-version': {
    severity: 'warning', title: 'R serialization format not decoded',
    explanation: 'The file uses the version-1 workspace format (RDX1/RDA1/RDB1, R before 1.4), which the scanner does not decode; its content was not checked.',
    remediation: 'Re-save the data with a current R (saveRDS/save) from a trusted copy.',
  },
  'rdata/trailing-data': {
    severity: 'warning', title: 'Bytes after the R object',
    explanation: 'Data follows the end of the serialized object. readRDS() and load() stop at the end of the object, so the bytes serve no loader: a place to hide a payload, or two files glued together. They were scanned as unknown content.',
    remediation: 'Obtain the file again from its publisher.',
    cwe: [436],
  },
} as const satisfies Record<string, RuleDef>;
