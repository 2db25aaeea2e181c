// User blacklist patterns (--blacklist / settings): matched against file names, member names and
// metadata strings. A pattern with * or ? is a glob over the whole string; otherwise a substring.
// Case-insensitive. Patterns are user input: they are compiled to regexes with everything escaped.

export interface Blacklist { match(text: string): string | null }

const MAX_PATTERNS = 1000;     // bounds per-string work for huge pattern lists
const MAX_PATTERN_LENGTH = 512;

function compile(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  if (/[*?]/.test(pattern)) {
    return new RegExp('^' + escaped.replace(/\*/g, '.*').replace(/\?/g, '.') + '$', 'is');
  }
  return new RegExp(escaped, 'i');
}

export function makeBlacklist(patterns: readonly string[] | undefined): Blacklist {
  const list = (patterns ?? [])
    .map((p) => p.trim())
    .filter((p) => p.length > 0 && p.length <= MAX_PATTERN_LENGTH)
    .slice(0, MAX_PATTERNS)
    .map((p) => ({ p, re: compile(p) }));
  return {
    match(text: string): string | null {
      if (list.length === 0) return null;
      for (const { p, re } of list) if (re.test(text)) return p;
      return null;
    },
  };
}
