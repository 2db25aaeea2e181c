// Pickle-family cases for bench.mjs (issue 3). Generated under .bench/ by pickle_family.py, run with
// Debian's /usr/bin/python3 (torch, sklearn, joblib); cached and reused when present:
//   - a 1 GB PyTorch checkpoint (250 × float32 [1000,1000] zeros), as zip and as legacy;
//   - a ~300 MB protocol-4 pickle of 3.9 M small dicts (object-dense: ~77 bytes per dict);
//   - a ~100 MB joblib RandomForest (264 fully grown trees, uncompressed: mostly inline array bytes);
//   - issue 15: the `many` shape (3.9 M nested records with a tuple each) beside CPython's pickle.load,
//     and a 512 MiB torch.save checkpoint (--no-weight-stats) beside node -e 0 and picklescan (or, when
//     the venv has none, picklescan's method: zipfile + pickletools over data.pkl).
// A case whose Python module is missing is skipped with a message. Targets from the issue are checked
// against the scan-only (--no-hash) rows by pickleTargets().
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PYTHON = process.env.MG_BENCH_PYTHON ?? '/usr/bin/python3';
const GENERATOR = join(dirname(fileURLToPath(import.meta.url)), 'pickle_family.py');
const MiB = 1024 * 1024;

const CASES = [
  { key: 'torch-zip', file: 'torch-1gb.pt', label: 'pytorch zip 1 GB (250 tensors)', needs: 'torch' },
  { key: 'torch-legacy', file: 'torch-1gb-legacy.pt', label: 'pytorch legacy 1 GB (250 tensors)', needs: 'torch' },
  { key: 'objects', file: 'objects-3.9m-dicts.pkl', label: 'pickle 3.9 M small dicts (protocol 4)', needs: 'pickle' },
  { key: 'tuples', file: 'many-3.9m-records-tuples.pkl', label: 'pickle 3.9 M nested records with tuples (`many`)', needs: 'pickle',
    references: (path) => [{ label: 'CPython pickle.load (C unpickler)', command: PYTHON, argv: ['-c', LOAD_PY, path] }] },
  { key: 'torch-512', file: 'torch-512mib.pt', label: 'torch.save 512 MiB (--no-weight-stats)', needs: 'torch', flags: ['--no-weight-stats'], scanOnly: true,
    references: (path) => [{ label: 'node -e 0', argv: ['-e', '0'] },
      pythonHas('picklescan') === null ? { label: 'picklescan', command: PYTHON, argv: ['-m', 'picklescan', '--path', path] }
        : { label: "python zipfile + pickletools (picklescan's method)", command: PYTHON, argv: ['-c', PICKLESCAN_PY, path] }] },
  { key: 'forest', file: 'forest-264-trees.joblib', label: 'joblib RandomForest (264 trees)', needs: 'sklearn, joblib' },
  { key: 'forest-zlib', file: 'forest-264-trees-zlib.joblib', label: 'joblib RandomForest, compress=zlib (issue 15)', needs: 'sklearn, joblib',
    references: (path) => [{ label: 'node -e 0', argv: ['-e', '0'] },
      { label: 'CPython joblib.load (builds the forest)', command: PYTHON, argv: ['-c', JOBLIB_LOAD_PY, path] }] },
];

/** References measured in the same run (issue 15). CPython's own C unpickler building every object. */
const LOAD_PY = 'import pickle, sys\nwith open(sys.argv[1], "rb") as f: pickle.load(f)';
/** joblib's own loader on the same file: inflates the stream and unpickles every tree and array. */
const JOBLIB_LOAD_PY = 'import joblib, sys\njoblib.load(sys.argv[1])';
/** What picklescan does with a zip checkpoint (scan_zip_bytes): read each .pkl member, walk its ops, collect globals. */
const PICKLESCAN_PY = `import sys, zipfile, pickletools
z = zipfile.ZipFile(sys.argv[1]); found = set()
for n in z.namelist():
    if n.endswith('.pkl'):
        strs = []
        for op, arg, pos in pickletools.genops(z.read(n)):
            if op.name in ('GLOBAL', 'INST'): found.add(arg)
            elif 'UNICODE' in op.name or 'STRING' in op.name: strs.append(arg)
            elif op.name == 'STACK_GLOBAL': found.add(' '.join(map(str, strs[-2:])))
print(sorted(found))`;

/** Issue 3 targets, per case key: wall seconds, MB/s and peak RSS of the scan-only run. */
const TARGETS = {
  'torch-zip': { maxSeconds: 1, maxPeakMiB: 300 },
  'torch-legacy': { maxPeakMiB: 300 },
  objects: { minMBps: 100, maxPeakMiB: 300 },
  tuples: { minMBps: 100, maxPeakMiB: 300 },
  'torch-512': { maxSeconds: 0.25, maxPeakMiB: 300 },
  forest: { minMBps: 1000, maxPeakMiB: 300 },
  'forest-zlib': { maxPeakMiB: 190 },   // issue 15: ≤ 200 MB (190.7 MiB)
};

function pythonHas(modules) {
  const r = spawnSync(PYTHON, ['-c', `import ${modules}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  return r.status === 0 ? null : (r.error?.message ?? r.stderr?.toString().trim().split('\n').pop() ?? `exit ${r.status}`);
}

/** Makes (or reuses) the pickle-family files; returns cases in bench.mjs's shape plus their `key`. */
export function pickleCases(outDir, log = (s) => process.stderr.write(s)) {
  const cases = [];
  const only = process.env.MG_BENCH_PICKLE?.split(',').filter(Boolean);   // e.g. "torch-zip,forest"
  for (const c of CASES) {
    if (only && !only.includes(c.key)) continue;
    const path = join(outDir, c.file);
    if (!existsSync(path)) {
      const missing = pythonHas(c.needs);
      if (missing) {
        log(`bench: skipping ${c.label}: ${PYTHON} cannot import ${c.needs} (${missing})\n`);
        continue;
      }
      log(`bench: generating ${path} with ${PYTHON} (a minute or two) …\n`);
      const t0 = Date.now();
      const r = spawnSync(PYTHON, [GENERATOR, c.key, path], { stdio: ['ignore', 'inherit', 'inherit'] });
      if (r.status !== 0 || !existsSync(path)) {
        log(`bench: skipping ${c.label}: the generator failed (${r.error?.message ?? `exit ${r.status}`})\n`);
        continue;
      }
      log(`bench: wrote ${path} in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
    } else {
      log(`bench: reusing ${path}\n`);
    }
    cases.push({ key: c.key, label: c.label, path, size: statSync(path).size, flags: c.flags, scanOnly: c.scanOnly, references: c.references?.(path) });
  }
  return cases;
}

/** Lines checking the scan-only results against the issue's targets. results: [{ key, size, seconds, peakKb, report }];
 *  startup: wall seconds of the CLI on a tiny file (Node start + bundle load), which the throughput
 *  targets discount: they are about bytes per second through the scanner, not process start. The
 *  wall-time target (zip checkpoint < 1 s) is judged on the full wall time. */
export function pickleTargets(results, startup = 0) {
  const lines = [];
  for (const r of results) {
    const t = TARGETS[r.key];
    if (!t) continue;
    const mbps = r.size / 1e6 / Math.max(r.seconds - startup, 1e-3);
    const peakMiB = r.peakKb / 1024;
    const checks = [];
    if (t.maxSeconds !== undefined) checks.push([`wall ${r.seconds.toFixed(2)} s < ${t.maxSeconds} s`, r.seconds < t.maxSeconds]);
    if (t.minMBps !== undefined) checks.push([`${mbps.toFixed(0)} MB/s net of start ≥ ${t.minMBps} MB/s`, mbps >= t.minMBps]);
    checks.push([`peak ${peakMiB.toFixed(0)} MiB < ${t.maxPeakMiB} MiB`, r.peakKb * 1024 < t.maxPeakMiB * MiB]);
    const file = r.report?.files?.[0];
    // A fast scan only counts if a real scanner read the file (not the fallback sweep) to the end.
    checks.push([`recognised (${file?.format ?? 'no report'})`, !!file && file.format !== 'unknown']);
    checks.push([`complete, no finding above INFO`, !!file && file.complete && file.findings.every((f) => f.severity === 'info' || f.severity === 'debug')]);
    lines.push(`  ${r.key.padEnd(13)} ${checks.map(([text, ok]) => `${ok ? 'ok' : 'MISSED'}: ${text}`).join('; ')}`);
  }
  return lines;
}
