// Command-line parsing for `modelgate scan [options] PATH...`. Hand-written: no dependency, and every
// mistake is a usage error (exit 2) rather than a silently ignored flag in a CI pipeline.
import { parseDuration, parseSize } from '../engine/policy/units';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'jsonl' | 'github' | 'cyclonedx';
const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif', 'jsonl', 'github', 'cyclonedx'];
export type FailOn = 'critical' | 'warning' | 'info';

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
  /** Policy file (--config); undefined = look upward from the first path; noConfig = none. */
  config?: string;
  noConfig: boolean;
  baseline?: string;
  writeBaseline?: string;
  failOn?: FailOn;
  strict: boolean;
  select: string[];
  exclude: string[];
  /** --shard I/N: this run scans the files whose path hash falls in part I (1-based) of N. */
  shard?: { index: number; count: number };
  /** --sbom FILE: a CycloneDX ML-BOM beside the report. */
  sbom?: string;
  /** Options given on the command line (a policy fills only the others). */
  explicit: Set<string>;
}

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'scan'; args: ScanArgs }
  | { kind: 'list-scanners'; format: OutputFormat }
  | { kind: 'usage-error'; message: string };

export const DEFAULT_TIMEOUT_SECONDS = 300;

export const USAGE = `Usage: modelgate scan [options] PATH...

Scans model files (and folders, recursively) for unsafe content without loading them.

Options:
  -f, --format FORMAT            report format: text (default), json, sarif (SARIF 2.1.0 for code
                                 scanning), jsonl (one file report per line as each finishes, then a
                                 summary line), github (workflow-command annotations and a job
                                 summary), cyclonedx (CycloneDX 1.6 ML-BOM)
  -o, --output FILE              write the report to FILE instead of stdout
      --sbom FILE                also write a CycloneDX 1.6 ML-BOM to FILE
  -c, --config FILE              policy file (default: .modelgate.toml, or [tool.modelgate] in
                                 pyproject.toml, found upward from the first PATH)
      --no-config                ignore any policy file
      --fail-on LEVEL            lowest severity that fails the run: critical, warning (default), info
      --strict                   also fail on a pickle callable outside the allowlist and on an
                                 unrecognised file (incomplete scans always fail)
      --baseline FILE            a previous JSON report: findings already in it do not fail the run
      --write-baseline FILE      write this run's JSON report to FILE, for a later --baseline
      --select ID[,ID]           run only these format scanners (repeatable; see --list-scanners)
      --exclude ID[,ID]          do not run these scanners (weight-stats: the weight statistics)
      --list-scanners            list the scanner ids, formats, extensions and what each checks
      --shard I/N                scan only part I (1..N) of the files, split by a hash of their path
  -b, --blacklist PATTERN        flag names and metadata matching PATTERN as CRITICAL
                                 (glob * and ?, or a substring; repeatable)
  -t, --timeout DURATION         per-file timeout (default: ${DEFAULT_TIMEOUT_SECONDS}s; 0 = none; e.g. 30s, 5m)
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

Exit codes: 0 nothing at the fail-on level (WARNING) or above, 1 issues found, 2 scan errors,
incomplete scans, a policy error or a usage error. Suppressed and baseline findings stay in the
report and do not count.

Also: modelgate serve [--port PORT]   serve the offline app on 127.0.0.1 (modelgate serve --help)
      modelgate rules [ID|PREFIX] [--format text|json]   describe the rules
      modelgate merge REPORT... -o FILE [--format json|sarif]   merge shard reports (JSON or JSONL)
`;

export { parseSize } from '../engine/policy/units';

type Flag = 'format' | 'output' | 'blacklist' | 'timeout' | 'max-file-size' | 'max-total-size' | 'stats-sample-bytes'
  | 'verbose' | 'quiet' | 'no-progress' | 'no-hash' | 'no-weight-stats' | 'help' | 'version'
  | 'config' | 'no-config' | 'baseline' | 'write-baseline' | 'fail-on' | 'strict' | 'select' | 'exclude'
  | 'list-scanners' | 'shard' | 'sbom';

/** Every option the parser accepts, long and short (test/unit/cli-args.test.ts holds --help to them). */
export const SHORT: Record<string, Flag> = {
  f: 'format', o: 'output', b: 'blacklist', t: 'timeout', v: 'verbose', q: 'quiet', h: 'help', c: 'config',
};
const TAKES_VALUE = new Set<Flag>(['format', 'output', 'blacklist', 'timeout', 'max-file-size', 'max-total-size', 'stats-sample-bytes',
  'config', 'baseline', 'write-baseline', 'fail-on', 'select', 'exclude', 'shard', 'sbom']);
export const LONG = new Set<Flag>([...TAKES_VALUE, 'verbose', 'quiet', 'no-progress', 'no-hash', 'no-weight-stats', 'help', 'version',
  'no-config', 'strict', 'list-scanners']);

export function parseArgs(argv: readonly string[]): Command {
  if (argv.length === 0) return { kind: 'usage-error', message: 'missing command' };
  const [cmd, ...rest] = argv;
  if (cmd === '--help' || cmd === '-h' || cmd === 'help') return { kind: 'help' };
  if (cmd === '--version' || cmd === 'version') return { kind: 'version' };
  if (cmd !== 'scan') return { kind: 'usage-error', message: `unknown command "${cmd}"` };

  const args: ScanArgs = {
    paths: [], format: 'text', blacklist: [], timeout: DEFAULT_TIMEOUT_SECONDS,
    verbose: false, quiet: false, progress: true, hash: true, weightStats: true,
    noConfig: false, strict: false, select: [], exclude: [], explicit: new Set(),
  };
  let onlyPaths = false;
  let listScanners = false;
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

    args.explicit.add(flag);
    switch (flag) {
      case 'help': return { kind: 'help' };
      case 'config': args.config = value!; break;
      case 'no-config': args.noConfig = true; break;
      case 'baseline': args.baseline = value!; break;
      case 'write-baseline': args.writeBaseline = value!; break;
      case 'sbom': args.sbom = value!; break;
      case 'strict': args.strict = true; break;
      case 'list-scanners': listScanners = true; break;
      case 'fail-on':
        if (value !== 'critical' && value !== 'warning' && value !== 'info') {
          return { kind: 'usage-error', message: `--fail-on must be critical, warning or info, not "${value}"` };
        }
        args.failOn = value;
        break;
      case 'select':
      case 'exclude': {
        const ids = value!.split(',').map((x) => x.trim()).filter(Boolean);
        if (ids.length === 0) return { kind: 'usage-error', message: `--${flag} needs scanner ids (see --list-scanners)` };
        args[flag].push(...ids);
        break;
      }
      case 'shard': {
        const m = /^(\d+)\/(\d+)$/.exec(value!.trim());
        const index = m ? Number(m[1]) : NaN;
        const count = m ? Number(m[2]) : NaN;
        if (!(count >= 1 && index >= 1 && index <= count)) return { kind: 'usage-error', message: `--shard must be I/N with 1 <= I <= N, such as 2/4, not "${value}"` };
        args.shard = { index, count };
        break;
      }
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
        if (!FORMATS.includes(value as OutputFormat)) {
          return { kind: 'usage-error', message: `--format must be ${FORMATS.slice(0, -1).join(', ')} or ${FORMATS.at(-1)}, not "${value}"` };
        }
        args.format = value as OutputFormat;
        break;
      case 'timeout': {
        const n = parseDuration(value!);
        if (n === undefined) return { kind: 'usage-error', message: `--timeout must be a duration such as 300, 30s or 5m, not "${value}"` };
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
  if (listScanners) return { kind: 'list-scanners', format: args.format };
  if (args.paths.length === 0) return { kind: 'usage-error', message: 'no PATH given' };
  return { kind: 'scan', args };
}
