// Issue 15, fast start: what may run on the CLI's main thread. The engine refuses the scanners that run
// uninterruptible WASM (ScanOptions.refuseBlocking → NeedsIsolation), and the watchdog thread kills a
// process whose main thread stays stuck. The built CLI's side is in cli.test.ts ('built bundle').
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NeedsIsolation, SCANNERS, fromBytes, scan } from '../../src/engine';
import { armWatchdog, watchdogMessage, WATCHDOG_SOURCE } from '../../src/cli/in-process';

const fixture = (p: string) => fromBytes(readFileSync(`fixtures/${p}`), p.split('/').pop()!);

describe('ScanOptions.refuseBlocking', () => {
  it('only libhdf5 and 7-Zip scanners are marked blocking', () => {
    expect(SCANNERS.filter((s) => s.blocking).map((s) => s.id).sort()).toEqual(['keras', 'rar', 'sevenzip']);
    // The Keras 3 zip scanner shares the id but is a zip reader: only its HDF5 member is refused.
    expect(SCANNERS.filter((s) => s.id === 'keras').map((s) => s.blocking === true)).toEqual([true, false]);
  });

  for (const [file, id] of [['keras/malicious/lambda-os-system.h5', 'keras'], ['sevenzip/malicious/pickle.7z', 'sevenzip'],
    ['rar/malicious/v5-pickle.rar', 'rar'], ['keras/malicious/lambda-os-system.keras', 'keras']] as const) {
    it(`${file}: refused with NeedsIsolation(${id}) before any blocking code runs`, async () => {
      const err = await scan(fixture(file), { refuseBlocking: true }).then(() => undefined, (e: unknown) => e);
      expect(err).toBeInstanceOf(NeedsIsolation);
      expect((err as NeedsIsolation).scannerId).toBe(id);
    });
  }

  it('the same files without refuseBlocking are scanned as before (the thread side)', async () => {
    const r = await scan(fixture('keras/malicious/lambda-os-system.h5'));
    expect(r.findings.some((f) => f.ruleId === 'keras/lambda-bytecode')).toBe(true);
  });

  it('a malicious pickle, a torch zip, a joblib and a safetensors file are not refused: scanned in full on the calling thread', async () => {
    const criticals = async (file: string) => {
      const r = await scan(fixture(file), { refuseBlocking: true });
      expect(r.complete, file).toBe(true);
      return r.findings.filter((f) => f.severity === 'critical').length;
    };
    expect(await criticals('pickle-family/malicious/gadget.joblib')).toBeGreaterThan(0);
    expect(await criticals('pickle-family/benign/state-dict.pt')).toBe(0);
    expect(await criticals('pickle-family/benign/forest.joblib.xz')).toBe(0);
    expect(await criticals('safetensors/benign/mixed-dtypes.safetensors')).toBe(0);
  });
});

describe('the in-process watchdog', () => {
  it('a main thread stuck in a loop that never yields is killed past the deadline, with a message naming the file', () => {
    // The watchdog's own program in a real thread, beside a main thread that spins forever.
    const script = `
      const { Worker } = require('node:worker_threads');
      const done = new Int32Array(new SharedArrayBuffer(4));
      new Worker(${JSON.stringify(WATCHDOG_SOURCE)}, { eval: true, workerData: { done: done.buffer, waitMs: 300,
        message: ${JSON.stringify(watchdogMessage('evil.pkl'))} } });
      for (;;) {}`;
    const started = Date.now();
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(r.signal).toBe('SIGKILL');
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.stderr).toContain('"evil.pkl": the scan did not stop at its timeout and could not be interrupted');
  });

  it('a scan that finishes before the deadline and says so (the shared flag) is not killed: the process exits 0', () => {
    // The same program, told "done" after 100 ms of a busy main thread; the main thread then stays busy
    // past the 300 ms deadline: a watchdog that ignored the flag would SIGKILL it.
    const script = `
      const { Worker } = require('node:worker_threads');
      const done = new Int32Array(new SharedArrayBuffer(4));
      new Worker(${JSON.stringify(WATCHDOG_SOURCE)}, { eval: true, workerData: { done: done.buffer, waitMs: 300, message: 'killed\\n' } });
      const spin = (ms) => { const t = Date.now(); while (Date.now() - t < ms); };
      spin(100);
      Atomics.store(done, 0, 1); Atomics.notify(done, 0);
      spin(600);
      process.exit(0);`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(r.stderr).not.toContain('killed');
  });

  it('armWatchdog disarmed before its deadline leaves this process alive past the deadline', async () => {
    const disarm = armWatchdog('fine.pkl', 200);
    await new Promise((done) => setTimeout(done, 50)); // the watchdog thread has started by now
    disarm();
    await new Promise((done) => setTimeout(done, 400));
    // Reaching this line is the outcome: a watchdog still armed would have SIGKILLed this test process.
  });

  it('no timeout (--timeout 0) arms nothing: this process is alive 100 ms later', async () => {
    const disarm = armWatchdog('any.pkl', 0);
    await new Promise((done) => setTimeout(done, 100)); // a watchdog armed with 0 ms would have fired at once
    disarm();
  });
});
