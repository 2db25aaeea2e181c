#!/usr/bin/env node
// Launcher for the built CLI bundle (dist-cli/modelgate.js, made by `npm run build` or `npm run build:cli`).
import { existsSync } from 'node:fs';

const bundle = new URL('../dist-cli/modelgate.js', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('modelgate: the CLI is not built (dist-cli/modelgate.js is missing): run npm run build first\n');
  process.exit(2);
}
const { run } = await import(bundle.href);
await run(process.argv.slice(2));
