// Browser app build: Svelte UI, module workers, PWA (offline precache) and a strict CSP.
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { APP_HEADERS, CSP } from './src/cli/app-headers';

/** The page's CSP and headers live in src/cli/app-headers.ts, shared with `modelgate serve`. */
export { CSP };

/** Injects the CSP meta in build mode only: the dev server needs inline scripts for HMR. */
function cspMeta(): Plugin {
  return {
    name: 'modelgate-csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [
    svelte(),
    cspMeta(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false, // main.ts calls registerSW({ immediate: true }); inline would break the CSP
      includeAssets: ['icons/*.png', 'robots.txt'],
      manifest: {
        // A stable app identity (W3C appmanifest §id), independent of where start_url points.
        id: 'modelgate',
        name: 'modelgate',
        short_name: 'modelgate',
        description: 'Static security scanner for machine-learning model files. Files never leave your device.',
        theme_color: '#16324f',
        background_color: '#11161d',
        display: 'standalone',
        start_url: './',
        scope: './',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,wasm,svg,png,txt}'],
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024, // lazy wasm chunks are several MB (stack.md P5)
        clientsClaim: true, // not implied when injectRegister is false (stack.md P6)
        skipWaiting: true,
      },
    }),
  ],
  worker: { format: 'es' },
  preview: { headers: { ...APP_HEADERS } },
  build: { target: 'es2022', sourcemap: false },
});
