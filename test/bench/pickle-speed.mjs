// Pickle engine throughput micro-benchmark (not part of npm test). Runs the built CLI on each file and
// prints the best wall time, the engine's own time (the report's durationMs: scan() over the Node file
// source, without process start-up), MB/s for both, peak RSS (via /usr/bin/time -v when present) and the
// opcode count. `--make DIR` first writes the standard inputs with /usr/bin/python3 (never in the repo).
//   npx vite build -c vite.cli.config.ts --outDir /tmp/pickle-speed/cli
//   node test/bench/pickle-speed.mjs --cli /tmp/pickle-speed/cli/modelgate.js --make /tmp/pickle-speed
// Usage: node test/bench/pickle-speed.mjs [--cli dist-cli/modelgate.js] [--runs 3] [--make DIR] [FILE...]
import { spawnSync } from 'node:child_process';
import { statSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

// 1.2 M small dicts (object-dense: ~16 opcodes per dict) in protocols 4 and 2, and floats + strings.
const MAKE = `
import pickle, random, sys
d = sys.argv[1]
data = [{'a': i, 'b': str(i), 'c': [i, i + 1]} for i in range(1_200_000)]
open(d + '/dicts4.pkl', 'wb').write(pickle.dumps(data, protocol=4))
open(d + '/dicts2.pkl', 'wb').write(pickle.dumps(data, protocol=2))
random.seed(1)
mix = {'floats': [random.random() for _ in range(300_000)], 'strs': ['s%d_%s' % (i, 'x' * (i % 40)) for i in range(200_000)],
       'uni': ['\u00fcn\u00ef%d' % i for i in range(50_000)]}
open(d + '/mixed4.pkl', 'wb').write(pickle.dumps(mix, protocol=4))
`;

const args = process.argv.slice(2);
let cli = 'dist-cli/modelgate.js', runs = 3;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--cli') cli = args[++i];
  else if (args[i] === '--runs') runs = Number(args[++i]);
  else if (args[i] === '--make') {
    const dir = args[++i];
    mkdirSync(dir, { recursive: true });
    const p = spawnSync('/usr/bin/python3', ['-c', MAKE, dir], { stdio: 'inherit' });
    if (p.status !== 0) process.exit(1);
    files.push(...['dicts4.pkl', 'dicts2.pkl', 'mixed4.pkl'].map((f) => join(dir, f)));
  } else files.push(args[i]);
}
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

for (const f of files) {
  const mb = statSync(f).size / 1e6;
  let best = Infinity, engine = Infinity, rss = 0, ops = 0, findings = -1;
  for (let r = 0; r < runs; r++) {
    const cmd = timeBin ? [timeBin, ['-v', process.execPath, cli, 'scan', '--no-hash', '--format', 'json', f]]
      : [process.execPath, [cli, 'scan', '--no-hash', '--format', 'json', f]];
    const t0 = process.hrtime.bigint();
    const p = spawnSync(cmd[0], cmd[1], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    best = Math.min(best, s);
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(p.stderr ?? '');
    if (m) rss = Math.max(rss, Number(m[1]) / 1024);
    try {
      const rep = JSON.parse(p.stdout);
      const file = rep.files[0];
      ops = file.nodes?.[0]?.notes?.opcodes ?? 0;
      findings = file.findings.length;
      engine = Math.min(engine, file.durationMs / 1000);
    } catch { /* non-JSON output: print status only */ }
  }
  console.log(`${f}: ${mb.toFixed(1)} MB, wall ${best.toFixed(2)} s (${(mb / best).toFixed(1)} MB/s), engine ${engine.toFixed(2)} s (${(mb / engine).toFixed(1)} MB/s), peak RSS ${rss.toFixed(0)} MB, ops ${ops}, findings ${findings}`);
}
