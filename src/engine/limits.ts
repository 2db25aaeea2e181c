// Named limits, each with the threat it stops, and the per-file Budget every node of a file draws on.
import { LimitExceeded } from './types';

export interface Limits {
  /** Bytes of a node read to sniff its format. Bounds the memory of dispatch. */
  headBytes: number;
  /** Containers inside containers. Stops recursive archives (42.zip-style) and stack exhaustion. */
  maxDepth: number;
  /** Nodes (files and members) in one file. Stops archives with millions of tiny members. */
  maxNodes: number;
  /** Members listed in one archive. Stops central directories that exhaust memory. */
  maxMembers: number;
  /** Total bytes inflated across one file. Stops compression bombs. */
  maxInflatedBytes: number;
  /** Bytes one inflated member may occupy in memory. Bounds the one member held at a time. */
  maxMemberBytes: number;
  /** Inflated/compressed ratio above which a member is a bomb. Zip bombs reach 1000:1 and more. */
  maxCompressionRatio: number;
  /** JSON headers (safetensors, configs) larger than this are refused before allocating. */
  maxJsonHeaderBytes: number;
  /** Nesting inside one JSON document. Stops parser stack exhaustion. */
  maxJsonDepth: number;
  /** Bytes of an unrecognised file swept for executables and strings. Bounds CPU on huge blobs. */
  maxSweepBytes: number;
  /** Findings kept per rule per node. Stops report floods (a million identical hits). */
  maxFindingsPerRule: number;
  /** Longest string handed to the string detectors. Bounds regex work per string. */
  maxStringBytes: number;
  /** Pickle opcodes executed symbolically across one file. Bounds CPU on pickles of billions of tiny ops. */
  maxPickleOpcodes: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  headBytes: 64 * 1024,
  maxDepth: 5,
  maxNodes: 20_000,
  maxMembers: 10_000,
  maxInflatedBytes: 4 * 1024 ** 3,
  maxMemberBytes: 512 * 1024 ** 2,
  maxCompressionRatio: 200,
  maxJsonHeaderBytes: 100 * 1024 ** 2,
  maxJsonDepth: 64,
  maxSweepBytes: 1024 ** 3,
  maxFindingsPerRule: 50,
  maxStringBytes: 1024 * 1024,
  maxPickleOpcodes: 300_000_000,
});

/** Everything charged while scanning one top-level file, across every nested node. */
export class Budget {
  readonly limits: Readonly<Limits>;
  nodes = 0;
  inflatedBytes = 0;
  bytesRead = 0;
  pickleOpcodes = 0;
  /** Compression bombs found so far in this file (refused by their declared sizes or cut while inflating). */
  bombs = 0;
  /**
   * Members whose scan met a bomb, by method, sizes and CRC-32, with their compressed bytes. 42.zip
   * repeats one member 16 times per level: once one copy has gone off, a member with the same key and
   * byte-for-byte the same compressed data (so the same content, whatever a forged CRC says) anywhere
   * in the file is not opened again. Only small members are kept (io/bomb.ts TWIN_MAX_BYTES).
   */
  readonly bombTwins = new Map<string, Uint8Array>();

  constructor(overrides: Partial<Limits> = {}) {
    this.limits = Object.freeze({ ...DEFAULT_LIMITS, ...overrides });
  }

  chargeNode(): void {
    if (++this.nodes > this.limits.maxNodes) {
      throw new LimitExceeded('maxNodes', `more than ${this.limits.maxNodes} nested nodes`);
    }
  }

  chargeInflated(bytes: number): void {
    this.inflatedBytes += bytes;
    if (this.inflatedBytes > this.limits.maxInflatedBytes) {
      throw new LimitExceeded('maxInflatedBytes', `more than ${this.limits.maxInflatedBytes} bytes decompressed`);
    }
  }

  /** Bytes still allowed to be inflated in this file. */
  get inflatedRemaining(): number {
    return Math.max(0, this.limits.maxInflatedBytes - this.inflatedBytes);
  }

  /** Charges `n` pickle opcodes (callers charge in batches: the check is per batch). */
  chargePickleOps(n: number): void {
    this.pickleOpcodes += n;
    if (this.pickleOpcodes > this.limits.maxPickleOpcodes) {
      throw new LimitExceeded('maxPickleOpcodes', `more than ${this.limits.maxPickleOpcodes} pickle opcodes`);
    }
  }

  chargeRead(bytes: number): void {
    this.bytesRead += bytes;
  }
}
