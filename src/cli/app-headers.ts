// The HTTP headers the built app is served with: one source of truth for `vite preview` (vite.config.ts)
// and `modelgate serve` (serve.ts), so the app a laptop runs from the installed package is locked down
// exactly like the one the e2e tests check.

/**
 * The page's Content-Security-Policy. No 'unsafe-eval' (wasm needs only 'wasm-unsafe-eval'), no
 * third-party origins, connect-src 'self': a model file cannot make the page talk to anyone.
 * Workers are started from blob: URLs so they inherit this policy (stack.md §7, Fix A).
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "manifest-src 'self'",
].join('; ');

/** Headers on every response of the app: the CSP, no MIME sniffing, no referrer, no framing. */
export const APP_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};
