// URLs and literal IP addresses in untrusted strings. A URL to a well-known model or code host is
// context (INFO); any other host is what second stages and exfiltration endpoints look like (WARNING).
// The host list follows ModelAudit's trusted-URL allowlist (research/modelaudit.md §3.15).
import type { StringHit } from './strings';

/** Distinct hosts reported per string: a link farm must not flood the report. */
const MAX_URL_HITS = 20;
const MAX_IP_HITS = 20;

/** A host matches when it equals an entry or is a subdomain of it. */
export const KNOWN_HOSTS: ReadonlySet<string> = new Set([
  // model and dataset hubs
  'huggingface.co', 'hf.co', 'hf.space', 'modelscope.cn', 'civitai.com', 'tfhub.dev', 'kaggle.com', 'ollama.com',
  'ollama.ai', 'replicate.com', 'paperswithcode.com', 'zenodo.org', 'figshare.com', 'openml.org',
  // code hosting
  'github.com', 'githubusercontent.com', 'github.io', 'gitlab.com', 'gitlab.io', 'bitbucket.org', 'codeberg.org',
  'sourceforge.net', 'gitee.com',
  // frameworks and package indexes
  'pytorch.org', 'tensorflow.org', 'keras.io', 'onnx.ai', 'onnxruntime.ai', 'scikit-learn.org', 'mlflow.org',
  'jax.readthedocs.io', 'numpy.org', 'scipy.org', 'python.org', 'pypi.org', 'pythonhosted.org', 'anaconda.org',
  'conda.io', 'readthedocs.io', 'readthedocs.org', 'npmjs.com', 'wandb.ai', 'lightning.ai', 'spacy.io',
  'ggml.ai', 'llama.cpp', 'docker.io', 'docker.com', 'ghcr.io', 'nvcr.io', 'quay.io',
  'ultralytics.com',  // docs/licence links in the metadata every Ultralytics export writes (ONNX, TensorRT, TFLite)
  // papers, references, licences
  'arxiv.org', 'doi.org', 'aclanthology.org', 'openreview.net', 'neurips.cc', 'mlr.press', 'semanticscholar.org',
  'wikipedia.org', 'wikimedia.org', 'creativecommons.org', 'opensource.org', 'apache.org', 'gnu.org',
  'mozilla.org', 'w3.org', 'schema.org', 'ietf.org', 'unicode.org', 'spdx.org', 'choosealicense.com',
  'img.shields.io', 'colab.research.google.com', 'fsf.org', 'tldrlegal.com', 'opensource.google',
  // social and community links on model cards
  'twitter.com', 'x.com', 'discord.gg', 'discord.com', 'youtube.com', 'youtu.be', 'linkedin.com', 'medium.com',
  'reddit.com', 'stackoverflow.com',
  // AI vendors and labs
  'openai.com', 'anthropic.com', 'nvidia.com', 'meta.com', 'ai.meta.com',
  'llama.com',  // Meta's Llama docs: Llama 4 chat templates link their prompt-format page
  'mistral.ai', 'cohere.com', 'cohere.ai', 'deepmind.com', 'deepmind.google', 'ai.google.dev', 'research.google',
  'blog.google', 'cloud.google.com', 'developers.google.com', 'microsoft.com', 'azure.com', 'apple.com', 'amazon.com', 'aws.amazon.com', 'ibm.com',
  'stability.ai', 'allenai.org', 'eleuther.ai', 'qwenlm.github.io', 'deepseek.com', 'alibabacloud.com',
  'baai.ac.cn', 'salesforce.com', 'databricks.com', 'together.ai', 'intel.com', 'amd.com', 'qualcomm.com',
  // cloud storage and CDNs
  'amazonaws.com', 'storage.googleapis.com', 'blob.core.windows.net', 'cloudfront.net', 'jsdelivr.net',
  'unpkg.com', 'cdnjs.cloudflare.com', 'fastly.net', 'akamaized.net',
]);
/** Academic domains: "*.edu", "*.ac.uk", "*.edu.cn", ... */
const ACADEMIC = /(?:^|\.)(?:edu|ac\.[a-z]{2}|edu\.[a-z]{2})$/;

export function isKnownHost(host: string): boolean {
  if (ACADEMIC.test(host)) return true;
  for (let h = host; h.length > 0;) {
    if (KNOWN_HOSTS.has(h)) return true;
    const dot = h.indexOf('.');
    if (dot < 0) return false;
    h = h.slice(dot + 1);
  }
  return false;
}

// RFC 3986 URI with an authority; the run stops at whitespace, quotes, brackets and backslashes so a
// URL inside JSON or HTML ends where its string does.
export const URL_RE = /\b(?:https?|ftps?|sftp|tftp|wss?):\/\/[^\s"'<>`\\{}|^[\]()]{1,2048}/gi;
// Dotted quad not preceded by a word char, dot, slash, colon or hyphen and not followed by another
// ".digit" (a longer dotted number such as an OID or a 5-part version).
export const IPV4_RE = /(?<![\w.:/-])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\w]|\.\d)/g;
/** "version 1.2.3.4", "v 1.2.3.4", "torch==2.1.0.1": the dotted number is a version. */
const VERSION_CONTEXT = /(?:version|ver|release|build|rev|revision|v)\s{0,3}[:=]?\s{0,3}$|(?:==|>=|<=|~=|!=|\^)\s{0,3}$/i;

function octet(s: string | undefined): number {
  if (s === undefined || (s.length > 1 && s.startsWith('0'))) return -1; // "010" is octal in inet_aton: not a plain IP
  const n = Number(s);
  return n <= 255 ? n : -1;
}

/** RFC 6890 special-purpose ranges: private, loopback, link-local, CGNAT, documentation, multicast, reserved. */
export function isPublicIpv4(o: readonly number[]): boolean {
  const [a, b, c] = o as [number, number, number, number];
  if (a === 0 || a === 10 || a === 127 || a >= 224) return false;
  if (a === 100 && b >= 64 && b <= 127) return false;
  if (a === 169 && b === 254) return false;
  if (a === 172 && b >= 16 && b <= 31) return false;
  if (a === 192 && b === 168) return false;
  if (a === 192 && b === 0 && (c === 0 || c === 2)) return false;
  if (a === 198 && (b === 18 || b === 19)) return false;
  if (a === 198 && b === 51 && c === 100) return false;
  if (a === 203 && b === 0 && c === 113) return false;
  return true;
}

function parseIpv4(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4) return null;
  const o = parts.map((p) => (/^\d{1,3}$/.test(p) ? octet(p) : -1));
  return o.every((n) => n >= 0) ? o : null;
}

/** Host of a URL match: userinfo, port and a trailing dot removed, lower case. */
export function urlHost(url: string): string {
  const rest = url.slice(url.indexOf('://') + 3);
  let authority = rest.split(/[/?#]/, 1)[0] ?? '';
  const at = authority.lastIndexOf('@');
  if (at >= 0) authority = authority.slice(at + 1);
  const host = authority.replace(/:\d{0,5}$/, '').replace(/\.$/, '').toLowerCase();
  return host;
}

function isPlausibleDomain(host: string): boolean {
  if (host.length < 4 || host.length > 253 || !host.includes('.')) return false;
  return host.split('.').every((label) => label.length >= 1 && label.length <= 63 && /^[a-z0-9-]+$/.test(label))
    && /[a-z]/.test(host.slice(host.lastIndexOf('.') + 1));
}

export function findUrls(text: string): StringHit[] {
  const hits: StringHit[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(URL_RE)) {
    if (hits.length >= MAX_URL_HITS) break;
    const raw = m[0].replace(/[.,;:!?]+$/, ''); // sentence punctuation after a link
    const host = urlHost(raw);
    // Credentials in a URL (scheme://user:password@host) are a secret: the evidence never shows them.
    const url = raw.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/:@\s]*):[^/@\s]*@/i, '$1:…@');
    if (seen.has(host)) continue;
    seen.add(host);
    const ip = parseIpv4(host);
    if (ip) {
      if (!isPublicIpv4(ip)) continue;
      hits.push({ ruleId: 'strings/url', message: `URL to a raw public IP address ${host}`, evidence: url });
    } else if (host === 'localhost' || host.endsWith('.localhost') || !isPlausibleDomain(host)) {
      continue; // local, a template placeholder ("{endpoint}") or not a host at all
    } else if (isKnownHost(host)) {
      hits.push({ ruleId: 'strings/url-known-host', message: `URL to the well-known host ${host}`, evidence: url });
    } else {
      hits.push({ ruleId: 'strings/url', message: `URL to the unexpected host ${host}`, evidence: url });
    }
  }
  return hits;
}

export function findIpAddresses(text: string): StringHit[] {
  const hits: StringHit[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(IPV4_RE)) {
    if (hits.length >= MAX_IP_HITS) break;
    const o = [octet(m[1]), octet(m[2]), octet(m[3]), octet(m[4])];
    if (o.some((n) => n < 0) || !isPublicIpv4(o)) continue;
    // Four single digits ("2.1.0.1") are a version number far more often than a host.
    if (o.every((n) => n < 10)) continue;
    if (VERSION_CONTEXT.test(text.slice(Math.max(0, m.index - 16), m.index))) continue;
    const ip = o.join('.');
    if (seen.has(ip)) continue;
    seen.add(ip);
    const end = m.index + m[0].length;
    hits.push({ ruleId: 'strings/ip-address', message: `Literal public IP address ${ip}`,
      evidence: text.slice(Math.max(0, m.index - 40), Math.min(text.length, end + 40)) });
  }
  return hits;
}
