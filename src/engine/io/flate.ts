// DEFLATE decoders (RFC 1951 raw, RFC 1950 zlib, RFC 1952 gzip) behind one push interface, so the
// platform's native codec can be injected (design.md "Platform codecs are injected"): the CLI gives
// Node's zlib (src/cli/node-flate.ts), about 4-10× faster than JavaScript; the browser's scan worker
// gives DecompressionStream (workers/stream-flate.ts), which is asynchronous; without one, fflate.
// The engine stays environment-free: it only ever sees this interface.
import { Gunzip, Inflate, Unzlib } from 'fflate';

export type FlateFormat = 'deflate-raw' | 'deflate' | 'gzip';

/**
 * A streaming decoder. push() decodes what it can of `chunk` and hands every output piece to the
 * onData callback before it returns, or, for an asynchronous platform decoder, before the promise it
 * returns resolves (the caller checks its caps after each push, so output must never lag behind); it
 * throws (rejects) on corrupt data. `final` marks the last input.
 */
export interface FlateDecoder {
  push(chunk: Uint8Array, final: boolean): void | Promise<void>;
}

export type FlateFactory = (format: FlateFormat, onData: (chunk: Uint8Array) => void) => FlateDecoder;

/** The pure-JavaScript fallback (fflate), everywhere. */
export const fflateFactory: FlateFactory = (format, onData) => {
  const cb = (chunk: Uint8Array) => onData(chunk);
  return format === 'gzip' ? new Gunzip(cb) : format === 'deflate' ? new Unzlib(cb) : new Inflate(cb);
};

let injected: FlateFactory | undefined;
let injectedName = 'fflate';
let injectedMinInput = 0;

/**
 * Installs the platform's decoder (once, at start-up of a CLI thread or worker) under a name for the
 * report's notes; undefined restores fflate.
 */
export function usePlatformFlate(factory: FlateFactory | undefined, name = 'platform', minInputBytes = 0): void {
  injected = factory;
  injectedName = factory ? name : 'fflate';
  injectedMinInput = factory ? minInputBytes : 0;
}

/** Which decoder inflates a compressed input of `inputBytes`: the injected one's name, or 'fflate'. */
export function flateNameFor(inputBytes: number): string {
  return injected !== undefined && inputBytes >= injectedMinInput ? injectedName : 'fflate';
}


/** A decoder for `format`: the platform's when one was injected, else fflate. */
export function makeFlate(format: FlateFormat, onData: (chunk: Uint8Array) => void): FlateDecoder {
  return (injected ?? fflateFactory)(format, onData);
}

/** True when a native decoder is installed (its output per push is not bounded by a small push size). */
export function hasPlatformFlate(): boolean {
  return injected !== undefined;
}

/** Output aimed at per push: a bomb overshoots a cap by about this much before the caller sees it. */
const OUTPUT_PER_PUSH = 256 * 1024;
/** Smallest and largest input piece per push. fflate's cost per push grows with that push's output, so
 * its pieces stay small (32 KiB, as before); a native decoder takes large pieces (fewer calls). */
const MIN_PIECE = 256;
const MAX_PIECE_JS = 32 * 1024;
const MAX_PIECE_NATIVE = 1024 * 1024;
/**
 * For an asynchronous platform decoder (the browser's DecompressionStream: a stream and a task switch
 * per push), compressed inputs smaller than this are decoded by fflate: a zip of thousands of small
 * members would pay that set-up for a few KB each. Passed to usePlatformFlate by the scan worker.
 */
export const PLATFORM_MIN_INPUT_BYTES = 64 * 1024;

/**
 * A decoder fed in pieces sized from the expansion of the previous piece, so the output of one push
 * stays near OUTPUT_PER_PUSH whatever the ratio: 32 KiB of a bomb's zeros would give 33 MiB in one
 * push, 256 bytes of it 256 KiB. Ordinary data (2-5:1) keeps the largest pieces.
 */
export class PacedFlate {
  private readonly decoder: FlateDecoder;
  private readonly maxPiece: number;
  private piece = MIN_PIECE * 4;
  /** Every byte the decoder produced, kept or not. */
  produced = 0;

  /** `inputBytes`, when known: below the injected decoder's minimum fflate decodes (usePlatformFlate). */
  constructor(format: FlateFormat, onData: (chunk: Uint8Array) => void, inputBytes = Infinity) {
    const platform = injected !== undefined && inputBytes >= injectedMinInput;
    this.maxPiece = platform ? MAX_PIECE_NATIVE : MAX_PIECE_JS;
    const emit = (chunk: Uint8Array) => { this.produced += chunk.length; onData(chunk); };
    this.decoder = platform ? makeFlate(format, emit) : fflateFactory(format, emit);
  }

  /** Pushes `block` (the last input when `last`) until done or `stop()`; rejects on corrupt data. */
  async push(block: Uint8Array, last: boolean, stop: () => boolean): Promise<void> {
    if (block.length === 0 && last) { await this.decoder.push(block, true); return; }
    for (let i = 0; i < block.length && !stop();) {
      const piece = block.subarray(i, i + this.piece);
      const before = this.produced;
      i += piece.length;
      const pending = this.decoder.push(piece, last && i >= block.length);
      if (pending) await pending;
      const ratio = (this.produced - before) / piece.length;
      this.piece = Math.max(MIN_PIECE, Math.min(this.maxPiece, Math.floor(OUTPUT_PER_PUSH / Math.max(1, ratio))));
    }
  }
}
