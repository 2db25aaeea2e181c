// Secrets detector (detectors/secrets.ts), reached the way every format reaches it: scan() → a
// scanner → ctx.inspectString → inspectText. Every key below is FAKE: format-valid, obviously not real.
import { describe, expect, it } from 'vitest';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { encodeUtf8 } from '../../src/engine/io/text';
import { inspectText } from '../../src/engine/detectors/strings';
import { entropy, maskSecret } from '../../src/engine/detectors/secrets';

const b64u = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const JWT = `${b64u({ alg: 'HS256', typ: 'JWT' })}.${b64u({ sub: 'fake-user' })}.FAKEsignatureEXAMPLEnotReal0123456789abcdefg`;

/** One value in a config.json (the config scanner), and in a plain text file (the fallback sweep). */
const inConfig = (v: string) => scan(fromBytes(encodeUtf8(JSON.stringify({ model_type: 'x', value: v })), 'config.json'));
const inText = (v: string) => scan(fromBytes(encodeUtf8(`notes\n${v}\n`), 'notes.txt'));
const secrets = (r: FileReport) => r.findings.filter((f) => f.ruleId === 'strings/secret');

const FAKE: Array<[string, string, string]> = [
  ['AWS access key id', 'AKIAFAKEEXAMPLE12345', 'AKIA…45'],
  ['AWS access key id', 'ASIAFAKEEXAMPLE67890', 'ASIA…90'],
  ['GCP API key', 'AIzaFakeFAKEfake0123456789EXAMPLEexampl', 'AIza…pl'],
  ['GitHub token', 'ghp_FAKEfakeFAKEfake0123456789EXAMPLEabc', 'ghp_…bc'],
  ['GitHub token', 'gho_FAKEfakeFAKEfake0123456789EXAMPLEabc', 'gho_…bc'],
  ['GitHub token', 'ghs_FAKEfakeFAKEfake0123456789EXAMPLEabc', 'ghs_…bc'],
  ['GitHub fine-grained token', `github_pat_FAKEfake0123456789EXAM_${'FAKEfakeEXAMPLE0123456789'.repeat(2)}FAKEfake0`, 'gith…e0'],
  ['GitLab token', 'glpat-FAKEfake0123EXAMPLEx', 'glpa…Ex'],
  ['Slack token', 'xoxb-123456789012-1234567890123-FAKEfakeEXAMPLEtoken0123', 'xoxb…23'],
  ['Slack token', 'xoxp-123456789012-1234567890123-FAKEfakeEXAMPLEtoken0456', 'xoxp…56'],
  ['Hugging Face token', 'hf_FAKEfakeEXAMPLEexampleTOKENtokenXY', 'hf_F…XY'],
  ['OpenAI API key', 'sk-proj-FAKE-fake_EXAMPLE0123456789example-TOKEN-token0123', 'sk-p…23'],
  ['OpenAI API key', 'sk-FAKEfake0123456789abT3BlbkFJFAKEfake0123456789cd', 'sk-F…cd'],
  ['Anthropic API key', 'sk-ant-api03-FAKE_fake-EXAMPLE0123456789example-NOT-A-REAL-KEY-0123456789abcdef', 'sk-a…ef'],
  ['JSON Web Token', JWT, '….FAKE…fg'],
  ['Database URL with a password', 'postgres://admin:fake-pass-123@db.example.invalid:5432/x', 'postgres://admin:…@db.example.invalid:5432'],
  ['Database URL with a password', 'mongodb+srv://svc:FAKEpassword99@cluster0.example.invalid/db', 'mongodb+srv://svc:…@cluster0.example.invalid'],
  ['Azure storage account key', `DefaultEndpointsProtocol=https;AccountName=fake;AccountKey=${Buffer.from('fake-azure-storage-key-for-modelgate-tests-only').toString('base64')};EndpointSuffix=core.windows.net`, 'AccountKey=ZmFr…'],
  ['PEM private key', '-----BEGIN RSA PRIVATE KEY-----\nMIIEFAKEKEYFORMODELGATETESTSONLYnotarealkey00\n-----END RSA PRIVATE KEY-----', '-----BEGIN RSA PRIVATE KEY----- MIIE…00'],
  ['PEM private key', '-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAFAKEFAKEFAKE\\n-----END OPENSSH PRIVATE KEY-----', 'b3Bl…KE'],
];

describe('secrets: each credential format → WARNING strings/secret, masked', () => {
  it.each(FAKE)('%s (%s) in a config.json value', async (what, value, shown) => {
    const [hit, ...rest] = secrets(await inConfig(value));
    expect(rest).toEqual([]);
    expect(hit?.severity).toBe('warning');
    expect(hit?.message).toContain(what);
    expect(hit?.location.pointer).toBe('/value');
    expect(hit?.evidence).toContain(shown);
    expect(hit?.evidence).not.toContain(value);
  });

  it('GCP service-account JSON: the private_key PEM is found', async () => {
    const sa = { type: 'service_account', project_id: 'fake', private_key_id: '0'.repeat(40),
      private_key: '-----BEGIN PRIVATE KEY-----\nMIIEvFAKEKEYFORMODELGATETESTSONLYnotarealkey0000\n-----END PRIVATE KEY-----\n' };
    const r = await scan(fromBytes(encodeUtf8(JSON.stringify(sa)), 'service.json'));
    expect(secrets(r).map((f) => f.message)).toEqual(['PEM private key in the text']);
  });

  it('a token in a plain text file (fallback sweep) is found too', async () => {
    expect(secrets(await inText('export HF_TOKEN=hf_FAKEfakeEXAMPLEexampleTOKENtokenXY'))).toHaveLength(1);
  });

  it('AWS secret access key only with its key name in the same text', () => {
    const secret = 'fAkE/SeCrEt+KeY0123456789ExAmPlEfAkEkEy1';
    expect(inspectText(`aws_secret_access_key = ${secret}`).filter((h) => h.ruleId === 'strings/secret')).toHaveLength(1);
    expect(inspectText(secret).filter((h) => h.ruleId === 'strings/secret')).toEqual([]);
  });
});

describe('secrets: quiet on what only looks like one', () => {
  it.each([
    ['sha256 hex digest', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['sha1 under an aws secret key name', 'aws_secret_access_key: da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    ['tensor names', 'model.layers.0.self_attn.q_proj.weight model.embed_tokens.weight lm_head.weight'],
    ['vocabulary words', 'hf_hub_download sk-learn ghp_ glpat- xoxb- AKIA tokenizer_config sklearn-pipeline'],
    ['a repeated-letter hf_ lookalike', `hf_${'a'.repeat(34)}`],
    ['a low-entropy sk- string', `sk-${'ab'.repeat(20)}`],
    ['the modelaudit corpus "sk-" key (too short for any format)', 'sk-1234567890abcdef'],
    ['a JWT-shaped string whose header has no alg', `${b64u({ typ: 'JWT' })}.${b64u({ sub: 'x' })}.FAKEsignatureEXAMPLEnotReal0123`],
    ['a database URL with a placeholder password', 'postgresql://user:${DB_PASSWORD}@localhost/db postgres://u:<password>@h/db'],
    ['a database URL without a password', 'postgres://localhost:5432/models'],
    ['a PEM public key / certificate', '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----'],
    ['base64 tensor-ish data', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
  ])('%s → no strings/secret', (_what, text) => {
    expect(inspectText(text).filter((h) => h.ruleId === 'strings/secret')).toEqual([]);
  });

  it('published documentation examples (jwt.io token, AWS docs key pair) are INFO, not WARNING', async () => {
    const jwtIo = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
    for (const v of [jwtIo, 'AKIAIOSFODNN7EXAMPLE']) {
      const [hit] = secrets(await inConfig(v));
      expect([hit?.severity, hit?.severityReason]).toEqual(['info', 'a published documentation example, not a live credential']);
    }
    const r = await scan(fromBytes(encodeUtf8(JSON.stringify({ trust_remote_code: false, aws_secret_access_key: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' })), 'c.json'));
    expect(secrets(r).map((f) => f.severity)).toEqual(['info']);
  });

  it('masking keeps 4 + 2 characters; short values show nothing', () => {
    expect(maskSecret('ghp_FAKEfakeFAKEfake0123456789EXAMPLE9x')).toBe('ghp_…9x');
    expect(maskSecret('short')).toBe('…');
    expect(entropy('aaaa')).toBe(0);
  });

  it('a string of 10 000 tokens yields a bounded number of hits, quickly', () => {
    const t0 = Date.now();
    const many = Array.from({ length: 10_000 }, (_, i) => `ghp_FAKEfakeFAKEfake0123456789EX${String(i).padStart(6, '0')}`).join(' ');
    expect(inspectText(many).filter((h) => h.ruleId === 'strings/secret').length).toBeLessThanOrEqual(20);
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});

describe('URL evidence never shows a password', () => {
  it('masks user:password in a URL to an unexpected host', async () => {
    const { inspectText } = await import('../../src/engine/detectors/strings');
    const hits = inspectText('mirror: https://deploy:S3cr3tPassw0rd@files.example-mirror.net/model.bin');
    const url = hits.find((h) => h.ruleId === 'strings/url');
    expect(url?.evidence).toContain('https://deploy:…@files.example-mirror.net');
    expect(hits.map((h) => h.evidence).join(' ')).not.toContain('S3cr3tPassw0rd');
  });
});
