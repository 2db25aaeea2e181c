// Executable signatures (PE, ELF, Mach-O thin/fat, "#!" scripts) found anywhere in a byte window.
// Tensor data is random-looking: in multi-GB weights 'MZ' turns up every 64 KiB and '\x7fELF' every
// few GB, so a magic number alone proves nothing. A hit is reported only when the bytes after the
// magic parse as the header the format's loader itself requires (fields in range, sizes consistent).
// Never throws: every read is bounds-checked and a short buffer is simply "no header here".

export type ExecKind = 'pe' | 'elf' | 'macho' | 'script';

export interface ExecHit {
  kind: ExecKind;
  /** Absolute offset of the magic (baseOffset + index in the buffer). */
  offset: number;
  /** file(1)-style description: "ELF 64-bit LSB x86-64 shared object". */
  description: string;
}

export interface FindOptions {
  /** Whether bytes[0] starts a line (false for a sweep window that begins mid-file). Default true. */
  startIsLineStart?: boolean;
  /** Stop after this many hits (a blob of a million planted headers must not flood memory). */
  maxHits?: number;
}

/** PE: e_lfanew is refused at or above this; real linkers put the PE header within the first KiB. */
export const PE_MAX_LFANEW = 64 * 1024;
/** Longest "#!" line looked at; interpreter lines are short (Linux truncates at 256, BINPRM_BUF_SIZE). */
const SHEBANG_MAX_LINE = 256;
/** Mach-O fat: largest nfat_arch accepted. Real universal binaries carry 2-4 slices. */
const FAT_MAX_ARCHS = 16;
/**
 * Bytes after a magic that validation may read: PE reads up to e_lfanew + 24 + 70 (optional header
 * subsystem), fat reads 8 + 16 * 32 and a thin header at most. A sweep whose windows overlap by this
 * much never misses a header that straddles a window boundary.
 */
export const EXEC_HEADER_REACH = PE_MAX_LFANEW + 24 + 96;
const DEFAULT_MAX_HITS = 1000;

const u16 = (b: Uint8Array, at: number, le: boolean): number =>
  le ? b[at]! | (b[at + 1]! << 8) : (b[at]! << 8) | b[at + 1]!;
const u32 = (b: Uint8Array, at: number, le: boolean): number =>
  le ? (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0
     : ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
/** u64 → number, or Infinity when the high word makes it larger than any real offset. */
const u64 = (b: Uint8Array, at: number, le: boolean): number => {
  const lo = u32(b, at + (le ? 0 : 4), le);
  const hi = u32(b, at + (le ? 4 : 0), le);
  return hi > 0x1fffff ? Infinity : hi * 2 ** 32 + lo;
};

// ---------------------------------------------------------------------------------------------- PE
// Microsoft PE/COFF specification ("PE Format", learn.microsoft.com/windows/win32/debug/pe-format):
// MS-DOS stub with e_lfanew at 0x3c → "PE\0\0" → 20-byte COFF file header {Machine u16,
// NumberOfSections u16, TimeDateStamp u32, PointerToSymbolTable u32, NumberOfSymbols u32,
// SizeOfOptionalHeader u16, Characteristics u16} → optional header starting with its magic.
const PE_MACHINES: ReadonlyMap<number, string> = new Map([
  [0x014c, 'Intel 80386'], [0x8664, 'x86-64'], [0xaa64, 'Aarch64'], [0xa641, 'ARM64EC'],
  [0xa64e, 'ARM64X'], [0x01c0, 'ARM'], [0x01c4, 'ARMv7 Thumb'], [0x0200, 'Intel Itanium'],
  [0x0ebc, 'EFI byte code'], [0x5032, 'RISC-V 32-bit'], [0x5064, 'RISC-V 64-bit'],
  [0x6232, 'LoongArch 32-bit'], [0x6264, 'LoongArch 64-bit'], [0x0166, 'MIPS R4000'],
  [0x01f0, 'PowerPC'], [0x01a2, 'Hitachi SH3'], [0x01a6, 'Hitachi SH4'],
]);
const PE_SUBSYSTEMS: Record<number, string> = {
  1: 'native', 2: 'GUI', 3: 'console', 9: 'Windows CE GUI', 10: 'EFI application',
  11: 'EFI boot service driver', 12: 'EFI runtime driver', 14: 'Xbox', 16: 'boot application',
};
const IMAGE_FILE_EXECUTABLE_IMAGE = 0x0002; // the loader refuses images without it
const IMAGE_FILE_DLL = 0x2000;

function parsePe(b: Uint8Array, at: number): string | null {
  if (at + 0x40 > b.length) return null;
  const lfanew = u32(b, at + 0x3c, true);
  // e_lfanew must point past the 64-byte DOS header and stay near it.
  if (lfanew < 0x40 || lfanew >= PE_MAX_LFANEW) return null;
  const pe = at + lfanew;
  if (pe + 24 + 2 > b.length) return null;
  if (b[pe] !== 0x50 || b[pe + 1] !== 0x45 || b[pe + 2] !== 0 || b[pe + 3] !== 0) return null;
  const coff = pe + 4;
  const machine = PE_MACHINES.get(u16(b, coff, true));
  if (!machine) return null;
  const sections = u16(b, coff + 2, true);
  if (sections < 1 || sections > 96) return null; // "the Windows loader limits the number of sections to 96"
  const sizeOpt = u16(b, coff + 16, true);
  const characteristics = u16(b, coff + 18, true);
  if ((characteristics & IMAGE_FILE_EXECUTABLE_IMAGE) === 0) return null;
  const opt = coff + 20;
  const magic = u16(b, opt, true);
  // Optional header: PE32 (0x10b) has 96 bytes of fixed fields, PE32+ (0x20b) 112, then data
  // directories of 8 bytes each; SizeOfOptionalHeader covers both.
  const fixed = magic === 0x10b ? 96 : magic === 0x20b ? 112 : 0;
  if (fixed === 0 || sizeOpt < fixed || sizeOpt > fixed + 8 * 16 + 0x100) return null;
  const kind = magic === 0x20b ? 'PE32+' : 'PE32';
  const role = characteristics & IMAGE_FILE_DLL ? 'DLL' : 'executable';
  // Subsystem is at offset 68 of the optional header in both PE32 and PE32+.
  const subsystem = opt + 70 <= b.length ? PE_SUBSYSTEMS[u16(b, opt + 68, true)] : undefined;
  return `${kind} ${role}${subsystem ? ` (${subsystem})` : ''} ${machine}, ${sections} section${sections === 1 ? '' : 's'}`;
}

// --------------------------------------------------------------------------------------------- ELF
// System V gABI, "ELF Header" (Elf32_Ehdr / Elf64_Ehdr) and elf(5): e_ident[16] {magic, EI_CLASS,
// EI_DATA, EI_VERSION, EI_OSABI, ...}, e_type u16, e_machine u16, e_version u32, e_entry, e_phoff,
// e_shoff (4 or 8 bytes each), e_flags u32, e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum,
// e_shstrndx (u16 each).
const ELF_MACHINES: ReadonlyMap<number, string> = new Map([
  [2, 'SPARC'], [3, 'Intel 80386'], [4, 'Motorola 68000'], [8, 'MIPS'], [20, 'PowerPC'],
  [21, '64-bit PowerPC'], [22, 'IBM S/390'], [40, 'ARM'], [42, 'Renesas SH'], [43, 'SPARC V9'],
  [50, 'IA-64'], [62, 'x86-64'], [183, 'ARM aarch64'], [190, 'NVIDIA CUDA'], [224, 'AMD GPU'],
  [243, 'UCB RISC-V'], [247, 'eBPF'], [258, 'LoongArch'],
]);
const ELF_TYPES = ['', 'relocatable', 'executable', 'shared object', 'core file'];

function parseElf(b: Uint8Array, at: number): string | null {
  if (at + 52 > b.length) return null;
  const cls = b[at + 4]!; // EI_CLASS: 1 ELFCLASS32, 2 ELFCLASS64
  const data = b[at + 5]!; // EI_DATA: 1 little-endian, 2 big-endian
  if ((cls !== 1 && cls !== 2) || (data !== 1 && data !== 2) || b[at + 6] !== 1) return null; // EI_VERSION = EV_CURRENT
  const le = data === 1;
  const is64 = cls === 2;
  const ehsize = is64 ? 64 : 52;
  if (at + ehsize > b.length) return null;
  const type = u16(b, at + 16, le);
  if (type < 1 || type > 4) return null;
  const machine = ELF_MACHINES.get(u16(b, at + 18, le));
  if (!machine) return null;
  if (u32(b, at + 20, le) !== 1) return null; // e_version = EV_CURRENT
  const tail = at + (is64 ? 52 : 40); // e_ehsize follows e_flags
  if (u16(b, tail, le) !== ehsize) return null;
  const phentsize = u16(b, tail + 2, le);
  const phnum = u16(b, tail + 4, le);
  const shentsize = u16(b, tail + 6, le);
  const shnum = u16(b, tail + 8, le);
  // Entry sizes are fixed per class: Elf32_Phdr 32 / Elf64_Phdr 56, Elf32_Shdr 40 / Elf64_Shdr 64.
  if (!(phentsize === (is64 ? 56 : 32) || (phentsize === 0 && phnum === 0))) return null;
  if (!(shentsize === (is64 ? 64 : 40) || (shentsize === 0 && shnum === 0))) return null;
  if (type === 2 && phnum === 0) return null; // an executable without program headers cannot load
  return `ELF ${is64 ? 64 : 32}-bit ${le ? 'LSB' : 'MSB'} ${machine} ${ELF_TYPES[type]}`;
}

// ------------------------------------------------------------------------------------------ Mach-O
// Apple <mach-o/loader.h>: mach_header {magic, cputype, cpusubtype, filetype, ncmds, sizeofcmds,
// flags} (+ reserved in mach_header_64), followed by load commands {cmd u32, cmdsize u32}.
// <mach/machine.h> CPU types; CPU_ARCH_ABI64 = 0x01000000, CPU_ARCH_ABI64_32 = 0x02000000.
const MACHO_CPUS: ReadonlyMap<number, string> = new Map([
  [1, 'vax'], [6, 'mc680x0'], [7, 'i386'], [0x01000007, 'x86_64'], [10, 'mc98000'], [11, 'hppa'],
  [12, 'arm'], [0x0100000c, 'arm64'], [0x0200000c, 'arm64_32'], [13, 'mc88000'], [14, 'sparc'],
  [15, 'i860'], [18, 'ppc'], [0x01000012, 'ppc64'],
]);
const MACHO_FILETYPES = ['', 'object', 'executable', 'fixed VM shared library', 'core', 'preloaded executable',
  'dynamically linked shared library', 'dynamic linker', 'bundle', 'dylib stub', 'dSYM companion',
  'kext bundle', 'fileset'];
const MACHO_MAX_NCMDS = 4096;
/** sizeofcmds above this is not a real header (the kernel caps load commands far lower). */
const MACHO_MAX_SIZEOFCMDS = 16 * 1024 * 1024;

interface ThinHeader { is64: boolean; le: boolean }
function thinMagic(b: Uint8Array, at: number): ThinHeader | null {
  if (at + 4 > b.length) return null;
  const be = u32(b, at, false);
  // MH_MAGIC 0xfeedface / MH_MAGIC_64 0xfeedfacf as stored by a big-endian writer; MH_CIGAM(_64)
  // 0xcefaedfe / 0xcffaedfe are the same magics written little-endian (every Intel/ARM Mach-O).
  if (be === 0xfeedface) return { is64: false, le: false };
  if (be === 0xfeedfacf) return { is64: true, le: false };
  if (be === 0xcefaedfe) return { is64: false, le: true };
  if (be === 0xcffaedfe) return { is64: true, le: true };
  return null;
}

function parseMachoThin(b: Uint8Array, at: number): string | null {
  const m = thinMagic(b, at);
  if (!m) return null;
  const hsize = m.is64 ? 32 : 28;
  if (at + hsize > b.length) return null;
  const cpu = MACHO_CPUS.get(u32(b, at + 4, m.le));
  if (!cpu) return null;
  const filetype = u32(b, at + 12, m.le);
  if (filetype < 1 || filetype > 12) return null;
  const ncmds = u32(b, at + 16, m.le);
  const sizeofcmds = u32(b, at + 20, m.le);
  if (ncmds < 1 || ncmds > MACHO_MAX_NCMDS) return null;
  if (sizeofcmds < ncmds * 8 || sizeofcmds > MACHO_MAX_SIZEOFCMDS) return null;
  // The first load command must itself be plausible when it is in the buffer: cmdsize is a multiple
  // of 4 (32-bit) or 8 (64-bit) and fits inside sizeofcmds.
  if (at + hsize + 8 <= b.length) {
    const cmd = u32(b, at + hsize, m.le);
    const cmdsize = u32(b, at + hsize + 4, m.le);
    if (cmd === 0 || cmdsize < 8 || cmdsize > sizeofcmds || cmdsize % (m.is64 ? 8 : 4) !== 0) return null;
  }
  return `Mach-O ${m.is64 ? '64-bit' : '32-bit'} ${cpu} ${MACHO_FILETYPES[filetype]}`;
}

// <mach-o/fat.h>: fat_header {magic 0xcafebabe (FAT_MAGIC) or 0xcafebabf (FAT_MAGIC_64), nfat_arch},
// always big-endian, followed by fat_arch {cputype, cpusubtype, offset u32, size u32, align u32} or
// fat_arch_64 {cputype, cpusubtype, offset u64, size u64, align u32, reserved u32}. Java class files
// share 0xcafebabe; their next u32 is minor<<16|major with major >= 45, so nfat_arch <= 16 rejects them.
function parseMachoFat(b: Uint8Array, at: number): string | null {
  if (at + 8 > b.length) return null;
  const magic = u32(b, at, false);
  if (magic !== 0xcafebabe && magic !== 0xcafebabf) return null;
  const is64 = magic === 0xcafebabf;
  const n = u32(b, at + 4, false);
  if (n < 1 || n > FAT_MAX_ARCHS) return null;
  const entry = is64 ? 32 : 20;
  const tableEnd = 8 + n * entry;
  if (at + tableEnd > b.length) return null;
  const cpus: string[] = [];
  for (let i = 0; i < n; i++) {
    const e = at + 8 + i * entry;
    const cpu = MACHO_CPUS.get(u32(b, e, false));
    if (!cpu) return null;
    const offset = is64 ? u64(b, e + 8, false) : u32(b, e + 8, false);
    const size = is64 ? u64(b, e + 16, false) : u32(b, e + 12, false);
    const align = u32(b, e + (is64 ? 24 : 16), false);
    // Slices start after the arch table, at their 2^align boundary (lipo uses 2^12 or 2^14), and
    // are not empty.
    if (align > 20 || offset < tableEnd || offset % 2 ** align !== 0 || size < 28 || !Number.isFinite(offset + size)) return null;
    // When the slice is in the buffer it must begin with a thin Mach-O header.
    if (at + offset + 4 <= b.length && !thinMagic(b, at + offset)) return null;
    cpus.push(cpu);
  }
  return `Mach-O universal binary with ${n} architecture${n === 1 ? '' : 's'}: [${cpus.join(', ')}]`;
}

// ---------------------------------------------------------------------------------------- Scripts
// execve(2) "#!" interpreter line: "#!" [spaces] absolute-interpreter-path [optional-arg] "\n".
// Only well-known interpreters count, reached directly or through /usr/bin/env.
const INTERPRETERS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'mksh', 'csh', 'tcsh', 'ash', 'fish', 'busybox',
  'python', 'python2', 'python3', 'pypy', 'pypy3', 'perl', 'ruby', 'node', 'nodejs', 'deno', 'bun', 'php', 'lua',
  'tclsh', 'wish', 'awk', 'gawk', 'rscript', 'pwsh', 'powershell', 'osascript', 'expect', 'julia']);
const INTERPRETER_DIRS = ['/bin/', '/usr/bin/', '/usr/local/bin/', '/sbin/', '/usr/sbin/', '/opt/homebrew/bin/'];

function interpreterName(path: string): string | null {
  const dir = INTERPRETER_DIRS.find((d) => path.startsWith(d));
  if (!dir) return null;
  const name = path.slice(dir.length).toLowerCase();
  if (name.includes('/')) return null;
  // python3.11, perl5.36, ruby3.2: a version suffix on a known name.
  const bare = name.replace(/\d+(?:\.\d+){0,2}$/, '');
  return INTERPRETERS.has(name) || INTERPRETERS.has(bare) ? name : null;
}

function parseScript(b: Uint8Array, at: number): string | null {
  let end = at + 2;
  const limit = Math.min(b.length, at + SHEBANG_MAX_LINE);
  while (end < limit && b[end] !== 0x0a) {
    const c = b[end]!;
    if (c !== 0x09 && c !== 0x0d && (c < 0x20 || c > 0x7e)) return null; // the line must be printable ASCII
    end++;
  }
  if (end === limit && limit < b.length) return null; // longer than any interpreter line
  let line = '';
  for (let i = at + 2; i < end; i++) line += String.fromCharCode(b[i]!);
  const words = line.trim().split(/[ \t]+/);
  const first = words[0] ?? '';
  let name = interpreterName(first);
  if (name === 'env') name = null;
  if (!name && (first === '/usr/bin/env' || first === '/bin/env')) {
    // "#!/usr/bin/env python3", "#!/usr/bin/env -S bash -e"
    const prog = words.slice(1).find((w) => !w.startsWith('-'));
    if (prog && !prog.includes('/')) {
      const bare = prog.toLowerCase().replace(/\d+(?:\.\d+){0,2}$/, '');
      if (INTERPRETERS.has(prog.toLowerCase()) || INTERPRETERS.has(bare)) name = prog;
    }
  }
  if (!name) return null;
  return `${name} script ("#!${line.trim().slice(0, 60)}")`;
}

// ------------------------------------------------------------------------------------------ Sweep
type Check = (b: Uint8Array, at: number) => string | null;
interface Signature { first: number; second: number; kind: ExecKind; check: Check }
// First bytes are all distinct (the sweep's lookup table relies on it).
const SIGNATURES: readonly Signature[] = [
  { first: 0x4d, second: 0x5a, kind: 'pe', check: parsePe },            // "MZ"
  { first: 0x7f, second: 0x45, kind: 'elf', check: (b, at) => (b[at + 2] === 0x4c && b[at + 3] === 0x46 ? parseElf(b, at) : null) },
  { first: 0xfe, second: 0xed, kind: 'macho', check: parseMachoThin },   // fe ed fa ce/cf
  { first: 0xce, second: 0xfa, kind: 'macho', check: parseMachoThin },   // ce fa ed fe
  { first: 0xcf, second: 0xfa, kind: 'macho', check: parseMachoThin },   // cf fa ed fe
  { first: 0xca, second: 0xfe, kind: 'macho', check: parseMachoFat },    // ca fe ba be/bf
  { first: 0x23, second: 0x21, kind: 'script', check: parseScript },     // "#!"
];

/** Second magic byte per first byte (-1: no signature starts with it); first bytes are unique. */
const SECOND = new Int16Array(256).fill(-1);
const BY_FIRST: Array<Signature | undefined> = [];
for (const sig of SIGNATURES) { SECOND[sig.first] = sig.second; BY_FIRST[sig.first] = sig; }

/**
 * Every executable header in `bytes`, sorted by offset. One pass with a first-byte table (random
 * data makes a first-byte candidate every ~37 bytes, a two-byte one every ~9 KiB), then a
 * constant-size header check at each two-byte candidate.
 */
export function findExecutables(bytes: Uint8Array, baseOffset: number, options: FindOptions = {}): ExecHit[] {
  const lineStart = options.startIsLineStart ?? true;
  const maxHits = options.maxHits ?? DEFAULT_MAX_HITS;
  const hits: ExecHit[] = [];
  const end = bytes.length - 1;
  for (let i = 0; i < end; i++) {
    if (SECOND[bytes[i]!] !== bytes[i + 1]) continue;
    const sig = BY_FIRST[bytes[i]!]!;
    // A script is only a script at the start of a file or right after a line or string end.
    if (sig.kind === 'script' && !(i === 0 ? lineStart : bytes[i - 1] === 0x0a || bytes[i - 1] === 0)) continue;
    const description = sig.check(bytes, i);
    if (description) {
      hits.push({ kind: sig.kind, offset: baseOffset + i, description });
      if (hits.length >= maxHits) break;
    }
  }
  return hits;
}

/** The executable header starting exactly at `at`, if any (e.g. "is this whole node a program?"). */
export function executableAt(bytes: Uint8Array, at = 0): ExecHit | null {
  for (const sig of SIGNATURES) {
    if (bytes[at] === sig.first && bytes[at + 1] === sig.second) {
      const description = sig.check(bytes, at);
      if (description) return { kind: sig.kind, offset: at, description };
    }
  }
  return null;
}
