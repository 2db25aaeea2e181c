// `modelgate serve`: the built app on 127.0.0.1 with the preview server's headers, the right MIME types,
// and nothing outside the app folder, whatever the request path says.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_HEADERS, CSP } from '../../src/cli/app-headers';
import { main } from '../../src/cli/main';
import { HOST, packagedAppDir, parseServeArgs, startServer, type RunningServer } from '../../src/cli/serve';

const SECRET = 'TOP-SECRET-OUTSIDE-THE-APP';
let base: string;
let server: RunningServer;
let port: number;

/** A raw request: the path goes out byte for byte (fetch would normalise "..", which is the point). */
function get(path: string, opts: { method?: string; host?: string } = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((done, fail) => {
    const req = request({ host: HOST, port, path, method: opts.method ?? 'GET', headers: { host: opts.host ?? `${HOST}:${port}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('latin1') }));
    });
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'modelgate-serve-'));
  writeFileSync(join(base, 'secret.txt'), SECRET);
  const app = join(base, 'dist');
  mkdirSync(join(app, 'assets'), { recursive: true });
  writeFileSync(join(app, 'index.html'), '<!doctype html><title>modelgate</title>');
  writeFileSync(join(app, 'manifest.webmanifest'), '{"name":"modelgate"}');
  writeFileSync(join(app, 'sw.js'), 'self.x = 1;');
  writeFileSync(join(app, 'assets', '7zz-abc.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  writeFileSync(join(app, 'assets', 'index-abc.css'), 'body{}');
  symlinkSync(join(base, 'secret.txt'), join(app, 'assets', 'leak.txt'));
  server = await startServer({ root: app, port: 0 });
  port = Number(new URL(server.url).port);
});

afterAll(async () => {
  await server?.close();
  rmSync(base, { recursive: true, force: true });
});

describe('modelgate serve', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect((server.server.address() as { address: string }).address).toBe('127.0.0.1');
  });

  it('serves index.html at / with the preview server\'s CSP and security headers', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>modelgate</title>');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(CSP);
    for (const [k, v] of Object.entries(APP_HEADERS)) expect(res.headers[k.toLowerCase()]).toBe(v);
  });

  it('gives wasm, the manifest, scripts and styles their MIME types', async () => {
    expect((await get('/assets/7zz-abc.wasm')).headers['content-type']).toBe('application/wasm');
    expect((await get('/manifest.webmanifest')).headers['content-type']).toBe('application/manifest+json; charset=utf-8');
    expect((await get('/sw.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await get('/assets/index-abc.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    const head = await get('/assets/7zz-abc.wasm', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('8');
    expect(head.body).toBe('');
  });

  it.each([
    '/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e%2fsecret.txt',
    '/..\\secret.txt', '/..%5csecret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/index.html%00.png', '/%ff',
    '//etc/passwd', '/assets/leak.txt', '/assets/', '/nothing-here.js',
  ])('a traversal or missing path (%s) is refused and leaks nothing', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain(SECRET);
    expect(res.body).not.toContain('root:');
  });

  it('refuses other methods and other host names (DNS rebinding)', async () => {
    expect((await get('/', { method: 'POST' })).status).toBe(405);
    expect((await get('/', { host: 'attacker.example:80' })).status).toBe(421);
    expect((await get('/', { host: `localhost:${port}` })).status).toBe(200);
  });

  it('parses --port and rejects anything else', () => {
    expect(parseServeArgs([])).toEqual({ kind: 'serve', port: 4173 });
    expect(parseServeArgs(['--port', '8080'])).toEqual({ kind: 'serve', port: 8080 });
    expect(parseServeArgs(['-p', '0'])).toEqual({ kind: 'serve', port: 0 });
    expect(parseServeArgs(['--port=70000']).kind).toBe('usage-error');
    expect(parseServeArgs(['--host', '0.0.0.0']).kind).toBe('usage-error');
  });

  it('`modelgate serve --help` is dispatched from the CLI and exits 0', async () => {
    let out = '';
    const code = await main(['serve', '--help'], { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true }, env: {}, cwd: process.cwd() });
    expect(code).toBe(0);
    expect(out).toContain('modelgate serve [--port PORT]');
  });

  it('finds the app in the package: dist/ beside package.json, from the sources or the bundle', () => {
    const fake = join(base, 'pkg');
    mkdirSync(join(fake, 'dist-cli', 'assets'), { recursive: true });
    mkdirSync(join(fake, 'dist'), { recursive: true });
    writeFileSync(join(fake, 'package.json'), '{"name":"modelgate"}');
    expect(packagedAppDir(join(fake, 'dist-cli', 'assets', 'serve.js'))).toBeUndefined(); // not built
    writeFileSync(join(fake, 'dist', 'index.html'), '');
    expect(packagedAppDir(join(fake, 'dist-cli', 'assets', 'serve.js'))).toBe(join(fake, 'dist'));
    expect(packagedAppDir(join(fake, 'dist-cli', 'modelgate.js'))).toBe(join(fake, 'dist'));
  });
});
