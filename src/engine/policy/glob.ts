// Path globs of a policy file: `**` any number of path segments, `*` and `?` within one segment,
// `[abc]` / `[!a-z]` a character class. Matching is on '/'-separated paths relative to the policy's root.
// Hand-written (a few lines) so the engine stays dependency- and environment-free.

/** Compiles a glob, or returns the reason it is not one (an unclosed class, an empty pattern). */
export function compileGlob(glob: string): RegExp | string {
  if (glob.trim() === '') return 'an empty glob matches nothing';
  if (glob.startsWith('/')) return 'globs are relative to the policy\'s root: drop the leading "/"';
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // "**/" matches zero or more directories; a trailing "**" matches everything below.
        if (glob[i + 2] === '/') { re += '(?:[^/]*/)*'; i += 2; } else { re += '.*'; i += 1; }
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) return `unclosed "[" at character ${i + 1}`;
      let body = glob.slice(i + 1, end);
      if (body.startsWith('!')) body = '^' + body.slice(1);
      re += `[${body.replace(/[\\\]]/g, '\\$&')}]`;
      i = end;
    } else re += c.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  try {
    return new RegExp(`^${re}$`);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
