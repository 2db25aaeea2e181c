import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUT_SECONDS, LONG, SHORT, USAGE, parseArgs, parseSize } from '../../src/cli/args';

function scanArgs(argv: string[]) {
  const c = parseArgs(argv);
  if (c.kind !== 'scan') throw new Error(`expected scan, got ${JSON.stringify(c)}`);
  return c.args;
}

describe('cli argument parsing', () => {
  it('reads every scan option, long and short, with defaults for the rest', () => {
    expect(scanArgs(['scan', 'a'])).toEqual({
      paths: ['a'], format: 'text', blacklist: [], timeout: DEFAULT_TIMEOUT_SECONDS,
      verbose: false, quiet: false, progress: true, hash: true, weightStats: true,
      noConfig: false, strict: false, select: [], exclude: [], explicit: new Set(),
    });
    const a = scanArgs(['scan', '--format', 'json', '-o', 'r.json', '-b', 'evil*', '--blacklist=bad', '-t', '12',
      '-v', '-q', '--no-progress', '--no-weight-stats', '--max-file-size', '10GB', '--max-total-size=512MiB', 'x', 'y']);
    expect(a).toEqual({
      paths: ['x', 'y'], format: 'json', output: 'r.json', blacklist: ['evil*', 'bad'], timeout: 12,
      verbose: true, quiet: true, progress: false, hash: true, weightStats: false, maxFileSize: 10e9, maxTotalSize: 512 * 1024 ** 2,
      noConfig: false, strict: false, select: [], exclude: [],
      explicit: new Set(['format', 'output', 'blacklist', 'timeout', 'verbose', 'quiet', 'no-progress', 'no-weight-stats', 'max-file-size', 'max-total-size']),
    });
  });

  it('treats everything after -- as a path, even names that look like options', () => {
    expect(scanArgs(['scan', '--', '--weird-name', '-v']).paths).toEqual(['--weird-name', '-v']);
  });

  it('answers help and version in every spelling', () => {
    for (const argv of [['--help'], ['-h'], ['help'], ['scan', '--help'], ['scan', 'x', '-h']]) {
      expect(parseArgs(argv).kind).toBe('help');
    }
    expect(parseArgs(['--version']).kind).toBe('version');
    expect(parseArgs(['scan', '--version']).kind).toBe('version');
  });

  it.each([
    [[], /missing command/],
    [['frobnicate'], /unknown command/],
    [['scan'], /no PATH/],
    [['scan', '--bogus', 'x'], /unknown option "--bogus"/],
    [['scan', '-z', 'x'], /unknown option "-z"/],
    [['scan', '-vq', 'x'], /unknown option/],
    [['scan', '--format', 'xml', 'x'], /--format must be/],
    [['scan', 'x', '--output'], /needs a value/],
    [['scan', '--timeout', 'soon', 'x'], /--timeout must be/],
    [['scan', '--timeout', '-1', 'x'], /--timeout must be/],
    [['scan', '--max-file-size', '10XB', 'x'], /--max-file-size must be a size/],
    [['scan', '--max-total-size', '-5', 'x'], /--max-total-size must be a size/],
    [['scan', '--verbose=yes', 'x'], /takes no value/],
    [['scan', '-b', '', 'x'], /empty --blacklist/],
  ])('rejects %j as a usage error', (argv, message) => {
    const c = parseArgs(argv);
    expect(c.kind).toBe('usage-error');
    if (c.kind === 'usage-error') expect(c.message).toMatch(message);
  });

  it('parses sizes: plain bytes, decimal and binary suffixes, fractions', () => {
    expect(parseSize('123')).toBe(123);
    expect(parseSize('10GB')).toBe(10_000_000_000);
    expect(parseSize('10gb')).toBe(10_000_000_000);
    expect(parseSize('512MiB')).toBe(536_870_912);
    expect(parseSize('1.5K')).toBe(1500);
    expect(parseSize('2 TiB')).toBe(2 * 1024 ** 4);
    expect(parseSize('4b')).toBe(4);
    expect(parseSize('')).toBeUndefined();
    expect(parseSize('1e9')).toBeUndefined();
    expect(parseSize('99999999999TB')).toBeUndefined();
  });

  it('--timeout takes a duration: plain seconds, 30s, 5m, 1h, 500ms; an unknown unit is a usage error', () => {
    const timeout = (v: string) => { const c = parseArgs(['scan', '--timeout', v, 'x']); return c.kind === 'scan' ? c.args.timeout : c.kind; };
    expect([timeout('12'), timeout('30s'), timeout('5m'), timeout('1h'), timeout('500ms'), timeout('0')]).toEqual([12, 30, 300, 3600, 0.5, 0]);
    expect(timeout('5y')).toBe('usage-error');
  });
});

describe('--no-hash', () => {
  it('turns the per-file SHA-256 off and is on by default', () => {
    expect(scanArgs(['scan', 'x']).hash).toBe(true);
    expect(scanArgs(['scan', '--no-hash', 'x']).hash).toBe(false);
  });
});

describe('modelgate --help', () => {
  const options = USAGE.slice(USAGE.indexOf('Options:'), USAGE.indexOf('Exit codes:'));

  it('lists every option the parser accepts, with its short form', () => {
    for (const flag of LONG) expect(options, `--${flag} is accepted but not in --help`).toMatch(new RegExp(`(^|[ ,])--${flag}\\b`, 'm'));
    for (const [short, flag] of Object.entries(SHORT)) expect(options, `-${short} is accepted but not in --help`).toContain(`-${short}, --${flag}`);
  });

  it('lists no option the parser refuses', () => {
    const listed = [...options.matchAll(/(?:^|[ ,])--([a-z-]+)/gm)].map((m) => m[1]!);
    expect(listed.length).toBeGreaterThanOrEqual(LONG.size);
    for (const flag of listed) {
      const c = parseArgs(['scan', `--${flag}`, 'x', 'y']);
      expect(c.kind === 'usage-error' ? c.message : '', `--${flag} is in --help but refused`).not.toMatch(/unknown option/);
    }
  });
});
