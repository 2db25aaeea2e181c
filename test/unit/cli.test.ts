import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { main, type CliIo } from '../../src/cli/main';
import type { ScanReport } from '../../src/engine';
import { reportProblems } from '../helpers/schema';
import { sarifProblems } from '../helpers/sarif-schema';
import { buildTar } from '../builders/tar';

const LFS_POINTER = 'version https://git-lfs.github.com/spec/v1\noid sha256:' + 'a'.repeat(64) + '\nsize 4966\n';

let root: string;

/** Runs the CLI in-process with `cwd` = the temp root; returns exit code and captured output. */
async function cli(argv: string[], opts: { env?: CliIo['env']; tty?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => { stdout += s; }, isTTY: opts.tty ?? false },
    stderr: { write: (s: string) => { stderr += s; }, isTTY: false },
    env: opts.env ?? {},
    cwd: root,
  });
  return { code, stdout, stderr };
}

async function jsonScan(...argv: string[]): Promise<{ code: number; report: ScanReport }> {
  const r = await cli(['scan', '--format', 'json', ...argv]);
  return { code: r.code, report: JSON.parse(r.stdout) as ScanReport };
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'mg-cli-'));
  mkdirSync(join(root, 'clean/sub'), { recursive: true });
  writeFileSync(join(root, 'clean/empty.txt'), '');
  writeFileSync(join(root, 'clean/sub/notes.txt'), 'Training notes: learning rate 3e-4, batch size 32.\n');
  mkdirSync(join(root, 'lfs'));
  writeFileSync(join(root, 'lfs/model.safetensors'), LFS_POINTER);
  writeFileSync(join(root, 'evil_model.bin'), 'just bytes');
  writeFileSync(join(root, 'ten-a.bin'), '0123456789');
  writeFileSync(join(root, 'ten-b.bin'), '0123456789');
  mkdirSync(join(root, 'linked'));
  writeFileSync(join(root, 'linked/real.bin'), 'real');
  symlinkSync(join(root, 'clean/empty.txt'), join(root, 'linked/alias.txt'));
  symlinkSync(join(root, 'clean'), join(root, 'linked/dir-link'));
  writeFileSync(join(root, 'esc\x1b[31mred.bin'), 'x');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('modelgate scan: exit codes', () => {
  it('exits 0 on a folder holding only an empty file and a plain text file', async () => {
    const r = await cli(['scan', 'clean']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('CLEAN');
  });

  it('exits 1 on a Git LFS pointer and names the rule with its WARNING tag', async () => {
    const r = await cli(['scan', 'lfs']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\[WARNING\] file\/git-lfs-pointer/);
  });

  it('exits 2 on a missing path, with an unreadable-file report for it', async () => {
    const { code, report } = await jsonScan('clean', 'does-not-exist.bin');
    expect(code).toBe(2);
    const missing = report.files.find((f) => f.path === 'does-not-exist.bin');
    expect(missing?.status).toBe('error');
    expect(missing?.findings[0]?.ruleId).toBe('scan/unreadable');
    expect(report.files.find((f) => f.path === 'clean/empty.txt')?.status).toBe('clean');
  });

  it('exits 2 when a file is above --max-file-size and does not hash it', async () => {
    const { code, report } = await jsonScan('--max-file-size', '5', 'ten-a.bin');
    expect(code).toBe(2);
    expect(report.files[0]?.findings[0]?.ruleId).toBe('file/too-large');
    expect(report.files[0]?.sha256).toBeUndefined();
    expect(report.options.maxFileSize).toBe(5);
  });

  it('exits 2 on a folder with no files', async () => {
    mkdirSync(join(root, 'nothing'), { recursive: true });
    const r = await cli(['scan', 'nothing']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no files found/);
  });

  it('flags a name matching --blacklist as CRITICAL and exits 1', async () => {
    const { code, report } = await jsonScan('-b', 'evil_*', 'evil_model.bin');
    expect(code).toBe(1);
    const hit = report.files[0]?.findings.find((f) => f.ruleId === 'supply-chain/blacklisted-name');
    expect(hit?.severity).toBe('critical');
    expect(report.options.blacklist).toEqual(['evil_*']);
  });

  it('stops at --max-total-size: later files are reported as not scanned and the run exits 2', async () => {
    const { code, report } = await jsonScan('--max-total-size', '15', 'ten-a.bin', 'ten-b.bin');
    expect(code).toBe(2);
    expect(report.files[0]?.status).toBe('clean');
    expect(report.files[1]?.findings[0]?.ruleId).toBe('scan/limit-reached');
    expect(report.files[1]?.findings[0]?.message).toMatch(/Not scanned/);
    expect(report.files[1]?.nodes[0]?.status).toBe('skipped');
  });

  it('follows a link to a file (HF cache snapshots) but not a link to a folder, which is reported as skipped', async () => {
    const { code, report } = await jsonScan('linked');
    expect(code).toBe(2);
    expect(report.files.map((f) => f.path)).toEqual(['linked/alias.txt', 'linked/dir-link', 'linked/real.bin']);
    expect(report.files[0]?.format).toBe('empty');
    expect(report.files[0]?.complete).toBe(true);
    expect(report.files[1]?.findings[0]?.message).toMatch(/Symbolic link to a folder/);
    expect(report.files[2]?.status).toBe('clean');
  });
});

describe('modelgate scan: reports', () => {
  it('writes a schema-valid JSON report with sha256 and the options used', async () => {
    const { report } = await jsonScan('-t', '60', 'clean', 'lfs');
    expect(reportProblems(report)).toEqual([]);
    expect(report.summary).toMatchObject({ files: 3, warning: 1, errors: 0 });
    expect(report.options).toEqual({ blacklist: [], timeout: 60, maxFileSize: null, maxTotalSize: null, verbose: false, hash: true, weightStats: true, failOn: 'warning', strict: false });
    expect(report.files.find((f) => f.path === 'clean/empty.txt')?.sha256)
      .toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('keeps paths as given: relative stays relative, folder members get dir/sub/name, absolute stays absolute', async () => {
    const abs = resolve(root, 'ten-a.bin');
    const { report } = await jsonScan('clean/', './lfs/model.safetensors', abs);
    expect(report.files.map((f) => f.path)).toEqual(['clean/empty.txt', 'clean/sub/notes.txt', './lfs/model.safetensors', abs]);
    expect(report.files[1]?.findings.every((f) => f.location.path[0] === 'clean/sub/notes.txt')).toBe(true);
  });

  it('scans a path given twice only once', async () => {
    const { report } = await jsonScan('ten-a.bin', './ten-a.bin');
    expect(report.files.length).toBe(1);
  });

  it('writes the report to --output and nothing to stdout', async () => {
    const r = await cli(['scan', '-f', 'json', '-o', 'report.json', 'lfs']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(reportProblems(JSON.parse(readFileSync(join(root, 'report.json'), 'utf8')))).toEqual([]);
    const t = await cli(['scan', '-o', 'report.txt', 'lfs'], { tty: true });
    expect(t.stdout).toBe('');
    const text = readFileSync(join(root, 'report.txt'), 'utf8');
    expect(text).toMatch(/\[WARNING\] file\/git-lfs-pointer/);
    expect(text).not.toContain('\x1b[');   // never colour in a file
  });

  it('prints a summary table with a verdict line', async () => {
    const r = await cli(['scan', 'clean', 'lfs']);
    expect(r.stdout).toMatch(/files\s+3\n\s+critical\s+0\n\s+warning\s+1\n\s+info\s+\d+\n\s+errors\s+0/);
    expect(r.stdout).toMatch(/ISSUES FOUND: 0 critical, 1 warning \(exit 1\)/);
  });

  it('prints a malicious pickle\'s reconstructed call and its opcode window as indented lines', async () => {
    const r = await cli(['scan', '--no-hash', resolve('fixtures/pickle-family/malicious/reduce-os-system.pkl')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\[CRITICAL\] pickle\/dangerous-call/);
    expect(r.stdout).toMatch(/evidence: \S*system\('echo pwned'\)\n/);
    expect(r.stdout).toMatch(/\n\s+>\d+: REDUCE\n/);
    expect(r.stdout).not.toContain('\\n');
  });

  it('hides clean files and INFO findings with --quiet', async () => {
    const r = await cli(['scan', '-q', 'clean', 'lfs']);
    expect(r.stdout).not.toContain('clean/empty.txt');
    expect(r.stdout).toContain('lfs/model.safetensors');
  });
});

describe('modelgate scan: terminal safety and colour', () => {
  it('colours on a terminal, and not when NO_COLOR is set', async () => {
    expect((await cli(['scan', 'lfs'], { tty: true })).stdout).toContain('\x1b[');
    expect((await cli(['scan', 'lfs'], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\x1b[');
    expect((await cli(['scan', 'lfs'], { tty: false })).stdout).not.toContain('\x1b[');
    expect((await cli(['scan', 'lfs'], { tty: false, env: { FORCE_COLOR: '1' } })).stdout).toContain('\x1b[');
  });

  it('escapes a file name carrying an ANSI escape instead of sending it to the terminal', async () => {
    const name = readdirSync(root).find((n) => n.startsWith('esc'))!;
    const r = await cli(['scan', name]);
    expect(r.stdout).not.toContain('\x1b');
    expect(r.stdout).toContain('esc\\x1b[31mred.bin');
  });
});

describe('modelgate: usage', () => {
  it('prints help and the version with exit 0', async () => {
    for (const argv of [['--help'], ['help'], ['scan', '--help']]) {
      const r = await cli(argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Usage: modelgate scan/);
    }
    const v = await cli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^modelgate \d+\.\d+\.\d+\n$/);
  });

  it('exits 2 with the usage on stderr for an unknown option, a missing path or a bad value', async () => {
    for (const argv of [['scan', '--frobnicate', 'x'], ['scan'], [], ['scan', '-t', 'never', 'x'], ['check', 'x']]) {
      const r = await cli(argv);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^modelgate: .+\n\nUsage:/);
    }
  });

});

describe('modelgate scan --format sarif', () => {
  it('writes a schema-valid SARIF 2.1.0 log to stdout with the same exit code as the other formats', async () => {
    const r = await cli(['scan', '--format', 'sarif', 'clean', 'lfs']);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    expect(sarifProblems(log)).toEqual([]);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('modelgate');
    expect(run.results.map((x: { ruleId: string; level: string }) => [x.ruleId, x.level])).toContainEqual(['file/git-lfs-pointer', 'warning']);
    expect(run.artifacts.map((a: { location: { uri: string } }) => a.location.uri)).toEqual(['clean/empty.txt', 'clean/sub/notes.txt', 'lfs/model.safetensors']);
    expect(run.artifacts[0].hashes['sha-256']).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(run.invocations[0]).toMatchObject({ executionSuccessful: true, exitCode: 1 });
  });

  it('a malicious pickle → exit 1 and an error-level result at its REDUCE byte offset', async () => {
    const r = await cli(['scan', '-f', 'sarif', '--no-hash', resolve('fixtures/pickle-family/malicious/reduce-os-system.pkl')]);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    expect(sarifProblems(log)).toEqual([]);
    const hit = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'pickle/dangerous-call');
    expect(hit.level).toBe('error');
    expect(hit.locations[0].physicalLocation.region).toEqual({ byteOffset: 45 });
    expect(hit.locations[0].physicalLocation.artifactLocation.uri).toMatch(/^file:\/\/\/.*reduce-os-system\.pkl$/);
  });

  it('a missing file → exit 2, executionSuccessful false and a notification; -o writes the log to a file', async () => {
    const r = await cli(['scan', '--format', 'sarif', '-o', 'out.sarif', 'ten-a.bin', 'does-not-exist.bin']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const log = JSON.parse(readFileSync(join(root, 'out.sarif'), 'utf8'));
    expect(sarifProblems(log)).toEqual([]);
    const inv = log.runs[0].invocations[0];
    expect(inv).toMatchObject({ executionSuccessful: false, exitCode: 2 });
    expect(inv.toolExecutionNotifications[0].message.text).toMatch(/does-not-exist\.bin was not fully scanned \(failed\)/);
    expect(log.runs[0].results[0].ruleId).toBe('scan/unreadable');
  });

  it('a file name carrying an ANSI escape → percent-encoded in the URI, valid log', async () => {
    const name = readdirSync(root).find((n) => n.startsWith('esc'))!;
    const r = await cli(['scan', '-f', 'sarif', name]);
    const log = JSON.parse(r.stdout);
    expect(sarifProblems(log)).toEqual([]);
    expect(log.runs[0].artifacts[0].location.uri).toBe('esc%1B%5B31mred.bin');
  });
});

describe('modelgate: resources', () => {
  it('closes every file handle it opens', async () => {
    const fds = () => readdirSync('/proc/self/fd').length;
    const before = fds();
    for (let i = 0; i < 3; i++) await cli(['scan', '--format', 'json', 'clean', 'lfs', 'linked', 'missing.bin']);
    expect(fds()).toBeLessThanOrEqual(before);
  });
});

const bundle = resolve('dist-cli/modelgate.js');
describe.skipIf(!existsSync(bundle))('built bundle', () => {
  it('runs from another working directory and exits with the report exit code', () => {
    const r = spawnSync(process.execPath, [bundle, 'scan', '--format', 'json', 'lfs', 'clean'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as ScanReport;
    expect(reportProblems(report)).toEqual([]);
    expect(report.files.map((f) => f.path)).toEqual(['lfs/model.safetensors', 'clean/empty.txt', 'clean/sub/notes.txt']);
  });

  it('a file that loops libhdf5 forever is stopped by the HDF5 pre-check: malformed at once, no timeout, exit 2, the other file still reported', () => {
    const hang = resolve('fixtures/cli/hdf5-attribute-loop.h5');
    const good = resolve('fixtures/keras/malicious/lambda-os-system.h5');
    const r = spawnSync(process.execPath, [bundle, 'scan', '--format', 'json', '--no-hash', '--timeout', '60', hang, good],
      { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(2);
    const report = JSON.parse(r.stdout) as ScanReport;
    const [stuck, lambda] = report.files;
    expect(stuck!.status).toBe('error');
    expect(stuck!.findings.map((f) => f.ruleId)).toEqual(['format/malformed']);
    expect(stuck!.findings[0]!.message).toMatch(/HDF5 structure check: .*zero-sized free-space object/);
    expect(lambda!.findings.some((f) => f.ruleId === 'keras/lambda-bytecode' && f.severity === 'critical')).toBe(true);
  }, 130_000);

  // NODE_DEBUG=worker makes Node log each Worker it creates (lib/internal/worker.js debuglog).
  const builtScan = (args: string[]) => spawnSync(process.execPath, [bundle, 'scan', '--format', 'json', '--no-hash', ...args],
    { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_DEBUG: 'worker' }, timeout: 120_000 });
  const scanThreadMade = /create new worker URL[\s\S]*dist-cli\/scan-thread\.js/;

  it('two files are scanned in worker threads (the watchdog that can stop a hung scan), not in the main thread', () => {
    const r = builtScan([resolve('fixtures/pickle-family/benign/numeric.npy'), resolve('fixtures/pickle-family/benign/numeric.npy')]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(scanThreadMade);
  });

  it('a run of one plain file scans it on the main thread under a watchdog thread: no scan thread, same clean report (fast start)', () => {
    const r = builtScan([resolve('fixtures/pickle-family/benign/numeric.npy')]);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(scanThreadMade);
    // One watchdog thread (in-process.ts WATCHDOG_SOURCE): the one started before the engine loaded is the
    // one the scan armed, not a second.
    expect(r.stderr.match(/create new worker\s+const \{ workerData \}/g)).toHaveLength(1);
    const report = JSON.parse(r.stdout) as ScanReport;
    expect(reportProblems(report)).toEqual([]);
    expect(report.files[0]!.status).toBe('clean');
  });

  it('a one-file run whose main thread stops yielding mid-scan is ended by the watchdog with exit code 2, its message and the report of the timeout, not SIGKILL', () => {
    // No input is known to hang the engine: a module preloaded with --import makes the 2,000th synchronous
    // read (the scan reading the tar's members) spin for ever. Deadline: the 1 s timeout + 5 s grace.
    const dir = mkdtempSync(join(tmpdir(), 'mg-hang-'));
    try {
      const spin = join(dir, 'spin.mjs');
      writeFileSync(spin, [
        "import fs from 'node:fs'; import { syncBuiltinESMExports } from 'node:module';",
        'const read = fs.readSync; let n = 0;',
        'fs.readSync = function (...a) { if (++n === 2000) for (;;) {} return read.apply(this, a); };',
        'syncBuiltinESMExports();',
      ].join('\n'));
      const tar = join(dir, 'many.tar');
      writeFileSync(tar, buildTar({ members: Array.from({ length: 5000 }, (_, i) => ({ name: `m${i}.bin`, data: new Uint8Array([i & 0xff]) })) }));
      const started = Date.now();
      const r = spawnSync(process.execPath, ['--import', pathToFileURL(spin).href, bundle, 'scan', '--format', 'json', '--no-hash', '--no-progress', '--timeout', '1s', tar],
        { cwd: root, encoding: 'utf8', timeout: 60_000 });
      expect(r.signal).toBeNull();
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/"[^"]*many\.tar": the scan did not stop at its timeout and could not be interrupted; ending modelgate \(exit 2\)\n$/);
      expect(r.stderr).not.toContain('Waiting for the debugger');
      expect(Date.now() - started).toBeLessThan(30_000);
      // The report the main thread wrote before it exited: the file incomplete, a scan/timeout, exit code 2.
      const report = JSON.parse(r.stdout) as ScanReport;
      expect(reportProblems(report)).toEqual([]);
      expect(report.exitCode).toBe(2);
      expect(report.files[0]).toMatchObject({ status: 'error', complete: false });
      expect(report.files[0]!.findings.map((f) => f.ruleId)).toEqual(['scan/timeout']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  /** A one-file run of `file` that had to leave the main thread: exit 1, a scan thread made, a valid report. */
  const escalated = (file: string): ScanReport => {
    const r = builtScan([resolve(file)]);
    expect(r.status, file).toBe(1);
    expect(r.stderr, file).toMatch(scanThreadMade);
    const report = JSON.parse(r.stdout) as ScanReport;
    expect(reportProblems(report), file).toEqual([]);
    expect(report.files, file).toHaveLength(1);
    return report;
  };

  it('a run of one malicious HDF5 file is refused on the main thread (libhdf5 cannot be interrupted) and scanned in a thread: critical found', () => {
    const report = escalated('fixtures/keras/malicious/lambda-os-system.h5');
    expect(report.files[0]!.findings.some((f) => f.ruleId === 'keras/lambda-bytecode' && f.severity === 'critical')).toBe(true);
  });

  it('a run of one 7z or RAR holding a malicious pickle goes to a scan thread (7-Zip cannot be interrupted): flagged, nothing lost', () => {
    for (const file of ['fixtures/sevenzip/malicious/pickle.7z', 'fixtures/rar/malicious/v5-pickle.rar']) {
      const report = escalated(file);
      expect(report.files[0]!.findings.some((f) => f.severity === 'critical'), file).toBe(true);
    }
  });

  it('a run of one Keras 3 zip (its weights are an HDF5 member) escalates from inside the zip: scanned in a thread, each finding once', () => {
    const ids = escalated('fixtures/keras/malicious/lambda-os-system.keras').files[0]!.findings.map((f) => f.ruleId);
    expect(ids.filter((id) => id === 'keras/lambda-bytecode')).toHaveLength(1);
  });

  it('launches through bin/modelgate.js', () => {
    const r = spawnSync(process.execPath, [resolve('bin/modelgate.js'), '--version'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^modelgate \d+\.\d+\.\d+/);
  });
});
