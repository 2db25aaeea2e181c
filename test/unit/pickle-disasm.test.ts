// The streaming disassembler and the scanner's sniffing, stacked streams, joblib inline arrays and
// bounded reads, through the real orchestrator where dispatch matters.
import { describe, expect, it } from 'vitest';
import { scan, fromBytes, SEVERITY_RANK, type ByteSource } from '../../src/engine';
import { disassemble, findPickleEnd, MAX_KEPT_ARG_BYTES, PICKLE_CHUNK, type PickleOp } from '../../src/engine/formats/pickle/disasm';
import { PICKLE_OPS } from '../../src/engine/formats/pickle/opcodes';
import { pickleScanner } from '../../src/engine/formats/pickle/scanner';
import { asm, concat, judgePickle, rulesOf } from '../builders/pickle';

async function ops(bytes: Uint8Array): Promise<PickleOp[]> {
  const out: PickleOp[] = [];
  for await (const op of disassemble(fromBytes(bytes), 0)) out.push(op);
  return out;
}

/** A source that records every read, to prove big arguments are skipped, not read. */
function recording(bytes: Uint8Array): ByteSource & { reads: Array<[number, number]> } {
  const src = fromBytes(bytes) as ByteSource & { reads: Array<[number, number]> };
  const reads: Array<[number, number]> = [];
  return { ...src, reads, read: (o, l) => { reads.push([o, l]); return src.read(o, l); } };
}

describe('opcode table and argument decoding', () => {
  it('covers every opcode of protocols 0-5 (68 opcodes, as in pickletools)', () => {
    expect(PICKLE_OPS.filter(Boolean)).toHaveLength(68);
    for (const name of ['FRAME', 'BINBYTES8', 'BYTEARRAY8', 'NEXT_BUFFER', 'READONLY_BUFFER', 'EXT4', 'BINPERSID', 'MEMOIZE']) {
      expect(PICKLE_OPS.some((o) => o?.name === name)).toBe(true);
    }
  });

  it('decodes text, counted and fixed-width arguments with absolute offsets', async () => {
    const b = asm().op('INT', 42).op('INT', true).op('LONG', 12345678901234567890n).op('FLOAT', 1.5).op('STRING', "it's\n\x01")
      .op('UNICODE', 'caf\u00e9 \u4e16').op('LONG1', -129n).op('BINFLOAT', -2.25).op('BININT', -7).op('BINUNICODE8', 'x')
      .op('BYTEARRAY8', new Uint8Array([1, 2])).op('PERSID', '0').op('STOP').build();
    const got = await ops(b);
    expect(got.map((o) => o.arg)).toEqual([42, true, 12345678901234567890n, 1.5, "it's\n\x01", 'caf\u00e9 \u4e16', -129, -2.25, -7, 'x',
      new Uint8Array([1, 2]), '0', undefined]);
    expect(got[1]!.offset).toBe(got[0]!.length);
    expect(got.at(-1)!.name).toBe('STOP');
  });

  it('reads a stream larger than one chunk in bounded windows and finds its end', async () => {
    const big = new Uint8Array(PICKLE_CHUNK + 1000).fill(0x61);
    const b = asm().proto(4).op('BINBYTES', big.subarray(0, 5000)).op('BINUNICODE', 'y'.repeat(PICKLE_CHUNK / 2)).op('POP').op('POP')
      .op('BINBYTES', big).op('STOP').build();
    const src = recording(b);
    expect(await findPickleEnd(src, 0)).toBe(b.length);
    expect(Math.max(...src.reads.map(([, l]) => l))).toBeLessThanOrEqual(PICKLE_CHUNK + 16);
  });

  it('skips an argument above MAX_KEPT_ARG_BYTES by offset, keeping a prefix', async () => {
    const big = new Uint8Array(MAX_KEPT_ARG_BYTES * 3);
    const got = await ops(asm().proto(4).op('BINBYTES8', big).op('STOP').build());
    expect(got[1]).toMatchObject({ name: 'BINBYTES8', partial: true, argLength: big.length, length: 9 + big.length });
  });

  it('returns null from findPickleEnd for a truncated pickle and throws with the offset from disassemble', async () => {
    const b = asm().proto(2).op('BINUNICODE', 'abcdef').stop().build().subarray(0, 8);
    expect(await findPickleEnd(fromBytes(b), 0)).toBeNull();
    await expect(ops(b)).rejects.toMatchObject({ name: 'FormatError', offset: 2 });
  });
});

describe('sniffing', () => {
  const head = (bytes: Uint8Array, name = 'x.bin', hint?: string) => ({ bytes, size: bytes.length, name, ext: name.slice(name.lastIndexOf('.')), hint });

  it('claims protocol 2-5 by magic and protocol 0/1 only by a strict parse', () => {
    expect(pickleScanner.sniff(head(asm().proto(3).op('NONE').stop().build()))?.confidence).toBe('magic');
    expect(pickleScanner.sniff(head(asm().call('posix', 'system', ['id']).stop().build()))?.confidence).toBe('structure');
    for (const text of ['Hello world, this is a README file.\n', 'cat\nfoo\nbar baz\n', '(1, 2, 3)\n', 'I am text\n', '{"a": 1}']) {
      expect(pickleScanner.sniff(head(new TextEncoder().encode(text), 'notes.txt'))).toBeNull();
    }
  });

  it('a protocol-0 pickle in a .bin without magic is scanned as a pickle (CVE-2025-10155)', async () => {
    const r = await scan(fromBytes(asm().call('posix', 'system', ['echo pwned']).stop().build(), 'pytorch_model.bin'));
    expect(r.format).toBe('pickle');
    expect(r.findings.find((f) => f.ruleId === 'pickle/dangerous-call')?.severity).toBe('critical');
  });
});

describe('joblib inline arrays', () => {
  /** NumpyArrayWrapper(ndarray, shape, 'C', dtype) + BUILD as joblib >= 1.2 writes it, then the raw bytes. */
  function wrapper(shape: number[], dtype: string, data: Uint8Array, padding: number | null): Uint8Array {
    const a = asm().proto(4).stackGlobal('joblib.numpy_pickle', 'NumpyArrayWrapper').op('EMPTY_TUPLE').op('NEWOBJ').op('EMPTY_DICT').mark()
      .str('subclass').stackGlobal('numpy', 'ndarray').str('shape');
    for (const d of shape) a.int(d);
    a.op(shape.length === 1 ? 'TUPLE1' : 'TUPLE2').str('order').str('C').str('dtype').stackGlobal('numpy', 'dtype').str(dtype).op('NEWFALSE').op('NEWTRUE')
      .op('TUPLE3').op('REDUCE').mark().int(3).str('<').op('NONE').op('NONE').op('NONE').op('BININT', -1).op('BININT', -1).int(0).op('TUPLE').op('BUILD')
      .str('allow_mmap').op('NEWTRUE');
    if (padding !== null) a.str('numpy_array_alignment_bytes').int(16);
    a.op('SETITEMS').op('BUILD');
    const pad = padding === null ? new Uint8Array(0) : concat(new Uint8Array([padding]), new Uint8Array(padding).fill(0xff));
    return concat(a.build(), pad, data);
  }

  it.each([['joblib >= 1.2 (padding byte)', 7], ['older joblib (no alignment)', null]])('steps over the raw array bytes (%s) and finds a call after them', async (_w, padding) => {
    const data = new Uint8Array(8 * 6 * 5).fill(0x2e); // STOP bytes: a parser that does not skip stops early
    const tail = asm().op('POP').call('posix', 'system', ['id']).stop().build();
    const j = await judgePickle(concat(wrapper([6, 5], 'f8', data, padding as number | null), tail));
    expect(rulesOf(j)).toEqual(['pickle/dangerous-call']);
    expect(j.notes['test.pkl']!.streams).toBe(1);
  });

  it('scans an object-dtype array (a nested protocol-2 pickle) as a child', async () => {
    const inner = asm().proto(2).call('posix', 'system', ['id']).stop().build();
    const j = await judgePickle(concat(wrapper([1], 'O8', inner, 0).subarray(0, -inner.length - 1), inner, asm().stop().build()));
    expect(j.findings.find((f) => f.ruleId === 'pickle/dangerous-call')?.path[1]).toMatch(/^<array@\d+>$/);
  });
});

describe('whole-scan outcomes', () => {
  it('an executable after STOP is handed to the fallback sweep and reported there', async () => {
    const elf = concat(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), new Uint8Array(56));
    elf[16] = 2; elf[18] = 0x3e; elf[20] = 1;
    const r = await scan(fromBytes(concat(asm().proto(2).op('NONE').stop().build(), elf), 'model.pkl'));
    expect(r.findings.some((f) => f.ruleId === 'pickle/bytes-after-stop')).toBe(true);
    expect(r.nodes.map((n) => n.path.join('/'))).toContain('model.pkl/<after-stop@4>');
  });

  it('a benign pickle of plain data raises nothing above INFO and notes what it saw', async () => {
    const b = asm().proto(4).op('EMPTY_DICT').op('MEMOIZE').mark().str('lr').op('BINFLOAT', 0.001).str('epochs').int(10).op('SETITEMS').stop().build();
    const r = await scan(fromBytes(b, 'config.pkl'));
    expect(r.findings.filter((f) => SEVERITY_RANK[f.severity] > SEVERITY_RANK.info)).toEqual([]);
    expect(r.nodes[0]!.notes).toMatchObject({ streams: 1, protocol: 4, imports: [], calls: [] });
  });
});
