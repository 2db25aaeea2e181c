// Credentials left in model files and configs (shared by every format through inspectText). Each
// detector is a token format with a fixed prefix or a fixed structure, so tensor names, vocabularies
// and hashes do not match; where a format is loose (a bare 40-character AWS secret, generic "sk-"
// keys, Slack tokens) the candidate must also look random (Shannon entropy, mixed character classes).
// Prefix formats follow the vendors' documentation and the gitleaks rule set:
//   AWS key ids AKIA/ASIA + 16 [A-Z0-9]; GCP API keys AIza + 35; GitHub ghp_/gho_/ghu_/ghs_/ghr_ + 36,
//   github_pat_ 22 "_" 59; GitLab glpat- + 20; Slack xox[abprs]-; Hugging Face hf_ + 34 letters;
//   OpenAI sk-proj-…, legacy sk-…T3BlbkFJ…; Anthropic sk-ant-api03-/admin01-…
// A secret is never echoed in full: evidence keeps the first 4 and last 2 characters.
import type { StringHit } from './strings';
import { fromBase64url } from '../io/base64';

/** Hits per string: a file of 10 000 keys needs one finding per rule per node, not 10 000. */
const MAX_SECRET_HITS = 20;
/** Matches a regex may yield before the detector stops looking (bounds work on hostile text). */
const MAX_CANDIDATES = 1000;

/**
 * Credentials published as documentation examples (jwt.io's sample token, the AWS docs key pair):
 * every reader has them and no service accepts them, so they are INFO, not a leak.
 */
const PUBLISHED_EXAMPLES: readonly string[] = [
  'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c', // jwt.io: {"sub":"1234567890","name":"John Doe",...} HS256
  'AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', // AWS documentation key pair
];

/** Masks a secret: 'ghp_…9x'. Short values show nothing but their length class. */
export function maskSecret(s: string): string {
  if (s.length <= 10) return '…';
  return `${s.slice(0, 4)}…${s.slice(-2)}`;
}

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** Looks random: enough entropy and at least two of upper / lower / digit (hex digests are one case). */
function looksRandom(s: string, minEntropy: number): boolean {
  if (/^[0-9a-f]+$/.test(s) || /^[0-9A-F]+$/.test(s)) return false; // hex digests (sha1/sha256) are not secrets
  const classes = Number(/[a-z]/.test(s)) + Number(/[A-Z]/.test(s)) + Number(/[0-9]/.test(s));
  return classes >= 2 && entropy(s) >= minEntropy;
}

interface SecretPattern {
  what: string;
  re: RegExp;
  /** The part of the match that is the secret (masked in evidence); default the whole match. */
  secret?: (m: RegExpExecArray) => string;
  /** Evidence built around the masked secret; default the masked secret alone. */
  show?: (m: RegExpExecArray) => string;
  accept?: (m: RegExpExecArray) => boolean;
}

/** Values that are placeholders, not passwords: ${DB_PASS}, <password>, {{ secret }}, ****, xxx. */
function isPlaceholder(p: string): boolean {
  return /^(?:\$\{.*\}|\$[A-Z_]+|<[^>]*>|\{\{.*\}\}|%\(.*\)s|\*+|x+|\.{3}|…)$/i.test(p)
    || /^(?:password|passwd|pass|pwd|secret|changeme|your[-_]?password)$/i.test(p);
}

/** RFC 7519 §7.2: the first part decodes to a JSON object header, which RFC 7515 §4.1.1 gives "alg". */
function isJwt(m: RegExpExecArray): boolean {
  // The pattern caps the header part at 1024 characters, so at most 768 bytes are spread here.
  const bytes = fromBase64url(m[1]!);
  if (bytes === null) return false;
  const header = String.fromCharCode(...bytes);
  try {
    const h: unknown = JSON.parse(header); // at most 1 KiB of decoded header text: bounded
    return typeof h === 'object' && h !== null && typeof (h as Record<string, unknown>).alg === 'string';
  } catch {
    return false;
  }
}

const PATTERNS: readonly SecretPattern[] = [
  { what: 'PEM private key', re: /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----(?:\\n|\s)*([A-Za-z0-9+/=]{16,})/g,
    secret: (m) => m[2]!, show: (m) => `-----BEGIN ${m[1]}----- ${maskSecret(m[2]!)}` },
  { what: 'AWS access key id', re: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g },
  { what: 'AWS secret access key',
    re: /aws_?secret(?:_?access)?_?key["']?\s*[:=]\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi,
    secret: (m) => m[1]!, accept: (m) => looksRandom(m[1]!, 4.0) },
  { what: 'GCP API key', re: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g },
  { what: 'Azure storage account key', re: /AccountName=[^;\s"']{1,64};AccountKey=([A-Za-z0-9+/]{40,}={0,2})/g,
    secret: (m) => m[1]!, show: (m) => `${m[0].slice(0, m[0].indexOf('AccountKey=') + 11)}${maskSecret(m[1]!)}` },
  { what: 'GitHub token', re: /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}(?![A-Za-z0-9])/g,
    accept: (m) => looksRandom(m[0].slice(4), 3.5) },
  { what: 'GitHub fine-grained token', re: /\bgithub_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}(?![A-Za-z0-9])/g },
  { what: 'GitLab token', re: /\bglpat-[A-Za-z0-9_-]{20}(?![A-Za-z0-9_-])/g, accept: (m) => looksRandom(m[0].slice(6), 3.2) },
  { what: 'Slack token', re: /\bxox[abprs]-(?:[0-9]{6,}-){1,3}[A-Za-z0-9-]{10,}/g, accept: (m) => looksRandom(m[0], 3.5) },
  { what: 'Hugging Face token', re: /\bhf_[A-Za-z]{34}(?![A-Za-z0-9_])/g, accept: (m) => looksRandom(m[0].slice(3), 3.5) && /[A-Z]/.test(m[0].slice(3)) && /[a-z]/.test(m[0]) },
  { what: 'Anthropic API key', re: /\bsk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_-]{40,}/g },
  { what: 'OpenAI API key', re: /\bsk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,}/g, accept: (m) => looksRandom(m[0].slice(8), 4.0) },
  { what: 'OpenAI API key', re: /\bsk-(?!ant-)[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}(?![A-Za-z0-9])/g },
  { what: 'OpenAI-style API key', re: /\bsk-(?!ant-|proj-|svcacct-|admin-)[A-Za-z0-9]{32,64}(?![A-Za-z0-9_-])/g, accept: (m) => looksRandom(m[0].slice(3), 4.0) },
  { what: 'JSON Web Token', re: /\b(eyJ[A-Za-z0-9_-]{8,1024})\.(eyJ[A-Za-z0-9_-]{4,8192})\.([A-Za-z0-9_-]{16,1024})(?![A-Za-z0-9_-])/g,
    secret: (m) => m[3]!, show: (m) => `${m[1]!.slice(0, 12)}….${maskSecret(m[3]!)}`, accept: isJwt },
  { what: 'Database URL with a password',
    re: /\b((?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|oracle|cockroachdb)(?:\+[a-z0-9]+)?:\/\/)([^\s:/@"']{1,128}):([^\s@/"']{1,256})@([^\s/"'?#]{1,256})/gi,
    secret: (m) => m[3]!, show: (m) => `${m[1]}${m[2]}:…@${m[4]}`, accept: (m) => !isPlaceholder(m[3]!) },
];

/** Every credential found in one string, evidence masked. Linear in the text (anchored prefixes). */
export function findSecrets(text: string): StringHit[] {
  const hits: StringHit[] = [];
  const seen = new Set<string>();
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    let candidates = 0;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      if (++candidates > MAX_CANDIDATES || hits.length >= MAX_SECRET_HITS) break;
      if (p.accept && !p.accept(m)) continue;
      const secret = p.secret ? p.secret(m) : m[0];
      if (seen.has(secret)) continue;
      seen.add(secret);
      const hit: StringHit = { ruleId: 'strings/secret', message: `${p.what} in the text`, evidence: p.show ? p.show(m) : maskSecret(secret) };
      if (PUBLISHED_EXAMPLES.some((e) => m[0].includes(e))) {
        hit.severity = 'info';
        hit.severityReason = 'a published documentation example, not a live credential';
        hit.message = `${p.what} (a published documentation example) in the text`;
      }
      hits.push(hit);
    }
  }
  return hits;
}

const AWS_SECRET_KEY_NAME = /aws_?secret(?:_?access)?_?key$/i;

/**
 * A credential whose format alone is too loose (an AWS secret access key is any 40 base64 characters)
 * but whose key names it: formats that split key and value (JSON, YAML, INI) call this per pair.
 */
export function findKeyedSecret(key: string, value: string): StringHit | null {
  const v = value.trim();
  if (AWS_SECRET_KEY_NAME.test(key) && /^[A-Za-z0-9/+]{40}$/.test(v) && looksRandom(v, 4.0)) {
    const example = PUBLISHED_EXAMPLES.includes(v);
    return { ruleId: 'strings/secret', message: `AWS secret access key in "${key.slice(0, 64)}"`, evidence: maskSecret(v),
      ...(example ? { severity: 'info' as const, severityReason: 'a published documentation example, not a live credential' } : {}) };
  }
  return null;
}
