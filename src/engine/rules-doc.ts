// One rule as a reader needs it, from the catalogue (rules.ts) alone: title, severity, explanation,
// remediation, and every reference explained (CWE and CVE with their public pages, ModelAudit S-codes
// with what they mean in ModelAudit). The app's offline rule page and the CLI's `modelgate rules`
// both render this, so the two never say different things. Pure data: no DOM, no Node.
import { RULES } from './rules';
import type { RuleDef } from './rules/types';
import type { Severity } from './types';

export interface RuleReference {
  /** "CWE-502", "CVE-2025-1716", "S201", "GHSA-xxxx-xxxx-xxxx". */
  id: string;
  kind: 'cwe' | 'cve' | 'modelaudit' | 'ghsa' | 'other';
  /** What the id stands for, in one line (ModelAudit codes: their category and meaning). */
  label?: string;
  /** A public page about it; offline readers see the id and label, the link is followed only on demand. */
  url?: string;
}

export interface RuleDoc {
  id: string;
  title: string;
  severity: Severity;
  explanation: string;
  remediation: string;
  references: RuleReference[];
}

// ModelAudit's rule codes (promptfoo/modelaudit, `modelaudit rules`; see research/modelaudit.md §rules).
// A modelgate rule lists one as an alias when it detects what that code names, so findings can be
// matched with a ModelAudit report. Category first, then the code's own meaning.
const MODELAUDIT_CATEGORY: Record<string, string> = {
  S1: 'code-execution imports', S2: 'pickle opcodes', S3: 'network access', S4: 'filesystem and archives',
  S5: 'embedded code', S6: 'encoding and obfuscation', S7: 'secrets', S8: 'weights', S9: 'file structure',
  S10: 'supply chain', S11: 'framework features',
};

export const MODELAUDIT_CODES: Record<string, string> = {
  S101: 'imports os', S102: 'imports sys', S103: 'imports subprocess', S104: 'eval or exec', S105: 'compile',
  S106: '__import__', S107: 'importlib', S108: 'runpy', S109: 'webbrowser', S110: 'ctypes', S115: 'access to dangerous builtins',
  S201: 'REDUCE opcode (calls a callable)', S202: 'INST opcode', S203: 'OBJ opcode', S204: 'NEWOBJ opcode',
  S205: 'STACK_GLOBAL opcode', S206: 'GLOBAL opcode', S207: 'BUILD opcode', S208: 'SETATTR', S209: 'SETITEM opcode',
  S210: 'SETITEMS opcode', S213: 'nested or encoded pickle',
  S301: 'socket', S302: 'requests or urllib', S303: 'http.client', S304: 'ftplib', S305: 'telnetlib', S306: 'smtplib',
  S307: 'DNS lookups', S308: 'hard-coded IP address', S309: 'hard-coded URL', S310: 'data exfiltration',
  S401: 'open for writing', S402: 'pathlib writes', S403: 'shutil', S404: 'tempfile', S405: 'path traversal',
  S406: 'symbolic link outside the archive', S407: 'hidden files', S408: 'system files', S409: 'home directory',
  S410: 'archive bomb',
  S501: 'Windows executable (PE)', S502: 'Linux executable (ELF)', S503: 'macOS executable (Mach-O)', S504: 'shell script',
  S505: 'batch file', S506: 'PowerShell', S507: 'Python code', S508: 'JavaScript', S509: 'WebAssembly', S510: 'JIT / TorchScript code',
  S601: 'base64', S602: 'hex encoding', S603: 'zlib', S604: 'encrypted or obfuscated content', S605: 'Unicode tricks',
  S606: 'ROT13', S607: 'XOR', S609: 'URL encoding', S610: 'custom encoding',
  S701: 'API key', S702: 'password', S703: 'private key', S704: 'AWS credentials', S705: 'GCP or Azure credentials',
  S706: 'database URL', S707: 'JWT', S708: 'OAuth token', S709: 'webhook', S710: 'high-entropy string',
  S801: 'weight distribution', S802: 'outlier neurons', S803: 'dissimilar vectors', S804: 'excessive dimensions',
  S805: 'unusual layers', S806: 'hidden layers', S807: 'backdoor trigger', S808: 'weight manipulation',
  S809: 'custom activation', S810: 'layers with code',
  S901: 'file type mismatch', S902: 'corrupted or unusual structure (a catch-all in ModelAudit)', S903: 'bad magic bytes',
  S904: 'excessive size', S905: 'suspicious metadata', S906: 'unusual extension', S907: 'several format markers', S908: 'polyglot file',
  S999: 'binary scan error',
  S1001: 'blacklisted name', S1002: 'known malicious hash', S1003: 'typosquatting', S1004: 'unsigned', S1005: 'invalid signature',
  S1006: 'expired certificate', S1007: 'untrusted repository', S1008: 'license incompatibility', S1009: 'GPL in proprietary code',
  S1010: 'missing provenance',
  S1101: 'PyTorch unsafe load', S1102: 'TensorFlow SavedModel', S1103: 'Keras Lambda layer', S1104: 'ONNX opset',
  S1105: 'JAX compilation', S1106: 'MXNet custom ops', S1107: 'Paddle dynamic code', S1108: 'CoreML custom layers',
  S1109: 'TensorRT plugins', S1110: 'GGUF/GGML',
};

// Links are built only from ids of the expected shape (the catalogue is ours, but a typo must not make a URL).
const CVE = /^CVE-\d{4}-\d{4,7}$/;
const GHSA = /^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/;
const S_CODE = /^S(\d{1,2})\d{2}$/;

/** What a ModelAudit code means ("S201" → "ModelAudit S201: pickle opcodes, REDUCE opcode ..."). */
export function explainModelAuditCode(code: string): string | undefined {
  const m = S_CODE.exec(code);
  if (!m) return undefined;
  const meaning = MODELAUDIT_CODES[code];
  const category = MODELAUDIT_CATEGORY[`S${m[1]}`];
  if (!meaning && !category) return undefined;
  return `ModelAudit check code ${code}: ${[category, meaning].filter(Boolean).join(', ')}`;
}

export function ruleReferences(rule: RuleDef): RuleReference[] {
  const out: RuleReference[] = [];
  for (const n of rule.cwe ?? []) {
    if (Number.isSafeInteger(n) && n > 0) out.push({ id: `CWE-${n}`, kind: 'cwe', url: `https://cwe.mitre.org/data/definitions/${n}.html` });
  }
  for (const id of rule.cve ?? []) out.push(CVE.test(id) ? { id, kind: 'cve', url: `https://www.cve.org/CVERecord?id=${id}` } : { id, kind: 'other' });
  for (const id of rule.aliases ?? []) {
    if (GHSA.test(id)) out.push({ id, kind: 'ghsa', label: 'GitHub security advisory', url: `https://github.com/advisories/${id}` });
    else {
      const label = explainModelAuditCode(id);
      out.push(label ? { id, kind: 'modelaudit', label } : { id, kind: 'other' });
    }
  }
  return out;
}

/** The rule with this id, described; undefined when the catalogue has no such rule. */
export function describeRule(id: string): RuleDoc | undefined {
  if (!Object.prototype.hasOwnProperty.call(RULES, id)) return undefined;
  const rule = (RULES as Record<string, RuleDef>)[id]!;
  return { id, title: rule.title, severity: rule.severity, explanation: rule.explanation, remediation: rule.remediation,
    references: ruleReferences(rule) };
}

/** Every rule id that names this ModelAudit code as an alias (a rule page for "S201" lists them). */
export function rulesForAlias(alias: string): string[] {
  return Object.entries(RULES as Record<string, RuleDef>).filter(([, r]) => r.aliases?.includes(alias)).map(([id]) => id).sort();
}

/** Every rule, described, in id order. */
export function describeAllRules(): RuleDoc[] {
  return Object.keys(RULES).sort().map((id) => describeRule(id)!);
}
