// `modelgate serve`: serves the built app (dist/, shipped in the package next to dist-cli/) on 127.0.0.1,
// so an air-gapped laptop gets the installable, offline PWA from `npm install -g modelgate-X.tgz` with no
// network ever. Plain node:http, no vite at run time; the headers are the preview server's
// (app-headers.ts). Only files under the app folder are served: the path is decoded once, resolved, and
// must stay inside the folder after symlinks are followed.
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_HEADERS } from './app-headers';
import type { CliIo } from './main';

export const DEFAULT_PORT = 4173;
/** Loopback only: the app is for this machine; nothing on the network should reach it. */
export const HOST = '127.0.0.1';

export const SERVE_USAGE = `Usage: modelgate serve [--port PORT]

Serves the modelgate app (the offline PWA shipped in this package) at http://${HOST}:PORT/ on this
machine only. Open it in Chromium or Edge and choose "Install app": it keeps working with no network.

Options:
  -p, --port PORT   port to listen on (default: ${DEFAULT_PORT}; 0 picks a free one)
  -h, --help        show this help
`;

/** Content types by extension; wasm must be application/wasm for streaming compilation. */
const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentType(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** The built app inside this package: dist/ beside the folder that holds package.json. */
export function packagedAppDir(from: string = fileURLToPath(import.meta.url)): string | undefined {
  let dir = dirname(from);
  for (let i = 0; i < 5; i++) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: unknown }).name === 'modelgate') {
          const app = join(dir, 'dist');
          return existsSync(join(app, 'index.html')) ? app : undefined;
        }
      } catch { /* not ours: keep looking */ }
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

/**
 * The file a request path names, or undefined when it is not a file inside `root`. `root` must be a
 * real path. Refused: undecodable escapes, NUL, backslashes (a Windows separator), any ".." segment,
 * and symlinks leading out of the folder.
 */
export async function resolveRequest(root: string, urlPath: string): Promise<string | undefined> {
  let path: string;
  try {
    path = decodeURIComponent(new URL(urlPath, 'http://x').pathname);
  } catch {
    return undefined;
  }
  if (path.includes('\0') || path.includes('\\') || path.split('/').includes('..')) return undefined;
  if (path.endsWith('/')) path += 'index.html';
  const full = resolve(root, '.' + path);
  if (!full.startsWith(root + sep)) return undefined;
  try {
    const real = await realpath(full);
    if (!real.startsWith(root + sep)) return undefined;
    return (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...APP_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text + '\n');
}

/** DNS rebinding: a page on another name that resolves to 127.0.0.1 must not be served as if it were us. */
function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return host === `${HOST}:${port}` || host === `localhost:${port}`;
}

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Starts the server on 127.0.0.1; rejects when the port is taken. */
export async function startServer(opts: { root: string; port: number }): Promise<RunningServer> {
  const root = await realpath(opts.root);
  let port = opts.port;
  const server = createServer((req, res) => {
    void (async () => {
      if (!hostAllowed(req, port)) return plain(res, 421, 'Misdirected request');
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('Allow', 'GET, HEAD');
        return plain(res, 405, 'Method not allowed');
      }
      const file = await resolveRequest(root, req.url ?? '/');
      if (!file) return plain(res, 404, 'Not found');
      const size = (await stat(file)).size;
      res.writeHead(200, {
        ...APP_HEADERS,
        'Content-Type': contentType(file),
        'Content-Length': String(size),
        // The service worker keeps the offline copy; the server always answers with what is installed.
        'Cache-Control': 'no-cache',
      });
      if (req.method === 'HEAD') return void res.end();
      createReadStream(file).on('error', () => res.destroy()).pipe(res);
    })().catch(() => { if (!res.headersSent) plain(res, 500, 'Internal error'); else res.destroy(); });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(opts.port, HOST, () => { server.off('error', fail); done(); });
  });
  const address = server.address();
  if (address && typeof address === 'object') port = address.port;
  return {
    url: `http://${HOST}:${port}/`,
    server,
    close: () => new Promise<void>((done) => { server.close(() => done()); server.closeAllConnections(); }),
  };
}

type ServeArgs = { kind: 'serve'; port: number } | { kind: 'help' } | { kind: 'usage-error'; message: string };

export function parseServeArgs(argv: readonly string[]): ServeArgs {
  let port = DEFAULT_PORT;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    let value: string | undefined;
    if (arg === '-p' || arg === '--port') value = argv[++i];
    else if (arg.startsWith('--port=')) value = arg.slice('--port='.length);
    else return { kind: 'usage-error', message: `unknown option "${arg}"` };
    const n = value !== undefined && /^\d{1,5}$/.test(value) ? Number(value) : NaN;
    if (!(n >= 0 && n <= 65535)) return { kind: 'usage-error', message: `--port must be a port number (0-65535), not "${value ?? ''}"` };
    port = n;
  }
  return { kind: 'serve', port };
}

/** `modelgate serve`: runs until SIGINT or SIGTERM, then returns 0; 2 on a usage error or a taken port. */
export async function serve(argv: readonly string[], io: CliIo, root = packagedAppDir()): Promise<number> {
  const args = parseServeArgs(argv);
  if (args.kind === 'help') { io.stdout.write(SERVE_USAGE); return 0; }
  if (args.kind === 'usage-error') { io.stderr.write(`modelgate: ${args.message}\n\n${SERVE_USAGE}`); return 2; }
  if (!root) {
    io.stderr.write('modelgate: the app is not built (dist/index.html is missing next to the CLI): run npm run build\n');
    return 2;
  }
  let running: RunningServer;
  try {
    running = await startServer({ root, port: args.port });
  } catch (e) {
    const code = (e as { code?: string }).code;
    io.stderr.write(`modelgate: cannot listen on ${HOST}:${args.port} (${code === 'EADDRINUSE' ? 'the port is in use; try --port' : code ?? String(e)})\n`);
    return 2;
  }
  io.stdout.write(`modelgate: serving the app at ${running.url} (this machine only; Ctrl+C to stop)\n`);
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await running.close();
  return 0;
}
