// The built single file (npm run build:single): the CSP's hashes are those of its inline code, it names no
// file, and the .sha256 beside it is the file's. The e2e test (test/e2e/single-file.spec.ts) runs it.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const FILE = 'dist-single/modelgate.html';

function sha256(text: string, encoding: 'hex' | 'base64'): string {
  return createHash('sha256').update(text, 'utf8').digest(encoding);
}

describe.skipIf(!existsSync(FILE))('dist-single/modelgate.html', () => {
  const html = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '';

  it('allows exactly its one inline script and one style by hash, and no connection', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!.replace(/&#39;|&apos;/g, "'");
    const scripts = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    expect(styles).toHaveLength(1);
    expect(csp).toContain(`script-src 'sha256-${sha256(scripts[0]!, 'base64')}' 'wasm-unsafe-eval'`);
    expect(csp).toContain(`style-src 'sha256-${sha256(styles[0]!, 'base64')}'`);
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('names no file: no script src, stylesheet, manifest or relative link', () => {
    expect(html).not.toMatch(/<script\b[^>]*\bsrc=/);
    expect(html).not.toMatch(/<link\b[^>]*\brel="(stylesheet|manifest|modulepreload)"/);
    expect(html).not.toMatch(/\b(href|src)="\.?\/?(assets|icons)\//);
  });

  it('has the SHA-256 the build printed in modelgate.html.sha256', () => {
    expect(readFileSync(`${FILE}.sha256`, 'utf8')).toBe(`${sha256(html, 'hex')}  modelgate.html\n`);
  });
});
