// The installable package (issue 14 item 9, issue 16 item 2): `npm pack` of the built tree installs
// globally into an empty prefix with an empty npm cache and --offline (so it needs nothing from any
// registry: an air-gapped laptop), and the installed `modelgate` scans from a folder outside the repository
// and serves the app on 127.0.0.1 with the app's headers. Needs the build (npm test builds first).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_HEADERS } from '../../src/cli/app-headers';

const built = existsSync('dist/index.html') && existsSync('dist-cli/modelgate.js');
const FIXTURES = ['fixtures/pickle-family/malicious/reduce-os-system.pkl', 'fixtures/sevenzip/malicious/pickle.7z',
  'fixtures/keras/malicious/lambda-os-system.h5', 'fixtures/e2e/config.json'].map((f) => resolve(f));

let tmp: string;
let modelgate: string;
let installed: string;
let packed: { filename: string; files: { path: string }[] };

function npm(args: string[], cwd: string) {
  // An empty cache and --offline: a dependency to fetch would fail the install.
  return spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_cache: join(tmp, 'cache'), npm_config_update_notifier: 'false' } });
}

function head(url: string): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((done, fail) => {
    const req = request(url, { method: 'HEAD' }, (res) => { res.resume(); done({ status: res.statusCode!, headers: res.headers }); });
    req.on('error', fail);
    req.end();
  });
}

describe.skipIf(!built)('the packed tarball', () => {
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'modelgate-pack-'));
    const pack = npm(['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], process.cwd());
    expect(pack.status, pack.stderr).toBe(0);
    packed = (JSON.parse(pack.stdout) as typeof packed[])[0]!;
    const install = npm(['install', '-g', '--prefix', join(tmp, 'prefix'), join(tmp, packed.filename),
      '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], tmp);
    expect(install.status, install.stderr).toBe(0);
    modelgate = join(tmp, 'prefix', 'bin', 'modelgate');
    installed = join(tmp, 'prefix', 'lib', 'node_modules', 'modelgate');
  }, 120_000);

  afterAll(() => { if (tmp) rmSync(tmp, { recursive: true, force: true }); });

  it('holds the CLI, its WASM, the built app and nothing of the sources', () => {
    const files = packed.files.map((f) => f.path);
    for (const f of ['bin/modelgate.js', 'dist-cli/modelgate.js', 'dist-cli/scan-thread.js', 'dist-cli/assets/7zz.wasm',
      'dist/index.html', 'dist/sw.js', 'dist/manifest.webmanifest', 'package.json']) expect(files).toContain(f);
    expect(files.some((f) => /^dist\/assets\/.*\.wasm$/.test(f))).toBe(true);
    expect(files.filter((f) => /^(src|test|fixtures|workers|node_modules)\//.test(f))).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { dependencies?: object };
    // Everything the CLI runs is bundled: a run-time dependency would need a registry on the laptop.
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
  });

  it('the installed modelgate scans a pickle, a 7z and an HDF5 file from outside the repository', () => {
    const run = spawnSync(modelgate, ['scan', '--format', 'json', '--no-progress', ...FIXTURES], { cwd: tmp, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as { files: { path: string; complete: boolean; findings: { ruleId: string; severity: string }[] }[] };
    const byName = (n: string) => report.files.find((f) => f.path.endsWith(n))!;
    expect(byName('reduce-os-system.pkl').findings.some((f) => f.severity === 'critical')).toBe(true);
    expect(byName('pickle.7z').findings.some((f) => f.severity === 'critical')).toBe(true);
    expect(byName('lambda-os-system.h5').findings.map((f) => f.ruleId)).toContain('keras/lambda-bytecode');
    expect(report.files.every((f) => f.complete)).toBe(true);
  }, 60_000);

  describe('modelgate serve from the installed package', () => {
    let server: ChildProcess;
    let base: string;
    beforeAll(async () => {
      server = spawn(modelgate, ['serve', '--port', '0'], { cwd: tmp, stdio: ['ignore', 'pipe', 'pipe'] });
      base = await new Promise<string>((done, fail) => {
        let out = '';
        server.stdout!.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
          if (m) done(m[0]);
        });
        server.once('exit', (code) => fail(new Error(`serve exited with ${code}: ${out}`)));
      });
    }, 30_000);
    afterAll(() => { server?.kill('SIGINT'); });

    it('serves index.html, the manifest and the WASM with their types and the app\'s headers', async () => {
      const index = await head(base);
      expect(index.status).toBe(200);
      expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
      for (const [k, v] of Object.entries(APP_HEADERS)) expect(index.headers[k.toLowerCase()]).toBe(v);
      const manifest = await head(base + 'manifest.webmanifest');
      expect(manifest.headers['content-type']).toBe('application/manifest+json; charset=utf-8');
      const wasm = readdirSync(join(installed, 'dist', 'assets')).find((f) => f.endsWith('.wasm'))!;
      const w = await head(base + 'assets/' + wasm);
      expect(w.status).toBe(200);
      expect(w.headers['content-type']).toBe('application/wasm');
      expect((await head(base + 'sw.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    });

    it('answers on 127.0.0.1 only', async () => {
      const port = new URL(base).port;
      await expect(head(`http://127.0.0.2:${port}/`)).rejects.toThrow(/ECONNREFUSED/);
    });

    it('stops on Ctrl+C with exit code 0', async () => {
      const exited = new Promise<number | null>((done) => server.once('exit', (code) => done(code)));
      server.kill('SIGINT');
      expect(await exited).toBe(0);
    }, 15_000);
  });
});
