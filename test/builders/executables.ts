// Builds executable headers from their specs (for formats with no real sample on this machine, and
// for one-field-off near misses), seeded random "weights", and fake magics planted in them.
// Specs: Microsoft PE/COFF "PE Format"; System V gABI ELF header; Apple <mach-o/loader.h>, <mach-o/fat.h>.

function put16(b: Uint8Array, at: number, v: number, le = true): void {
  if (le) { b[at] = v & 0xff; b[at + 1] = (v >>> 8) & 0xff; } else { b[at] = (v >>> 8) & 0xff; b[at + 1] = v & 0xff; }
}
function put32(b: Uint8Array, at: number, v: number, le = true): void {
  for (let i = 0; i < 4; i++) b[at + (le ? i : 3 - i)] = (v >>> (8 * i)) & 0xff;
}
function put64(b: Uint8Array, at: number, v: number, le = true): void {
  put32(b, at + (le ? 0 : 4), v >>> 0, le);
  put32(b, at + (le ? 4 : 0), Math.floor(v / 2 ** 32), le);
}

export interface ElfOptions { bits?: 32 | 64; le?: boolean; type?: number; machine?: number; phnum?: number }

/** An ELF header plus zeroed program headers (what a loader reads first). */
export function elf(o: ElfOptions = {}): Uint8Array {
  const bits = o.bits ?? 64, le = o.le ?? true, is64 = bits === 64;
  const ehsize = is64 ? 64 : 52, phentsize = is64 ? 56 : 32, shentsize = is64 ? 64 : 40;
  const phnum = o.phnum ?? 1;
  const b = new Uint8Array(ehsize + phnum * phentsize);
  b.set([0x7f, 0x45, 0x4c, 0x46, is64 ? 2 : 1, le ? 1 : 2, 1, 0]);
  put16(b, 16, o.type ?? 2, le);               // e_type ET_EXEC
  put16(b, 18, o.machine ?? (is64 ? 62 : 3), le);
  put32(b, 20, 1, le);                         // e_version
  const tail = is64 ? 52 : 40;
  if (is64) put64(b, 32, 64, le); else put32(b, 28, 52, le); // e_phoff right after the header
  put16(b, tail, ehsize, le);
  put16(b, tail + 2, phentsize, le);
  put16(b, tail + 4, phnum, le);
  put16(b, tail + 6, shentsize, le);
  return b;
}

export interface PeOptions { plus?: boolean; machine?: number; sections?: number; dll?: boolean; lfanew?: number; subsystem?: number }

/** DOS header + stub + "PE\0\0" + COFF header + optional header with 16 data directories. */
export function pe(o: PeOptions = {}): Uint8Array {
  const plus = o.plus ?? true, lfanew = o.lfanew ?? 0x80;
  const sizeOpt = plus ? 240 : 224;
  const b = new Uint8Array(lfanew + 24 + sizeOpt);
  b[0] = 0x4d; b[1] = 0x5a;
  b.set(new TextEncoder().encode('This program cannot be run in DOS mode.'), 0x4e);
  put32(b, 0x3c, lfanew);
  b.set([0x50, 0x45, 0, 0], lfanew);
  const coff = lfanew + 4;
  put16(b, coff, o.machine ?? (plus ? 0x8664 : 0x14c));
  put16(b, coff + 2, o.sections ?? 3);
  put16(b, coff + 16, sizeOpt);
  put16(b, coff + 18, 0x0002 | (o.dll ? 0x2000 : 0) | (plus ? 0x0020 : 0x0100));
  const opt = coff + 20;
  put16(b, opt, plus ? 0x20b : 0x10b);
  put16(b, opt + 68, o.subsystem ?? 3);
  put32(b, opt + (plus ? 108 : 92), 16); // NumberOfRvaAndSizes
  return b;
}

export const CPU = { x86: 7, x86_64: 0x01000007, arm: 12, arm64: 0x0100000c, ppc: 18 } as const;

export interface MachoOptions { is64?: boolean; le?: boolean; cpu?: number; filetype?: number; ncmds?: number }

/** mach_header(_64) + one LC_SEGMENT(_64)-sized load command. */
export function macho(o: MachoOptions = {}): Uint8Array {
  const is64 = o.is64 ?? true, le = o.le ?? true;
  const hsize = is64 ? 32 : 28, cmdsize = is64 ? 72 : 56;
  const ncmds = o.ncmds ?? 1;
  const b = new Uint8Array(hsize + cmdsize);
  put32(b, 0, is64 ? 0xfeedfacf : 0xfeedface, le);
  put32(b, 4, o.cpu ?? (is64 ? CPU.arm64 : CPU.x86), le);
  put32(b, 12, o.filetype ?? 2, le);           // MH_EXECUTE
  put32(b, 16, ncmds, le);
  put32(b, 20, cmdsize * ncmds, le);
  put32(b, hsize, is64 ? 0x19 : 0x1, le);      // LC_SEGMENT_64 / LC_SEGMENT
  put32(b, hsize + 4, cmdsize, le);
  return b;
}

/** Universal binary: fat header, arch table, each slice a thin header at a 2^12 boundary. */
export function fat(cpus: readonly number[], o: { is64?: boolean } = {}): Uint8Array {
  const is64 = o.is64 ?? false, entry = is64 ? 32 : 20, align = 12, page = 2 ** align;
  const slices = cpus.map((cpu) => macho({ is64: (cpu & 0x01000000) !== 0, cpu }));
  const b = new Uint8Array(page * (cpus.length + 1));
  put32(b, 0, is64 ? 0xcafebabf : 0xcafebabe, false);
  put32(b, 4, cpus.length, false);
  cpus.forEach((cpu, i) => {
    const e = 8 + i * entry, offset = page * (i + 1);
    put32(b, e, cpu, false);
    if (is64) { put64(b, e + 8, offset, false); put64(b, e + 16, page, false); put32(b, e + 24, align, false); }
    else { put32(b, e + 8, offset, false); put32(b, e + 12, page, false); put32(b, e + 16, align, false); }
    b.set(slices[i]!, offset);
  });
  return b;
}

/** A Java class file header: 0xcafebabe, minor 0, major 61 (Java 17). Shares the fat magic. */
export function javaClass(): Uint8Array {
  return new Uint8Array([0xca, 0xfe, 0xba, 0xbe, 0x00, 0x00, 0x00, 0x3d, 0x00, 0x1d, 0x0a, 0x00]);
}

/** mulberry32: small, seeded, good enough to make test data reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `bytes` of float32 weights ~ N(0, 0.02) (Box-Muller), like a trained layer's. */
export function randomWeights(bytes: number, seed = 1): Uint8Array {
  const rnd = prng(seed);
  const f = new Float32Array(Math.ceil(bytes / 4));
  for (let i = 0; i < f.length; i += 2) {
    const u = Math.max(rnd(), 1e-12), v = rnd();
    const r = Math.sqrt(-2 * Math.log(u)) * 0.02;
    f[i] = r * Math.cos(2 * Math.PI * v);
    if (i + 1 < f.length) f[i + 1] = r * Math.sin(2 * Math.PI * v);
  }
  return new Uint8Array(f.buffer, 0, bytes);
}

export function randomBytes(n: number, seed = 7): Uint8Array {
  const rnd = prng(seed);
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (rnd() * 256) | 0;
  return b;
}

/**
 * Plants magics that are NOT valid headers every `every` bytes, cycling through near misses: bare
 * "MZ", "MZ" whose e_lfanew points at "PE\0\0" with an unknown machine, "\x7fELF" with a bad class,
 * "\x7fELF" with a good ident but e_version 0, Mach-O magic with an unknown CPU, a Java class header,
 * and "#!" after a newline followed by text that is no interpreter path. Returns the planted offsets.
 */
export function plantFakeMagics(buf: Uint8Array, every: number): number[] {
  const fakes: Uint8Array[] = [
    new Uint8Array([0x4d, 0x5a]),
    (() => { const p = pe(); put16(p, 0x80 + 4, 0x1234); return p; })(),
    new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x03, 0x01, 0x01]),
    (() => { const e = elf(); put32(e, 20, 0); return e; })(),
    (() => { const m = macho(); put32(m, 4, 0x77); return m; })(),
    javaClass(),
    new TextEncoder().encode('\n#!not an interpreter line\n'),
    new TextEncoder().encode('\n#!/usr/bin/definitely-not-a-shell\n'),
  ];
  const offsets: number[] = [];
  for (let at = every / 2, i = 0; at + 512 < buf.length; at += every, i++) {
    const f = fakes[i % fakes.length]!;
    buf.set(f, at);
    offsets.push(at);
  }
  return offsets;
}

export const text = (s: string): Uint8Array => new TextEncoder().encode(s);

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}
