// Packs the built tree with `npm pack` and installs the tarball globally into a fresh prefix, with an
// empty npm cache and --offline: the install an air-gapped laptop does. A dependency to fetch would fail
// it. Shared by the package test (test/unit/package.test.ts) and the e2e test of `modelgate serve`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Installed {
  /** The temporary folder holding the tarball, the prefix and the cache. */
  tmp: string;
  /** The installed `modelgate` command. */
  bin: string;
  /** The installed package folder. */
  dir: string;
  /** The files in the tarball, as `npm pack --json` lists them. */
  files: string[];
}

export function packAndInstall(repo: string = process.cwd()): Installed {
  const tmp = mkdtempSync(join(tmpdir(), 'modelgate-pack-'));
  const env = { ...process.env, npm_config_cache: join(tmp, 'cache'), npm_config_update_notifier: 'false' };
  const pack = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], { cwd: repo, encoding: 'utf8', env });
  if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
  const packed = (JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[])[0]!;
  const install = spawnSync('npm', ['install', '-g', '--prefix', join(tmp, 'prefix'), join(tmp, packed.filename),
    '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: tmp, encoding: 'utf8', env });
  if (install.status !== 0) throw new Error(`npm install of the tarball failed: ${install.stderr}`);
  return {
    tmp, bin: join(tmp, 'prefix', 'bin', 'modelgate'), dir: join(tmp, 'prefix', 'lib', 'node_modules', 'modelgate'),
    files: packed.files.map((f) => f.path),
  };
}

/** Starts `modelgate serve --port 0` and resolves with the process and the URL it prints. */
export function startServe(bin: string, cwd: string): Promise<{ server: ChildProcess; url: string }> {
  const server = spawn(bin, ['serve', '--port', '0'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((done, fail) => {
    let out = '';
    server.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (m) done({ server, url: m[0] });
    });
    server.stderr!.on('data', (c: Buffer) => { out += c.toString(); });
    server.once('exit', (code) => fail(new Error(`modelgate serve exited with ${code}: ${out}`)));
  });
}
