// Pickle engine throughput micro-benchmark (not part of npm test). Runs the built CLI on each file
// given and prints wall time, MB/s and peak RSS. Make inputs with /usr/bin/python3, e.g.
//   pickle.dumps([{'a': i, 'b': str(i), 'c': [i, i+1]} for i in range(1_200_000)], protocol=4)
// Usage: node test/bench/pickle-speed.mjs [--cli dist-cli/modelgate.js] [--runs 3] FILE...
import { spawnSync } from 'node:child_process';
import { statSync, existsSync } from 'node:fs';

const args = process.argv.slice(2);
let cli = 'dist-cli/modelgate.js', runs = 3;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--cli') cli = args[++i];
  else if (args[i] === '--runs') runs = Number(args[++i]);
  else files.push(args[i]);
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
