// HashQueue (src/app/hasher.ts) with in-process hashers: the SHA-256 of each file lands after the scan,
// one file at a time in drop order; a cancelled or failed hash yields no digest and a fresh worker for
// the next file; idle() is what downloads wait for. And the "Skip hashing" setting (src/app/settings.ts).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HashQueue, type Hasher } from '../../src/app/hasher';
import { DEFAULT_SETTINGS, normalizeSettings, reportOptions, shouldHash } from '../../src/app/settings';
import { sha256Blob } from '../../workers/hash';

const hex = (s: string) => createHash('sha256').update(s).digest('hex');

/** Hashers that hash for real, or hang until terminated, or fail: per file name. */
function harness(kind: (name: string) => 'ok' | 'hang' | 'fail' = () => 'ok') {
  const made: Array<{ terminated: boolean; files: string[] }> = [];
  const done: Array<[string, string | undefined, string]> = [];
  const progress: Array<[string, number]> = [];
  const queue = new HashQueue({
    onProgress: (id, b) => progress.push([id, b]),
    onDone: (id, sha, status) => done.push([id, sha, status]),
  }, (): Hasher => {
    const me = { terminated: false, files: [] as string[] };
    made.push(me);
    return {
      async sha256(file, onProgress) {
        const name = (file as File).name;
        me.files.push(name);
        const k = kind(name);
        if (k === 'hang') return new Promise<string>(() => {});
        if (k === 'fail') throw new Error('NotReadableError');
        return (await sha256Blob(file, { onProgress, sliceBytes: 64 }))!;
      },
      terminate() { me.terminated = true; },
    };
  });
  return { queue, made, done, progress };
}

const file = (name: string, text: string) => new File([text], name);

describe('HashQueue', () => {
  it('hashes the files one at a time in drop order on one worker, with progress and the right digests', async () => {
    const h = harness();
    h.queue.enqueue('a', file('a.bin', 'hello world'));
    h.queue.enqueue('b', file('b.bin', ''));
    h.queue.enqueue('c', file('c.bin', 'abc'));
    expect(h.queue.pending).toBe(3);
    await h.queue.idle();
    expect(h.done).toEqual([['a', hex('hello world'), 'done'], ['b', hex(''), 'done'], ['c', hex('abc'), 'done']]);
    expect(h.made).toHaveLength(1);
    expect(h.made[0]!.files).toEqual(['a.bin', 'b.bin', 'c.bin']);
    expect(h.progress.filter(([id]) => id === 'a').at(-1)).toEqual(['a', 11]);
    expect(h.queue.pending).toBe(0);
  });

  it('a cancelled hash gives no digest, stops its worker, and the next file gets a fresh one', async () => {
    const h = harness((n) => (n === 'huge.bin' ? 'hang' : 'ok'));
    h.queue.enqueue('big', file('huge.bin', 'x'.repeat(100)));
    h.queue.enqueue('small', file('s.bin', 'abc'));
    await new Promise((r) => setTimeout(r, 10));
    h.queue.cancel('big');
    await h.queue.idle();
    expect(h.done).toEqual([['big', undefined, 'cancelled'], ['small', hex('abc'), 'done']]);
    expect(h.made).toHaveLength(2);
    expect(h.made[0]!.terminated).toBe(true);
    expect(h.made[1]!.files).toEqual(['s.bin']);
  });

  it('cancelling a queued file removes it without hashing it; cancelAll settles everything', async () => {
    const h = harness((n) => (n === 'hang.bin' ? 'hang' : 'ok'));
    h.queue.enqueue('1', file('hang.bin', 'x'));
    h.queue.enqueue('2', file('two.bin', 'y'));
    h.queue.enqueue('3', file('three.bin', 'z'));
    h.queue.cancel('2');
    expect(h.done).toEqual([['2', undefined, 'cancelled']]);
    const idle = h.queue.idle();
    h.queue.cancelAll();
    await idle;
    expect(h.done.map(([id, sha, st]) => `${id}:${sha ?? '-'}:${st}`).sort()).toEqual(['1:-:cancelled', '2:-:cancelled', '3:-:cancelled']);
    expect(h.made.flatMap((m) => m.files)).toEqual(['hang.bin']);
  });

  it('an unreadable file fails without a digest and the queue goes on with a fresh worker', async () => {
    const h = harness((n) => (n === 'gone.bin' ? 'fail' : 'ok'));
    h.queue.enqueue('g', file('gone.bin', 'x'));
    h.queue.enqueue('k', file('k.bin', 'abc'));
    await h.queue.idle();
    expect(h.done).toEqual([['g', undefined, 'failed'], ['k', hex('abc'), 'done']]);
    expect(h.made).toHaveLength(2);
  });

  it('idle() resolves at once when nothing is queued', async () => {
    await expect(harness().queue.idle()).resolves.toBeUndefined();
  });
});

describe('the Skip hashing setting', () => {
  it('is off by default, persists as a boolean and is recorded in the report options', () => {
    expect(DEFAULT_SETTINGS.skipHash).toBe(false);
    expect(normalizeSettings({ skipHash: true }).skipHash).toBe(true);
    expect(normalizeSettings({ skipHash: 'yes' }).skipHash).toBe(false);
    expect(reportOptions({ ...DEFAULT_SETTINGS, skipHash: true }).hash).toBe(false);
    expect(reportOptions({ ...DEFAULT_SETTINGS }).hash).toBe(true);
  });

  it('rules out the hash when skipped, and for a file the scan refuses for its size', () => {
    const s = { ...DEFAULT_SETTINGS, maxFileSizeMiB: 1 };
    expect(shouldHash(s, 1024 * 1024)).toBe(true);
    expect(shouldHash(s, 1024 * 1024 + 1)).toBe(false);
    expect(shouldHash({ ...s, skipHash: true }, 10)).toBe(false);
  });
});
