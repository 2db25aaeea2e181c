// Single-file build (`npm run build:single`): dist-single/modelgate.html, one self-contained page for an
// air-gapped laptop that is never online: opened from file://, it fetches nothing. Everything is inline:
// the app's script and styles, the scan worker's whole code (started from a blob: URL), and the WASM
// (7-Zip as bytes inside the worker; h5wasm and hash-wasm carry theirs in their JS). No service worker:
// the file is the offline copy. The CSP forbids every connection and allows the inline code by hash.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';

const OUT_DIR = 'dist-single';
const OUT_FILE = 'modelgate.html';

/** Modules the single file replaces: how the page starts a worker, where the worker finds its WASM. */
const SEAMS: Record<string, string> = {
  [resolve('src/app/scan-worker.ts')]: resolve('src/app/scan-worker.single.ts'),
  [resolve('workers/wasm-host.ts')]: resolve('workers/wasm-host.single.ts'),
  [resolve('src/app/hash-worker.ts')]: resolve('src/app/hash-worker.single.ts'),
};
const NO_SERVICE_WORKER = '\0modelgate-no-service-worker';

function seams(): Plugin {
  return {
    name: 'modelgate-single-seams',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      // main.ts registers the PWA's service worker; a file:// page has none.
      if (source === 'virtual:pwa-register') return NO_SERVICE_WORKER;
      if (!/\/(scan-worker|wasm-host|hash-worker)(\.ts)?$/.test(source)) return null;
      const found = await this.resolve(source, importer, { ...options, skipSelf: true });
      return found ? SEAMS[found.id] ?? null : null;
    },
    load(id) {
      if (id === NO_SERVICE_WORKER) return 'export function registerSW() { return async () => {}; }\n';
      // Vite's asset inlining leaves .wasm out; the worker takes 7-Zip's bytes as a data: URL string.
      const wasm = /^(.*\.wasm)\?inline$/.exec(id);
      if (wasm) return `export default ${JSON.stringify(`data:application/wasm;base64,${readFileSync(wasm[1]!).toString('base64')}`)};\n`;
      return null;
    },
  };
}

/**
 * The scan worker's code, gzipped: Vite's inline worker module holds the code as a JSON string (7.5 MB,
 * most of it h5wasm and 7-Zip); gzip and base64 make it about 2.9 MB, and the page, which the browser
 * must tokenise and compile before it starts, less than half as big. The page unzips it once at start
 * (DecompressionStream, no fetch) and starts every worker from one blob: URL of the classic script.
 */
function gzipWorker(): Plugin {
  return {
    name: 'modelgate-single-gzip-worker',
    enforce: 'pre', // sees the module as vite:worker's load wrote it, before any transform reprints it
    transform(code, id) {
      if (!/\/workers\/scan\.worker\.ts\?worker&inline$/.test(id)) return null;
      const prefix = 'const jsContent = ';
      const start = code.indexOf(prefix);
      const end = code.indexOf(';\n', start);
      if (start < 0 || end < 0) this.error("Vite's inline worker module no longer starts with `const jsContent = \"...\";`");
      const worker = JSON.parse(code.slice(start + prefix.length, end)) as string;
      const b64 = gzipSync(Buffer.from(worker, 'utf8'), { level: 9 }).toString('base64');
      return {
        code: `const gz = ${JSON.stringify(b64)};
const bytes = Uint8Array.from(atob(gz), (c) => c.charCodeAt(0));
const text = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).blob();
const url = URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));
export default function WorkerWrapper(options) {
  return new Worker(url, { name: options?.name });
}
`,
        map: null,
      };
    },
  };
}

/** A CSP source for inline code: the hash of exactly the text between the tags. */
function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The policy of the single file. connect-src 'none': no fetch, XHR or WebSocket, not even to a data:
 * or blob: URL; scripts only by hash (no 'unsafe-inline'); wasm by 'wasm-unsafe-eval'; workers only from
 * blob: URLs, which inherit this policy.
 */
export function singleFileCsp(scriptHashes: string[], styleHashes: string[]): string {
  return [
    "default-src 'none'",
    `script-src ${scriptHashes.join(' ')} 'wasm-unsafe-eval'`,
    'worker-src blob:',
    "connect-src 'none'",
    'img-src data: blob:',
    `style-src ${styleHashes.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "manifest-src 'none'",
  ].join('; ');
}

/**
 * Inline code must not end its element early: "</script" closes a script and "<!--" can start the
 * HTML parser's escaped state. In module code both can only sit in strings, templates, regexes or
 * comments, where "\x3C" stands for "<".
 */
function scriptText(code: string): string {
  return code.replace(/<\/(script)/gi, '\\x3C/$1').replace(/<!--/g, '\\x3C!--');
}

function styleText(css: string): string {
  return css.replace(/<\/(style)/gi, '\\3C/$1');
}

/** The app's own icons (public/icons, e.g. the header's logo) as data: URLs: a file:// page has no folder. */
function inlineIcons(code: string): string {
  return code.replace(/(?<![\w/.-])(?:\.\/)?icons\/([\w-]+\.png)\b/g, (ref, name: string) => {
    const file = `public/icons/${name}`;
    return existsSync(file) ? `data:image/png;base64,${readFileSync(file).toString('base64')}` : ref;
  });
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** Replaces the built index.html and its files with one page holding all of them. */
function inlineEverything(): Plugin {
  let html = '';
  return {
    name: 'modelgate-single-inline',
    enforce: 'post',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const page = bundle['index.html'];
        if (!page || page.type !== 'asset') this.error('index.html is missing from the bundle');
        const chunks = Object.values(bundle).filter((f) => f.type === 'chunk');
        if (chunks.length !== 1) this.error(`expected one script, got ${chunks.map((c) => c.fileName).join(', ')}`);
        const js = scriptText(inlineIcons(chunks[0]!.type === 'chunk' ? chunks[0]!.code : ''));
        const css = Object.values(bundle).filter((f) => f.type === 'asset' && f.fileName.endsWith('.css'))
          .map((f) => styleText(String((f as { source: string | Uint8Array }).source))).join('\n');
        // The HTML parser turns NUL into U+FFFD and CR LF into LF inside <script>: the code (h5wasm's binary
        // travels as a string) and its hash would no longer be what was built.
        if (/[\0\r]/.test(js + css)) this.error('the inline code holds a raw NUL or CR, which the HTML parser would change');
        const icon = readFileSync('public/icons/icon-192.png').toString('base64');

        let text = String(page.source)
          .replace(/\s*<script type="module"[^>]*src="[^"]*"[^>]*><\/script>/g, '')
          .replace(/\s*<link rel="(stylesheet|modulepreload|manifest|apple-touch-icon)"[^>]*>/g, '')
          .replace(/<link rel="icon"[^>]*>/, () => `<link rel="icon" type="image/png" href="data:image/png;base64,${icon}" />`);
        if (/<script\b[^>]*\bsrc=|<link\b[^>]*\bhref="\.?\//.test(text)) this.error('the page still references a file');
        const csp = singleFileCsp([hashSource(js)], css ? [hashSource(css)] : ["'none'"]);
        // Functions, not strings, as replacements: "$&" in the code must stay literal.
        text = text
          .replace(/<head>/, () => `<head>\n    <meta http-equiv="Content-Security-Policy" content="${attr(csp)}">`)
          .replace(/<\/head>/, () => `${css ? `  <style>${css}</style>\n  ` : ''}</head>`)
          .replace(/<\/body>/, () => `  <script type="module">${js}</script>\n  </body>`);
        html = text;
        const dropped = Object.keys(bundle).filter((k) => k !== 'index.html' && !k.endsWith('.css') && bundle[k]!.type === 'asset');
        // The 7-Zip glue names its .wasm by URL on a path the locator never takes: nothing loads it. Any
        // other file left over would be something the page asks for and cannot have.
        const unexpected = dropped.filter((k) => !/(^|\/)7zz-[\w-]+\.wasm$/.test(k));
        if (unexpected.length) this.error(`files the single page cannot carry: ${unexpected.join(', ')}`);
        for (const k of Object.keys(bundle)) delete bundle[k];
        this.emitFile({ type: 'asset', fileName: OUT_FILE, source: text });
      },
    },
    writeBundle() {
      const sha256 = createHash('sha256').update(html, 'utf8').digest('hex');
      writeFileSync(`${OUT_DIR}/${OUT_FILE}.sha256`, `${sha256}  ${OUT_FILE}\n`);
      const mb = (Buffer.byteLength(html) / 1e6).toFixed(1);
      console.log(`\n${OUT_DIR}/${OUT_FILE}: ${mb} MB\nSHA-256 ${sha256}  ${OUT_FILE}\n`);
    },
  };
}

export default defineConfig({
  base: './',
  publicDir: false,
  plugins: [seams(), svelte(), gzipWorker(), inlineEverything()],
  worker: {
    // A classic script, not a module: Chromium refuses a module worker from a blob: URL on a file://
    // page (the module fetch runs in CORS mode from an opaque origin). One script, no imports: a blob:
    // worker has no base URL to load chunks from.
    format: 'iife',
    plugins: () => [seams()],
    rolldownOptions: { output: { codeSplitting: false } },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    outDir: OUT_DIR,
    emptyOutDir: true,
    cssCodeSplit: false,
    modulePreload: false,
    assetsInlineLimit: 0, // only what is imported with ?inline (7-Zip's WASM) goes inline
    rolldownOptions: { output: { codeSplitting: false } },
  },
});
