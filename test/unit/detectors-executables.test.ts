import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { executableAt, findExecutables } from '../../src/engine/detectors/executables';
import { CPU, concat, elf, fat, javaClass, macho, pe, plantFakeMagics, randomBytes, randomWeights, text } from '../builders/executables';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/executables/${name}`, import.meta.url)));

describe('findExecutables on real programs', () => {
  it('names a stripped gcc PIE as an ELF 64-bit x86-64 shared object', () => {
    const hits = findExecutables(fixture('malicious/hello-x86_64.elf'), 0);
    expect(hits).toEqual([{ kind: 'elf', offset: 0, description: 'ELF 64-bit LSB x86-64 shared object' }]);
  });

  it('names the distlib launcher as a PE32+ console executable, as file(1) does', () => {
    const hits = findExecutables(fixture('malicious/distlib-t64.exe'), 0).filter((h) => h.kind === 'pe');
    expect(hits[0]).toEqual({ kind: 'pe', offset: 0, description: 'PE32+ executable (console) x86-64, 6 sections' });
  });

  it('reports offsets relative to baseOffset', () => {
    const buf = concat(randomBytes(1000), fixture('malicious/hello-x86_64.elf'));
    expect(findExecutables(buf, 5000).find((h) => h.kind === 'elf')?.offset).toBe(6000);
  });
});

describe('findExecutables on headers built from the specs', () => {
  it.each([
    ['ELF 32-bit MSB PowerPC executable', elf({ bits: 32, le: false, machine: 20 }), 'ELF 32-bit MSB PowerPC executable'],
    ['ELF relocatable object', elf({ type: 1, phnum: 0 }), 'ELF 64-bit LSB x86-64 relocatable'],
    ['PE32 DLL for i386', pe({ plus: false, dll: true, subsystem: 2 }), 'PE32 DLL (GUI) Intel 80386, 3 sections'],
    ['PE32+ ARM64', pe({ machine: 0xaa64 }), 'PE32+ executable (console) Aarch64, 3 sections'],
    ['Mach-O 64 arm64 LE', macho(), 'Mach-O 64-bit arm64 executable'],
    ['Mach-O 32 i386 LE dylib', macho({ is64: false, filetype: 6 }), 'Mach-O 32-bit i386 dynamically linked shared library'],
    ['Mach-O 32 ppc BE', macho({ is64: false, le: false, cpu: CPU.ppc }), 'Mach-O 32-bit ppc executable'],
    ['Mach-O 64 x86_64 BE-written', macho({ le: false, cpu: CPU.x86_64 }), 'Mach-O 64-bit x86_64 executable'],
    ['fat x86_64+arm64', fat([CPU.x86_64, CPU.arm64]), 'Mach-O universal binary with 2 architectures: [x86_64, arm64]'],
    ['fat64', fat([CPU.arm64], { is64: true }), 'Mach-O universal binary with 1 architecture: [arm64]'],
  ])('recognises %s', (_name, bytes, description) => {
    expect(executableAt(bytes, 0)?.description).toBe(description);
  });

  it.each([
    ['#!/bin/sh\necho hi\n', 'sh'],
    ['#!/usr/bin/env python3\nimport os\n', 'python3'],
    ['#! /usr/bin/perl -w\n', 'perl'],
    ['#!/usr/bin/env -S bash -e\n', 'bash'],
    ['#!/usr/local/bin/python3.11\n', 'python3.11'],
  ])('recognises the interpreter line %j', (src, name) => {
    const hit = executableAt(text(src), 0);
    expect(hit?.kind).toBe('script');
    expect(hit?.description).toMatch(new RegExp(`^${name.replace('.', '\\.')} script`));
  });

  it.each([
    ['a Java class file (0xcafebabe, major 61)', javaClass()],
    ['"#!" with no interpreter path', text('#!important: read this\n')],
    ['"#!" with an unknown interpreter', text('#!/usr/bin/frobnicate\n')],
    ['"#!" followed by binary', new Uint8Array([0x23, 0x21, 0x2f, 0x62, 0x69, 0x6e, 0x2f, 0x73, 0x68, 0x01, 0x02, 0x0a])],
  ])('rejects %s', (_name, bytes) => {
    expect(findExecutables(bytes, 0)).toEqual([]);
  });

  it('only counts "#!" at the start of a line or after a NUL', () => {
    expect(findExecutables(text('x #!/bin/sh\n'), 0)).toEqual([]);
    expect(findExecutables(text('x\n#!/bin/sh\n'), 0).map((h) => h.offset)).toEqual([2]);
    expect(findExecutables(concat(new Uint8Array([1, 0]), text('#!/bin/bash\n')), 0).map((h) => h.offset)).toEqual([2]);
    expect(findExecutables(text('#!/bin/sh\n'), 0, { startIsLineStart: false })).toEqual([]);
  });
});

describe('one field off is not an executable', () => {
  const mutate = (b: Uint8Array, at: number, v: number) => { const c = b.slice(); c[at] = v; return c; };
  it.each([
    ['ELF with EI_CLASS 3', mutate(elf(), 4, 3)],
    ['ELF with EI_DATA 0', mutate(elf(), 5, 0)],
    ['ELF with EI_VERSION 2', mutate(elf(), 6, 2)],
    ['ELF with e_type 7', mutate(elf(), 16, 7)],
    ['ELF with an unknown e_machine', mutate(elf(), 18, 0x99)],
    ['ELF with e_version 0', mutate(elf(), 20, 0)],
    ['ELF with e_ehsize 52 in a 64-bit header', mutate(elf(), 52, 52)],
    ['ELF with e_phentsize 57', mutate(elf(), 54, 57)],
    ['ELF executable without program headers', elf({ phnum: 0 })],
    ['PE with e_lfanew past 64 KiB', mutate(pe(), 0x3e, 0x01)],
    ['PE with e_lfanew inside the DOS header', mutate(pe(), 0x3c, 0x10)],
    ['PE with a broken signature', mutate(pe(), 0x81, 0x46)],
    ['PE with an unknown Machine', mutate(pe(), 0x84, 0x99)],
    ['PE with 0 sections', mutate(pe(), 0x86, 0)],
    ['PE with 97 sections', mutate(pe(), 0x86, 97)],
    ['PE without IMAGE_FILE_EXECUTABLE_IMAGE', mutate(pe(), 0x96, 0x20)],
    ['PE with optional header magic 0x30b', mutate(pe(), 0x99, 0x03)],
    ['PE32+ with SizeOfOptionalHeader 96', mutate(pe(), 0x94, 96)],
    ['Mach-O with an unknown cputype', mutate(macho(), 4, 0x55)],
    ['Mach-O with filetype 0', mutate(macho(), 12, 0)],
    ['Mach-O with filetype 13', mutate(macho(), 12, 13)],
    ['Mach-O with ncmds 0', mutate(macho(), 16, 0)],
    ['Mach-O with sizeofcmds < 8 * ncmds', mutate(mutate(macho(), 20, 4), 21, 0)],
    ['Mach-O whose first load command has cmdsize 3', mutate(macho(), 36, 3)],
    ['fat with nfat_arch 17', mutate(fat([CPU.arm64]), 7, 17)],
    ['fat with an unknown cputype', mutate(fat([CPU.arm64]), 11, 0x55)],
    ['fat whose slice is not a Mach-O', mutate(fat([CPU.arm64]), 4096, 0)],
    ['fat whose slice overlaps the arch table', mutate(mutate(fat([CPU.arm64]), 18, 0), 19, 8)],
  ])('%s', (_name, bytes) => {
    // (A fat binary's slices are real thin headers at their own offsets; only offset 0 is judged here.)
    expect(executableAt(bytes, 0)).toBeNull();
    expect(findExecutables(bytes, 0).filter((h) => h.offset === 0)).toEqual([]);
  });
});

describe('random weights are not executables', () => {
  it('finds nothing in 8 MiB of float32 weights with fake magics planted every 4 KiB', () => {
    const w = randomWeights(8 * 1024 * 1024, 42);
    const planted = plantFakeMagics(w, 4096);
    expect(planted.length).toBeGreaterThan(2000);
    const t0 = performance.now();
    expect(findExecutables(w, 0)).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('never throws on arbitrary bytes and reports only offsets inside them', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), fc.nat(1000), (bytes, base) => {
      for (const h of findExecutables(bytes, base)) {
        expect(h.offset).toBeGreaterThanOrEqual(base);
        expect(h.offset).toBeLessThan(base + bytes.length);
      }
    }), { numRuns: 2000 });
  });

  it('never throws on a truncated real header at any length', () => {
    const full = concat(pe(), elf(), macho(), fat([CPU.x86_64, CPU.arm64]).subarray(0, 64));
    for (let n = 0; n <= full.length; n++) expect(() => findExecutables(full.subarray(0, n), 0)).not.toThrow();
  });

  it('stops after maxHits', () => {
    const many = concat(...Array.from({ length: 50 }, () => elf()));
    expect(findExecutables(many, 0, { maxHits: 10 })).toHaveLength(10);
  });
});
