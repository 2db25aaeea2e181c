import type { RuleDef } from './types';

/** skops (.skops): the schema.json object tree skops.io.load builds (formats/skops). */
export const SKOPS_RULES = {
  'skops/dangerous-reference': {
    severity: 'critical', title: 'skops file reaches a dangerous function or type',
    explanation: 'skops.io.load imports every type and function schema.json names and constructs the tree: an OperatorFuncNode calls getattr(operator, name)(*args), a FunctionNode hands back the function, an ObjectNode builds the type with __new__ and __setstate__, a MethodNode takes an attribute of the object. Here one of them reaches code execution, processes, files or reflection (operator.call(posix.system, ...), builtins.eval, subprocess.Popen). skops refuses untrusted types unless they are passed to `trusted=`; a user who copies the list from get_untrusted_types runs it.',
    remediation: 'Do not load this file, and never pass these names to trusted=. Re-export the model from its source with skops.io.dump.',
    cwe: [502, 94],
  },
  'skops/untrusted-type': {
    severity: 'warning', title: 'skops file names a type skops does not trust',
    explanation: 'schema.json names a type or function outside skops\' default trusted set (scikit-learn estimators, NumPy/SciPy ufuncs and dtypes, builtin containers) that modelgate does not know as ML plumbing either. skops.io.load refuses it unless it is passed to trusted=; passing it means importing and constructing it.',
    remediation: 'Check what the named type does before trusting it; prefer re-exporting the model with only standard components.',
    cwe: [502],
  },
  'skops/untrusted-types': {
    severity: 'info', title: 'Types a skops load would need in trusted=',
    explanation: 'The list skops.io.get_untrusted_types would return for this file: skops.io.load fails unless each is passed to trusted=. Listed for review; names judged dangerous or unknown are reported separately.',
    remediation: 'Pass only names you have reviewed to trusted=.',
  },
  'skops/operator-type-confusion': {
    severity: 'critical', title: 'skops OperatorFuncNode outside the operator module (CVE-2025-54412)',
    explanation: 'An OperatorFuncNode is labelled with a module other than operator, but loading calls getattr(operator, __class__)(*attrs) regardless. skops before 0.12 audited the label, so a trusted-looking type (a scikit-learn class) hid an operator.call that ran any function (CVE-2025-54412, GHSA advisory for skops <= 0.11). skops 0.12+ refuses the file; older versions run it.',
    remediation: 'Do not load this file; upgrade skops to 0.12 or later.',
    cwe: [502, 436], cve: ['CVE-2025-54412'],
  },
  'skops/method-mismatch': {
    severity: 'critical', title: 'skops MethodNode bound to another type (CVE-2025-54413)',
    explanation: 'A MethodNode is labelled as one type but binds a method of an object of another type. skops before 0.12 audited only the label, so a trusted estimator name hid getattr on an arbitrary object (CVE-2025-54413). skops 0.12+ refuses the mismatch and lists owner.method in the untrusted set.',
    remediation: 'Do not load this file; upgrade skops to 0.12 or later.',
    cwe: [502, 436], cve: ['CVE-2025-54413'],
  },
  'skops/unknown-node': {
    severity: 'warning', title: 'skops node loader not known',
    explanation: 'schema.json uses a __loader__ skops does not register. skops.io.load fails on it; a patched or future loader might construct anything.',
    remediation: 'Find out which tool wrote the file; re-export it with a released skops.',
    cwe: [20],
  },
  'skops/unexpected-member': {
    severity: 'warning', title: 'skops archive member no node references',
    explanation: 'skops.io.dump writes schema.json and one member per array or bytes object it references. A member no node references is never read by skops; it is extra content that other tools may read. It was scanned.',
    remediation: 'Inspect the member; re-export the model with skops.io.dump.',
    cwe: [506],
  },
  'skops/missing-member': {
    severity: 'warning', title: 'skops node references a missing member',
    explanation: 'A node of schema.json reads a zip member that the archive does not hold: skops.io.load fails (KeyError). The file is damaged or was edited.',
    remediation: 'Re-export the model with skops.io.dump.',
    cwe: [20],
  },
} as const satisfies Record<string, RuleDef>;
