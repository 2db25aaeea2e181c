// How an extractor would resolve member names and link targets, shared by every archive format (zip,
// tar): '\\' is a separator on Windows extractors, so it is treated as one everywhere. The string
// logic is pure; reportUnsafeNames turns it into the findings both archive scanners emit.
import type { ScanContext } from '../../types';

/** Locations where a link (or a written file) hijacks the system rather than the extraction folder. */
const SYSTEM_PREFIXES = ['/etc', '/bin', '/usr', '/var', '/lib', '/boot', '/sys', '/proc', '/dev', '/sbin',
  '/root', '/home', 'c:/windows'];

export function normalizeSeparators(name: string): string {
  return name.replace(/\\/g, '/');
}

/**
 * `name` without its trailing '/'s. A loop from the end, not `/\/+$/`: V8 tries that regex at every
 * '/' of the name, each attempt running on to the next other character, so a name of 64 KB of '/' costs
 * it quadratic time and any long name a pass over its whole length.
 */
export function trimTrailingSlashes(name: string): string {
  let end = name.length;
  while (end > 0 && name.charCodeAt(end - 1) === 0x2f) end--;
  return end === name.length ? name : name.slice(0, end);
}

/** Leading '/' or '\', a drive letter ('C:', 'C:\x', 'C:x'), or a UNC path ('\\server\share'). */
export function isAbsolutePath(name: string): boolean {
  const n = normalizeSeparators(name);
  return n.startsWith('/') || /^[a-zA-Z]:/.test(n);
}

/** A backslash, an empty segment ('//', leading or trailing '/'), or a '.' or '..' segment. */
const NOT_PLAIN = /\\|\/\/|^\/|\/$|(?:^|\/)\.\.?(?:\/|$)/;

export interface Resolution {
  /** Some '..' climbs above the extraction folder. */
  escapes: boolean;
  /** The name has '..' segments at all (they may stay inside). */
  hasDotDot: boolean;
  /** The resolved relative path ('' when it resolves to the folder itself). */
  resolved: string;
}

/** Resolves `name` against the extraction folder, optionally from a sub-folder `base` (a link's folder). */
export function resolveInside(name: string, base = ''): Resolution {
  // A plain relative name resolves to itself: one linear test instead of splitting a name that may be
  // 64 KiB of separators.
  if (base === '' && !NOT_PLAIN.test(name)) return { escapes: false, hasDotDot: false, resolved: name };
  const stack: string[] = [];
  let escapes = false;
  let hasDotDot = false;
  const baseParts = normalizeSeparators(base).split('/').filter((p) => p && p !== '.');
  for (const p of baseParts) stack.push(p);
  for (const part of normalizeSeparators(name).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      hasDotDot = true;
      if (stack.length === 0) escapes = true;
      else stack.pop();
    } else {
      stack.push(part);
    }
  }
  return { escapes, hasDotDot, resolved: stack.join('/') };
}

/** The system location an absolute target points into, or null. */
export function systemLocation(target: string): string | null {
  const n = normalizeSeparators(target).toLowerCase().replace(/\/+/g, '/');
  for (const prefix of SYSTEM_PREFIXES) {
    if (n === prefix || n.startsWith(prefix + '/')) return prefix;
  }
  return null;
}

/**
 * How a link whose target resolves inside the extraction folder is reported: INFO, not an alarm. A
 * Hugging Face cache snapshot (`snapshots/<rev>/x -> ../../blobs/<sha256>`) zipped or tarred is all such
 * links; only links that escape or point at system paths warn (archive/symlink-escape).
 */
export const INSIDE_LINK = {
  severity: 'info' as const,
  severityReason: 'the link resolves inside the archive (as in a Hugging Face cache snapshot pointing at its blobs)',
};

export type LinkVerdict =
  | { escapes: false }
  | { escapes: true; why: 'absolute' | 'system' | 'dotdot'; system?: string };

/**
 * Judges a link `linkName` → `target` as extracted into a folder. A symbolic link's relative target
 * resolves from the link's own folder; a hard link's (tar type '1') names an archive member, so it
 * resolves from the extraction folder itself.
 */
export function judgeLink(linkName: string, target: string, kind: 'symbolic' | 'hard' = 'symbolic'): LinkVerdict {
  if (isAbsolutePath(target)) {
    const system = systemLocation(target);
    return system ? { escapes: true, why: 'system', system } : { escapes: true, why: 'absolute' };
  }
  const dir = kind === 'hard' ? '' : normalizeSeparators(linkName).split('/').slice(0, -1).join('/');
  return resolveInside(target, dir).escapes ? { escapes: true, why: 'dotdot' } : { escapes: false };
}

/**
 * Zip/tar slip and absolute names. `names` holds every name an extractor might use for one member (zip:
 * central, local and Unicode Path; tar: pax and header name); `pointer` names the member, `offset` its header.
 */
export function reportUnsafeNames(ctx: ScanContext, names: Iterable<string>, pointer: string, offset: number): void {
  for (const name of new Set(names)) {
    if (!name) continue;
    const where = { pointer, offset, evidence: name };
    if (isAbsolutePath(name)) {
      ctx.report({ ruleId: 'archive/absolute-path', message: `Member "${name}" has an absolute path`, ...where });
      continue;
    }
    const r = resolveInside(name);
    if (r.escapes) {
      ctx.report({ ruleId: 'archive/path-traversal', message: `Member "${name}" climbs out of the extraction folder`, ...where });
    } else if (r.hasDotDot) {
      ctx.report({ ruleId: 'archive/path-traversal', message: `Member "${name}" has ".." segments (they resolve inside the folder, to "${r.resolved}")`,
        severity: 'warning', severityReason: 'the ".." segments do not climb above the extraction folder', ...where });
    }
  }
}
