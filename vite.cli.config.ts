// Node CLI bundle: one self-contained ESM file (hash-wasm and the engine inlined; only node: builtins
// stay external), so `node dist-cli/modelgate.js` runs from any directory without node_modules.
import { copyFileSync, mkdirSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';

/** 7-Zip's glue loads 7zz.wasm from next to its own chunk (dist-cli/assets): put it there. */
function sevenZipWasm(): Plugin {
  return {
    name: 'modelgate-7zz-wasm',
    writeBundle() {
      mkdirSync('dist-cli/assets', { recursive: true });
      copyFileSync('node_modules/7z-wasm/7zz.wasm', 'dist-cli/assets/7zz.wasm');
    },
  };
}

export default defineConfig({
  build: {
    // Two entries: the CLI, and the worker thread its scans run in (src/cli/scan-thread.ts).
    ssr: true,
    outDir: 'dist-cli',
    target: 'node20',
    emptyOutDir: true,
    minify: false,
    rollupOptions: {
      input: { modelgate: 'src/cli/main.ts', 'scan-thread': 'src/cli/scan-thread.ts' },
      output: { entryFileNames: '[name].js' },
    },
  },
  ssr: { noExternal: true },
  publicDir: false,
  plugins: [sevenZipWasm()],
});
