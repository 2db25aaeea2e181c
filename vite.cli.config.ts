// Node CLI bundle: one self-contained ESM file (hash-wasm and the engine inlined; only node: builtins
// stay external), so `node dist-cli/modelgate.js` runs from any directory without node_modules.
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist-cli',
    target: 'node20',
    emptyOutDir: true,
    minify: false,
    rollupOptions: { output: { entryFileNames: 'modelgate.js' } },
  },
  ssr: { noExternal: true },
  publicDir: false,
});
