// Issue 15, fast start: what may run on the CLI's main thread. The engine refuses the scanners that run
// uninterruptible WASM (ScanOptions.refuseBlocking → NeedsIsolation), and the watchdog thread kills a
// process whose main thread stays stuck. The built CLI's side is in cli.test.ts ('built bundle').
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NeedsIsolation, SCANNERS, fromBytes, scan } from '../../src/engine';
import { armWatchdog, endPrestartedWatchdog, prestartWatchdog, watchdogMessage, WATCHDOG_EXIT_GRACE_MS, WATCHDOG_LAYOUT, WATCHDOG_SOURCE } from '../../src/cli/in-process';

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
  /**
   * A node -e program that runs the watchdog's own program (WATCHDOG_SOURCE) in a real thread with the
   * shared layout armWatchdog writes, then `main`: the main thread's behaviour under test. `arm(ms, msg)`
   * arms it as armWatchdog does; `end()` ends it as disarm does.
   */
  const program = (main: string) => `
    const { Worker } = require('node:worker_threads');
    const L = ${JSON.stringify(WATCHDOG_LAYOUT)};
    const shared = new SharedArrayBuffer(L.MESSAGE_OFFSET + L.MESSAGE_BYTES);
    const state = new Int32Array(shared, 0, 4);
    new Worker(${JSON.stringify(WATCHDOG_SOURCE)}, { eval: true, workerData: shared });
    const arm = (ms, msg) => {
      state[1] = ms; state[2] = new TextEncoder().encodeInto(msg, new Uint8Array(shared, L.MESSAGE_OFFSET)).written;
      Atomics.store(state, 0, L.ARMED); Atomics.notify(state, 0);
    };
    const end = () => { Atomics.store(state, 0, L.ENDED); Atomics.notify(state, 0); };
    const spin = (ms) => { const t = Date.now(); while (Date.now() - t < ms); };
    ${main}`;
  const run = (main: string) => spawnSync(process.execPath, ['-e', program(main)], { encoding: 'utf8', timeout: 30_000 });

  it('a main thread stuck in a loop that never yields is ended past the deadline with exit code 2 (not SIGKILL), with a message naming the file and nothing after it', () => {
    const started = Date.now();
    const r = run(`arm(300, ${JSON.stringify(watchdogMessage('evil.pkl'))}); for (;;) {}`);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.stderr).toBe(watchdogMessage('evil.pkl'));
    expect(r.stderr).toContain('"evil.pkl": the scan did not stop at its timeout and could not be interrupted; ending modelgate (exit 2)');
  });

  it('a main thread stuck in a loop of awaited promises (microtasks only, no event loop turn) also exits 2', () => {
    const r = run(`arm(300, 'stuck\\n'); const go = () => Promise.resolve().then(go); go();`);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('stuck\n');
  });

  it('a main thread stuck inside one native call, which takes no interrupt, is still killed once the exit grace is over', () => {
    // A synchronous child process blocks the main thread in libuv for 8 s: no interrupt is taken there
    // (Atomics.wait would not do: V8 wakes it for interrupts, and the process exits 2).
    const started = Date.now();
    const r = run(`arm(300, 'native\\n'); require('node:child_process').spawnSync('sleep', ['8']);`);
    expect(r.signal).toBe('SIGKILL');
    expect(Date.now() - started).toBeGreaterThanOrEqual(300 + WATCHDOG_EXIT_GRACE_MS);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.stderr).toContain('native');
  });

  it('a thread started before the engine loads and armed only later, once stuck, still kills at the deadline counted from arming', () => {
    // The prestarted shape: the thread idles while the main thread is busy (loading the engine), then the
    // scan arms it and hangs.
    const started = Date.now();
    const r = run(`spin(400); arm(300, 'late\\n'); for (;;) {}`);
    expect(r.status).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(650);
    expect(r.stderr).toContain('late');
  });

  it('an unarmed thread never kills, however long the main thread is busy: the process exits 0', () => {
    const r = run(`spin(800); process.exit(0);`);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
  });

  it('a scan that finishes before the deadline and says so (the shared state) is not killed: the process exits 0', () => {
    // Ended after 100 ms of a busy main thread, which then stays busy past the 300 ms deadline: a
    // watchdog that ignored the state would SIGKILL it.
    const r = run(`arm(300, 'killed\\n'); spin(100); end(); spin(600); process.exit(0);`);
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

  it('a prestarted thread is the one armWatchdog arms, and disarming it leaves this process alive past the deadline', async () => {
    prestartWatchdog();
    await new Promise((done) => setTimeout(done, 50));
    const disarm = armWatchdog('fine.pkl', 200);
    disarm();
    endPrestartedWatchdog(); // nothing left to end: the prestarted thread was taken
    await new Promise((done) => setTimeout(done, 400));
  });

  it('an idle thread told ENDED leaves its wait and exits: a process holding it (not unref\'d) ends on its own, exit 0', () => {
    // What endPrestartedWatchdog relies on when the run went to scan threads after all. A thread that
    // ignored ENDED while idle would wait forever and keep this process alive until the spawn timeout.
    const r = spawnSync(process.execPath, ['-e', program(`spin(100); end();`)], { encoding: 'utf8', timeout: 10_000 });
    expect(r.error).toBeUndefined();
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
  });

  it('a prestarted thread nothing armed is ended without a kill (the run went to scan threads)', async () => {
    prestartWatchdog();
    endPrestartedWatchdog();
    await new Promise((done) => setTimeout(done, 200));
    // Reaching this line is the outcome; the thread's own exit on ENDED is the test above.
  });

  it('no timeout (--timeout 0) arms nothing: this process is alive 100 ms later', async () => {
    const disarm = armWatchdog('any.pkl', 0);
    await new Promise((done) => setTimeout(done, 100)); // a watchdog armed with 0 ms would have fired at once
    disarm();
  });

  it('a file name of 100,000 characters is clipped in the message, which fits the shared space the thread writes from', () => {
    const message = watchdogMessage(`${'a'.repeat(50_000)}${'b'.repeat(50_000)}.pkl`);
    expect(new TextEncoder().encode(message).length).toBeLessThanOrEqual(WATCHDOG_LAYOUT.MESSAGE_BYTES);
    expect(message).toMatch(/^modelgate: "a+…b+\.pkl": the scan did not stop/);
  });
});
