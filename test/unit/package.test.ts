// The installable package (issue 14 item 9, issue 16 item 2): `npm pack` of the built tree installs
// globally into an empty prefix with an empty npm cache and --offline (so it needs nothing from any
// registry: an air-gapped laptop), and the installed `modelgate` scans from a folder outside the repository
// and serves the app on 127.0.0.1 with the app's headers. Needs the build (npm test builds first).
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_HEADERS } from '../../src/cli/app-headers';
import { packAndInstall, startServe, type Installed } from '../packaged';

const built = existsSync('dist/index.html') && existsSync('dist-cli/modelgate.js');
const FIXTURES = ['fixtures/pickle-family/malicious/reduce-os-system.pkl', 'fixtures/sevenzip/malicious/pickle.7z',
  'fixtures/keras/malicious/lambda-os-system.h5', 'fixtures/e2e/config.json'].map((f) => resolve(f));

let pkg: Installed;

function head(url: string): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((done, fail) => {
    const req = request(url, { method: 'HEAD' }, (res) => { res.resume(); done({ status: res.statusCode!, headers: res.headers }); });
    req.on('error', fail);
    req.end();
  });
}

describe.skipIf(!built)('the packed tarball', () => {
  beforeAll(() => { pkg = packAndInstall(); }, 120_000);

  afterAll(() => { if (pkg) rmSync(pkg.tmp, { recursive: true, force: true }); });

  it('holds the CLI, its WASM, the built app and nothing of the sources', () => {
    const files = pkg.files;
    for (const f of ['bin/modelgate.js', 'dist-cli/modelgate.js', 'dist/index.html', 'dist/sw.js', 'dist/manifest.webmanifest',
      'package.json']) expect(files).toContain(f);
    expect(files.some((f) => /^dist-cli\/.*7zz\.wasm$/.test(f))).toBe(true); // the CLI's 7-Zip
    expect(files.some((f) => /^dist\/assets\/.*\.wasm$/.test(f))).toBe(true); // the app's
    expect(files.filter((f) => /^(src|test|fixtures|workers|node_modules)\//.test(f))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(pkg.dir, 'package.json'), 'utf8')) as { dependencies?: object };
    // Everything the CLI runs is bundled: a run-time dependency would need a registry on the laptop.
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(existsSync(join(pkg.dir, 'node_modules'))).toBe(false);
  });

  it('the installed modelgate scans a pickle, a 7z and an HDF5 file from outside the repository', () => {
    const run = spawnSync(pkg.bin, ['scan', '--format', 'json', '--no-progress', ...FIXTURES], { cwd: pkg.tmp, encoding: 'utf8' });
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
    beforeAll(async () => { ({ server, url: base } = await startServe(pkg.bin, pkg.tmp)); }, 30_000);
    afterAll(() => { server?.kill('SIGINT'); });

    it('serves index.html, the manifest and the WASM with their types and the app\'s headers', async () => {
      const index = await head(base);
      expect(index.status).toBe(200);
      expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
      for (const [k, v] of Object.entries(APP_HEADERS)) expect(index.headers[k.toLowerCase()]).toBe(v);
      const manifest = await head(base + 'manifest.webmanifest');
      expect(manifest.headers['content-type']).toBe('application/manifest+json; charset=utf-8');
      const wasm = readdirSync(join(pkg.dir, 'dist', 'assets')).find((f) => f.endsWith('.wasm'))!;
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
