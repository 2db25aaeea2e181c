/// <reference types="vite/client" />
// The single-file build's 7-Zip WASM: the bytes travel inside the worker's code as a data: URL and are
// handed to Emscripten as wasmBinary, since the page's CSP (connect-src 'none') forbids fetching even a
// data: URL. h5wasm and hash-wasm carry their binaries inside their own JS already.
import sevenZipWasm from '7z-wasm/7zz.wasm?inline';
import { setSevenZipLocator, setSevenZipWasmBinary } from '../src/engine/formats/sevenzip/loader';

let bytes: Uint8Array | undefined;

/** Decoded once per worker, on the first 7z archive. */
function wasmBinary(): Uint8Array {
  if (!bytes) {
    const b64 = sevenZipWasm.slice(sevenZipWasm.indexOf(',') + 1);
    const bin = atob(b64);
    bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  }
  return bytes;
}

// The glue still resolves a file name at start-up (new URL against the blob: script URL would throw):
// any name will do, the binary comes from wasmBinary.
setSevenZipLocator(() => '7zz.wasm');
setSevenZipWasmBinary(wasmBinary);
