#!/usr/bin/env node
// npm "prepare" script. npm runs it after `npm install`/`npm ci` in this repository, before `npm pack`,
// and when it installs modelgate from git (a git dependency, or pre-commit's `language: node` hook,
// which runs `npm install -g git+file://<clone>`: npm installs the dev dependencies in the clone, runs
// prepare, then packs the "files" of package.json). Without it, that install would hold bin/ and no
// built CLI (dist-cli/ is not committed) and the hook would only print "the CLI is not built".
// It builds the CLI bundle (not the app: the hook and a CI scan do not need it) and only when it is
// missing, so a tree that is already built, or a later `npm run build`, is left as it is; without the
// dev dependencies (npm ci --omit=dev) there is nothing to build with, and it says so.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

if (existsSync('dist-cli/modelgate.js')) process.exit(0);
if (!existsSync('node_modules/vite/bin/vite.js')) {
  console.warn('modelgate prepare: vite is not installed (dev dependencies omitted), so the CLI is not built; run npm run build:cli later');
  process.exit(0);
}
const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '-c', 'vite.cli.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
