import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProgressLine } from '../../src/cli/progress';

afterEach(() => { vi.useRealTimers(); });

describe('cli progress line', () => {
  it('stays silent for the first second, then redraws one \\r line and erases it', () => {
    vi.useFakeTimers();
    let err = '';
    const p = new ProgressLine({ write: (s: string) => { err += s; }, isTTY: true, columns: 60 }, 2, 2_000_000);
    p.update('a.bin', 500_000);
    expect(err).toBe('');
    vi.advanceTimersByTime(1500);
    p.update('a.bin', 1_000_000);
    expect(err).toMatch(/^\rmodelgate: 0\/2 files · 1\.00 MB of 2\.00 MB/);
    expect(err.length).toBeLessThan(80);            // clipped to the terminal width (+ escape codes)
    p.update('a.bin', 1_100_000);                   // throttled: no redraw within 200 ms
    expect(err.split('\r').length).toBe(2);
    p.clear();
    expect(err.endsWith('\r\x1b[K')).toBe(true);
  });

  it('writes nothing without a stream (not a terminal, --quiet or --no-progress)', () => {
    const p = new ProgressLine(undefined, 1, 10);
    p.update('a', 5);
    p.fileDone('a', 10);
    p.clear();
  });

  it('escapes control characters in the file name it shows', () => {
    vi.useFakeTimers();
    let err = '';
    const p = new ProgressLine({ write: (s: string) => { err += s; }, isTTY: true, columns: 200 }, 1, 10);
    vi.advanceTimersByTime(2000);
    p.update('bad\x1b]0;title\x07.bin', 5);
    expect(err).toContain('bad\\x1b]0;title\\x07.bin');
  });
});
