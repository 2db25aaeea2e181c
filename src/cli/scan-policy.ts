// The team policy and the baseline a scan runs under: the policy file (--config, or found upward from
// the first PATH), its values where the command line left them unset, and a previous report's fingerprints.
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import type { ApplyOptions, ScanReport } from '../engine';
import type { ScanArgs } from './args';
import { engine as E, errText } from './engine';
import type { CliIo } from './main';
import type { LoadedPolicy } from './policy-file';

/** The policy for this run (--config, or found upward from the first path), or the errors to print. */
export async function policyFor(args: ScanArgs, io: CliIo): Promise<LoadedPolicy | undefined | 'error'> {
  // Loaded on demand: validating a policy needs the rule catalogue and the scanner registry (the engine).
  const { findPolicy, loadPolicy } = await import('./policy-file');
  if (args.noConfig) return undefined;
  const found = args.config !== undefined
    ? { file: resolve(io.cwd, args.config), pyproject: /(^|[\\/])pyproject\.toml$/.test(args.config), shown: args.config }
    : await findPolicy(resolve(io.cwd, args.paths[0]!)).then((f) => f && { ...f, shown: relative(io.cwd, f.file) || f.file });
  if (!found) return undefined;
  const loaded = await loadPolicy(found.file, found.pyproject, found.shown);
  if ('errors' in loaded) {
    for (const e of loaded.errors) io.stderr.write(`modelgate: policy error: ${E().formatPolicyError(e)}\n`);
    return 'error';
  }
  return loaded;
}

/** The policy's values where the command line did not set them (the command line wins). */
export function withPolicy(args: ScanArgs, loaded: LoadedPolicy | undefined): ScanArgs {
  if (!loaded) return args;
  const p = loaded.policy;
  const out: ScanArgs = { ...args, blacklist: [...args.blacklist, ...p.blacklist] };
  if (!args.explicit.has('timeout') && p.limits.timeout !== undefined) out.timeout = p.limits.timeout;
  if (!args.explicit.has('max-file-size') && p.limits.maxFileSize !== undefined) out.maxFileSize = p.limits.maxFileSize;
  if (!args.explicit.has('max-total-size') && p.limits.maxTotalSize !== undefined) out.maxTotalSize = p.limits.maxTotalSize;
  if (!args.explicit.has('stats-sample-bytes') && p.limits.statsSampleBytes !== undefined) out.statsSampleBytes = p.limits.statsSampleBytes;
  if (!args.explicit.has('select') && p.scanners.select) out.select = [...p.scanners.select];
  if (!args.explicit.has('exclude') && p.scanners.exclude) out.exclude = [...p.scanners.exclude];
  return out;
}

export async function readBaseline(file: string, io: CliIo): Promise<ApplyOptions['baseline'] | 'error'> {
  try {
    const report = JSON.parse(await readFile(resolve(io.cwd, file), 'utf8')) as Pick<ScanReport, 'files'>;
    if (!Array.isArray(report?.files)) throw new Error('not a modelgate JSON report');
    return { source: file, fingerprints: E().baselineFingerprints(report) };
  } catch (e) {
    io.stderr.write(`modelgate: cannot use the baseline ${file}: ${e instanceof SyntaxError ? 'not JSON' : errText(e)}\n`);
    return 'error';
  }
}
