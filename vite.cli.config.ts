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
      output: {
        entryFileNames: '[name].js',
        // Issue 15, fast start. Left to itself the bundler splits the engine into ~40 shared chunks, and
        // Node's ESM loader opens, reads and links each one: ~50 ms of a one-file scan. Two groups instead:
        // `start` is what --help, --version and argument errors need, and in-process.ts, which starts a one-file
        // run's watchdog thread before the engine loads (it stays in modelgate.js), `core` what
        // every scan needs (engine, every sniff, the CLI's scan path) plus the commonest formats (zip,
        // pickle, PyTorch, NumPy, safetensors). Other formats, libhdf5, 7-Zip, the pickle knowledge base,
        // TOML policies and the SBOM stay chunks of their own, loaded when a file or an option needs them
        // (io/proto-budget.ts too: it would bring protobufjs and long.js, 150 KB, into every scan; and
        // pickle/inflated-search.ts, which brings every decompression codec, ~130 KB).
        // Measured on a 512 MiB torch.save scan: 0.43 → 0.38 s (farm-bench, same run).
        codeSplitting: {
          groups: [{
            name: 'start',
            priority: 2,
            test: /src\/cli\/(main|args|engine|output-text|in-process)\.ts|src\/engine\/(types|version|policy\/units|export\/group|export\/message)\.ts/,
          }, {
            name: 'core',
            priority: 1,
            test: /src\/(cli\/(?!sbom|serve|commands|scan-thread)|engine\/(?!formats\/|policy\/parse|export\/cyclonedx|io\/hash|io\/emfs|io\/proto-budget|navigate|stats\/)|engine\/formats\/[^/]+\/sniff|engine\/formats\/(pickle|pytorch|zip|numpy|safetensors|unknown)\/(?!knowledge\/kb\.generated|inflated-search))|node_modules\/fflate/,
          }],
        },
      },
    },
  },
  ssr: { noExternal: true },
  publicDir: false,
  plugins: [sevenZipWasm()],
});
