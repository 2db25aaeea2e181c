/// <reference types="vite/client" />
// Where the worker finds 7-Zip's .wasm: a build asset (precached with the app); the engine cannot know
// its URL. The single-file build swaps this module for wasm-host.single.ts (the bytes inlined).
import sevenZipWasmUrl from '7z-wasm/7zz.wasm?url';
import { setSevenZipLocator } from '../src/engine/formats/sevenzip/loader';

setSevenZipLocator(() => sevenZipWasmUrl);
