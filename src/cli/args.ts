// Command-line parsing for `modelgate scan [options] PATH...`. Hand-written: no dependency, and every
// mistake is a usage error (exit 2) rather than a silently ignored flag in a CI pipeline.

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface ScanArgs {
  paths: string[];
  format: OutputFormat;
  output?: string;
  blacklist: string[];
  /** Per-file timeout in seconds; 0 disables it. */
  timeout: number;
  verbose: boolean;
  maxFileSize?: number;
  maxTotalSize?: number;
  quiet: boolean;
  progress: boolean;
  /** Compute each file's SHA-256 (a full read of the file; the findings do not wait for it). */
  hash: boolean;
  /** Weight statistics (INFO hints about NaN/constant/outlier weights); --no-weight-stats turns them off. */
  weightStats: boolean;
  /** Bytes the weight statistics read per large tensor (--stats-sample-bytes). */
  statsSampleBytes?: number;
}

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'scan'; args: ScanArgs }
  | { kind: 'usage-error'; message: string };

export const DEFAULT_TIMEOUT_SECONDS = 300;

export const USAGE = `Usage: modelgate scan [options] PATH...

Scans model files (and folders, recursively) for unsafe content without loading them.

Options:
  -f, --format text|json|sarif   report format (default: text; sarif: SARIF 2.1.0 for code scanning)
  -o, --output FILE              write the report to FILE instead of stdout
  -b, --blacklist PATTERN        flag names and metadata matching PATTERN as CRITICAL
                                 (glob * and ?, or a substring; repeatable)
  -t, --timeout SECONDS          per-file timeout (default: ${DEFAULT_TIMEOUT_SECONDS}; 0 = none)
      --max-file-size SIZE       do not scan files above SIZE (e.g. 500000, 10GB, 512MiB)
      --max-total-size SIZE      stop scanning once the files scanned add up to SIZE
  -v, --verbose                  include DEBUG findings
  -q, --quiet                    text output: only files with issues, and the summary
      --no-progress              no progress line on stderr
      --no-hash                  skip the SHA-256 of each file (it reads every byte; the findings do not need it)
      --no-weight-stats          skip the weight statistics (INFO hints about NaN, constant or outlier weights)
      --stats-sample-bytes SIZE  bytes the weight statistics read per large tensor (default 256KiB)
  -h, --help                     show this help
      --version                  show the version

Exit codes: 0 nothing at WARNING or above, 1 issues found, 2 scan errors or usage error.

Also: modelgate serve [--port PORT]   serve the offline app on 127.0.0.1 (modelgate serve --help)
`;

const UNITS: Record<string, number> = {
  '': 1, b: 1,
  k: 1e3, kb: 1e3, m: 1e6, mb: 1e6, g: 1e9, gb: 1e9, t: 1e12, tb: 1e12,
  ki: 1024, kib: 1024, mi: 1024 ** 2, mib: 1024 ** 2, gi: 1024 ** 3, gib: 1024 ** 3, ti: 1024 ** 4, tib: 1024 ** 4,
};

/** "123", "10GB" (10^9), "512MiB" (2^20), "1.5G". Returns undefined when it is not a size. */
export function parseSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!m) return undefined;
  const unit = UNITS[m[2]!.toLowerCase()];
  if (unit === undefined) return undefined;
  const n = Math.floor(Number(m[1]) * unit);
  return Number.isSafeInteger(n) ? n : undefined;
}

type Flag = 'format' | 'output' | 'blacklist' | 'timeout' | 'max-file-size' | 'max-total-size' | 'stats-sample-bytes'
  | 'verbose' | 'quiet' | 'no-progress' | 'no-hash' | 'no-weight-stats' | 'help' | 'version';

const SHORT: Record<string, Flag> = {
  f: 'format', o: 'output', b: 'blacklist', t: 'timeout', v: 'verbose', q: 'quiet', h: 'help',
};
const TAKES_VALUE = new Set<Flag>(['format', 'output', 'blacklist', 'timeout', 'max-file-size', 'max-total-size', 'stats-sample-bytes']);
const LONG = new Set<Flag>([...TAKES_VALUE, 'verbose', 'quiet', 'no-progress', 'no-hash', 'no-weight-stats', 'help', 'version']);

export function parseArgs(argv: readonly string[]): Command {
  if (argv.length === 0) return { kind: 'usage-error', message: 'missing command' };
  const [cmd, ...rest] = argv;
  if (cmd === '--help' || cmd === '-h' || cmd === 'help') return { kind: 'help' };
  if (cmd === '--version' || cmd === 'version') return { kind: 'version' };
  if (cmd !== 'scan') return { kind: 'usage-error', message: `unknown command "${cmd}"` };

  const args: ScanArgs = {
    paths: [], format: 'text', blacklist: [], timeout: DEFAULT_TIMEOUT_SECONDS,
    verbose: false, quiet: false, progress: true, hash: true, weightStats: true,
  };
  let onlyPaths = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (onlyPaths || arg === '-' || !arg.startsWith('-')) { args.paths.push(arg); continue; }
    if (arg === '--') { onlyPaths = true; continue; }

    let flag: Flag | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      if (eq >= 0) inline = arg.slice(eq + 1);
      if (LONG.has(name as Flag)) flag = name as Flag;
    } else if (arg.length === 2) {
      flag = SHORT[arg[1]!];
    }
    if (!flag) return { kind: 'usage-error', message: `unknown option "${arg}"` };

    let value: string | undefined;
    if (TAKES_VALUE.has(flag)) {
      value = inline ?? rest[++i];
      if (value === undefined) return { kind: 'usage-error', message: `option --${flag} needs a value` };
    } else if (inline !== undefined) {
      return { kind: 'usage-error', message: `option --${flag} takes no value` };
    }

    switch (flag) {
      case 'help': return { kind: 'help' };
      case 'version': return { kind: 'version' };
      case 'verbose': args.verbose = true; break;
      case 'quiet': args.quiet = true; break;
      case 'no-progress': args.progress = false; break;
      case 'no-hash': args.hash = false; break;
      case 'no-weight-stats': args.weightStats = false; break;
      case 'output': args.output = value!; break;
      case 'blacklist':
        if (value!.trim() === '') return { kind: 'usage-error', message: 'an empty --blacklist pattern would match everything' };
        args.blacklist.push(value!);
        break;
      case 'format':
        if (value !== 'text' && value !== 'json' && value !== 'sarif') {
          return { kind: 'usage-error', message: `--format must be text, json or sarif, not "${value}"` };
        }
        args.format = value;
        break;
      case 'timeout': {
        const n = /^\s*\d+(\.\d+)?\s*$/.test(value!) ? Number(value) : NaN;
        if (!Number.isFinite(n)) return { kind: 'usage-error', message: `--timeout must be a number of seconds, not "${value}"` };
        args.timeout = n;
        break;
      }
      case 'max-file-size':
      case 'max-total-size': {
        const n = parseSize(value!);
        if (n === undefined) return { kind: 'usage-error', message: `--${flag} must be a size such as 1000000, 10GB or 512MiB, not "${value}"` };
        if (flag === 'max-file-size') args.maxFileSize = n; else args.maxTotalSize = n;
        break;
      }
      case 'stats-sample-bytes': {
        const n = parseSize(value!);
        if (n === undefined || n < 1024) return { kind: 'usage-error', message: `--stats-sample-bytes must be a size of at least 1KiB such as 1MiB, not "${value}"` };
        args.statsSampleBytes = n;
        break;
      }
    }
  }
  if (args.paths.length === 0) return { kind: 'usage-error', message: 'no PATH given' };
  return { kind: 'scan', args };
}
