// Attack pickles built with the opcode assembler, judged with a small fake policy (the real tables are
// tested in pickle-policy.test.ts): every technique of the issue, each asserting rule, severity, location.
import { describe, expect, it } from 'vitest';
import { deflateSync } from 'fflate';
import { asm, concat, framed, judgePickle, rulesOf, type Judged } from '../builders/pickle';

const find = (j: Judged, rule: string) => j.findings.filter((f) => f.ruleId === rule);
const te = new TextEncoder();
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const hexOf = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** posix.system('echo pwned') in the given protocol (GLOBAL + TUPLE + REDUCE). */
function osSystem(proto: number): Uint8Array {
  const a = asm();
  if (proto >= 2) a.proto(proto);
  return a.call('posix', 'system', ['echo pwned']).stop().build();
}

describe('direct calls', () => {
  it.each([0, 1, 2, 3, 4, 5])('GLOBAL/REDUCE posix.system in protocol %i is a CRITICAL dangerous call with the reconstructed call', async (p) => {
    const j = await judgePickle(osSystem(p));
    const hit = find(j, 'pickle/dangerous-call')[0]!;
    expect(hit.severity).toBe('critical');
    expect(hit.message).toContain('posix.system');
    expect(hit.evidence).toMatch(/^posix\.system\('echo pwned'\)\n/);
    expect(hit.evidence).toMatch(/>\d+: REDUCE/);
    expect(j.notes['test.pkl']!.calls).toEqual(["posix.system('echo pwned')"]);
    expect(j.notes['test.pkl']!.imports).toEqual(['posix.system']);
    expect(find(j, 'pickle/dangerous-import')).toEqual([]); // the call speaks for the import
  });

  it('INST __builtin__.eval (protocol 0) is a CRITICAL call', async () => {
    const b = asm().mark().op('STRING', "print('x')").op('INST', ['__builtin__', 'eval']).stop().build();
    const hit = find(await judgePickle(b), 'pickle/dangerous-call')[0]!;
    expect(hit).toMatchObject({ severity: 'critical', offset: 17 });
    expect(hit.evidence).toContain("__builtin__.eval('print(\\'x\\')')");
  });

  it('OBJ with the class under the MARK is a CRITICAL call', async () => {
    const b = asm().proto(2).mark().global('posix', 'system').str('id').op('OBJ').stop().build();
    expect(find(await judgePickle(b), 'pickle/dangerous-call')[0]?.evidence).toMatch(/^posix\.system\('id'\)/);
  });

  it('NEWOBJ and NEWOBJ_EX of a dangerous class are CRITICAL calls', async () => {
    const n = asm().proto(2).global('subprocess', 'Popen').str('id').op('TUPLE1').op('NEWOBJ').stop().build();
    expect(rulesOf(await judgePickle(n))).toEqual(['pickle/dangerous-call']);
    const x = asm().proto(4).stackGlobal('subprocess', 'Popen').str('id').op('TUPLE1').op('EMPTY_DICT').op('NEWOBJ_EX').stop().build();
    const hit = find(await judgePickle(x), 'pickle/dangerous-call')[0]!;
    expect(hit.evidence).toMatch(/^subprocess\.Popen\('id', \*\*\{\}\)/);
  });

  it('a non-allowlisted callable is a WARNING naming it, reported once per callee', async () => {
    const b = asm().proto(2).call('mylib.models', 'Net', [1]).op('POP').call('mylib.models', 'Net', [2]).stop().build();
    const hits = find(await judgePickle(b), 'pickle/non-allowlisted-call');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ severity: 'warning', message: expect.stringContaining('mylib.models.Net') });
  });

  it('a dangerous import that is never called is still CRITICAL (it can be invoked through other objects)', async () => {
    const b = asm().proto(2).global('collections', 'OrderedDict').mark().global('posix', 'system').op('TUPLE').op('REDUCE').stop().build();
    const j = await judgePickle(b);
    expect(find(j, 'pickle/dangerous-import')[0]).toMatchObject({ severity: 'critical', offset: 28 });
    expect(find(j, 'pickle/dangerous-call')).toEqual([]);
  });
});

describe('STACK_GLOBAL operand tricks', () => {
  it('resolves operands stored in the memo (BINPUT/BINGET)', async () => {
    const b = asm().proto(4).str('posix').op('BINPUT', 0).op('POP').str('system').op('BINPUT', 1).op('POP')
      .op('BINGET', 0).op('BINGET', 1).op('STACK_GLOBAL').str('id').op('TUPLE1').op('REDUCE').stop().build();
    expect(find(await judgePickle(b), 'pickle/dangerous-call')[0]?.evidence).toMatch(/^posix\.system\('id'\)/);
  });

  it('resolves MEMOIZE by memo size, not by the highest key (memo confusion)', async () => {
    // PUT 5 then MEMOIZE: CPython stores at len(memo) = 1, not 6. GET 1 must be 'system'.
    const b = asm().proto(4).str('posix').op('BINPUT', 5).str('system').op('MEMOIZE').op('POP').op('POP')
      .op('BINGET', 5).op('BINGET', 1).op('STACK_GLOBAL').str('id').op('TUPLE1').op('REDUCE').stop().build();
    expect(find(await judgePickle(b), 'pickle/dangerous-call')[0]?.message).toContain('posix.system');
  });

  it('resolves operands pushed with protocol-0 STRING opcodes', async () => {
    const b = asm().proto(4).op('STRING', 'os').op('STRING', 'system').op('STACK_GLOBAL').op('STRING', 'id').op('TUPLE1').op('REDUCE').stop().build();
    expect(find(await judgePickle(b), 'pickle/dangerous-call')[0]?.message).toContain('os.system');
  });

  it('reports a non-string operand (type confusion) as an unresolved import, and the call of it as unresolved', async () => {
    const b = asm().proto(4).int(7).op('BINPUT', 0).op('POP').str('system').op('BINGET', 0).op('STACK_GLOBAL').op('EMPTY_TUPLE').op('REDUCE').stop().build();
    const j = await judgePickle(b);
    expect(find(j, 'pickle/unresolved-import')[0]).toMatchObject({ severity: 'warning', message: expect.stringContaining('(str, int)') });
    expect(find(j, 'pickle/unresolved-callable')[0]?.severity).toBe('warning');
  });

  it('reports a missing memo key as unresolved (KeyError evasion)', async () => {
    const b = asm().proto(4).op('BINGET', 9).str('system').op('STACK_GLOBAL').op('EMPTY_TUPLE').op('REDUCE').stop().build();
    expect(find(await judgePickle(b), 'pickle/unresolved-import')[0]?.message).toContain('memo key 9 was never stored');
  });

  it('reports an import name computed by a call as CRITICAL', async () => {
    const b = asm().proto(4).call('builtins', 'str', ['posix']).str('system').op('STACK_GLOBAL').op('EMPTY_TUPLE').op('REDUCE').stop().build();
    expect(find(await judgePickle(b), 'pickle/unresolved-import')[0]).toMatchObject({ severity: 'critical' });
  });
});

describe('gadget chains and mutation of imported objects', () => {
  it("getattr(__import__('os'), 'system')('id') is a CRITICAL call of a call result", async () => {
    const b = asm().proto(2).global('builtins', 'getattr').mark().call('builtins', '__import__', ['os']).str('system').op('TUPLE').op('REDUCE')
      .str('id').op('TUPLE1').op('REDUCE').stop().build();
    const hit = find(await judgePickle(b), 'pickle/callable-from-call')[0]!;
    expect(hit.severity).toBe('critical');
    expect(hit.evidence).toMatch(/^builtins\.getattr\(builtins\.__import__\('os'\), 'system'\)\('id'\)/);
  });

  it("operator.attrgetter('system')(os) and methodcaller chains are CRITICAL", async () => {
    const a = asm().proto(2).call('operator', 'attrgetter', ['system']).global('os', 'path').op('TUPLE1').op('REDUCE').stop().build();
    expect(rulesOf(await judgePickle(a), 'critical')).toContain('pickle/callable-from-call');
    const m = asm().proto(2).call('operator', 'methodcaller', ['system', 'id']).call('builtins', '__import__', ['os']).op('TUPLE1').op('REDUCE').stop().build();
    expect(rulesOf(await judgePickle(m), 'critical')).toContain('pickle/callable-from-call');
  });

  it('BUILD on an imported module (sys_module_override) is CRITICAL even for an allowlisted name', async () => {
    const b = asm().proto(4).stackGlobal('torch', '_utils').op('EMPTY_DICT').str('_rebuild_tensor').global('builtins', 'eval').op('SETITEM')
      .op('BUILD').stop().build();
    const hit = find(await judgePickle(b), 'pickle/module-attribute-write')[0]!;
    expect(hit).toMatchObject({ severity: 'critical', message: expect.stringContaining('torch._utils') });
  });

  it('numpy.__builtins__ reached through an allowlisted module is dangerous, and SETITEM on it is a write', async () => {
    const b = asm().proto(4).stackGlobal('numpy', '__builtins__').str('x').str('y').op('SETITEM').stop().build();
    const j = await judgePickle(b);
    expect(find(j, 'pickle/dangerous-import')[0]?.message).toContain('__builtins__');
    expect(find(j, 'pickle/module-attribute-write')[0]?.message).toContain('SETITEM');
  });

  it('a dotted name walking into os (pathlib.os.system) is dangerous', async () => {
    const b = asm().proto(4).stackGlobal('pathlib', 'os.system').str('id').op('TUPLE1').op('REDUCE').stop().build();
    expect(find(await judgePickle(b), 'pickle/dangerous-call')[0]?.message).toContain('reaches');
  });

  it('EXT1/EXT2/EXT4 are flagged and their call is unresolved', async () => {
    for (const op of ['EXT1', 'EXT2', 'EXT4']) {
      const j = await judgePickle(asm().proto(2).op(op, 42).str('id').op('TUPLE1').op('REDUCE').stop().build());
      expect(find(j, 'pickle/ext-code')[0]).toMatchObject({ severity: 'warning', message: expect.stringContaining('42') });
      expect(find(j, 'pickle/unresolved-callable')).toHaveLength(1);
    }
  });
});

describe('code objects and decode chains', () => {
  it('dill _create_code / _create_function are CRITICAL code objects', async () => {
    const b = asm().proto(4).stackGlobal('dill._dill', '_create_function').stackGlobal('dill._dill', '_create_code').mark().int(0).bytes(new Uint8Array([0x97, 0, 0x64, 0]))
      .op('TUPLE').op('REDUCE').op('EMPTY_DICT').op('TUPLE2').op('REDUCE').stop().build();
    const hits = find(await judgePickle(b), 'pickle/code-object');
    expect(hits.map((h) => h.severity)).toEqual(['critical', 'critical']);
  });

  it("cloudpickle _builtin_type('CodeType') is a code object", async () => {
    const b = asm().proto(4).stackGlobal('cloudpickle.cloudpickle', '_builtin_type').str('CodeType').op('TUPLE1').op('REDUCE').stop().build();
    expect(find(await judgePickle(b), 'pickle/code-object')[0]?.message).toContain('CodeType');
  });

  it('pickle.loads(base64.b64decode(...)) is a CRITICAL decode-exec chain and the decoded pickle is scanned', async () => {
    const inner = osSystem(2);
    const b = asm().proto(2).global('pickle', 'loads').mark().call('base64', 'b64decode', [b64(inner)]).op('TUPLE').op('REDUCE').stop().build();
    const j = await judgePickle(b);
    expect(find(j, 'pickle/decode-exec-chain')[0]).toMatchObject({ severity: 'critical', message: expect.stringContaining('base64.b64decode') });
    // The base64 constant is itself recognised as a nested pickle; the decoded copy is not scanned twice.
    const inside = j.findings.filter((f) => f.path.length === 2 && f.ruleId === 'pickle/dangerous-call');
    expect(inside).toHaveLength(1);
  });

  it('eval(codecs.decode(hex)) hands the decoded code to the string detectors', async () => {
    const b = asm().proto(2).global('builtins', 'eval').mark().call('codecs', 'decode', [hexOf(te.encode("__import__('os').system('id')")), 'hex'])
      .op('TUPLE').op('REDUCE').stop().build();
    const j = await judgePickle(b);
    expect(find(j, 'pickle/decode-exec-chain')).toHaveLength(1);
    expect(j.strings.some((s) => s.includes("system('id')"))).toBe(true);
  });
});

describe('nested pickles in constants', () => {
  it.each([
    ['raw bytes', (p: Uint8Array) => asm().proto(4).bytes(p).stop().build()],
    ['base64 string', (p: Uint8Array) => asm().proto(4).str(b64(p)).stop().build()],
    ['hex string', (p: Uint8Array) => asm().proto(4).str(hexOf(p)).stop().build()],
    ['zlib bytes', (p: Uint8Array) => asm().proto(4).bytes(zlib(p)).stop().build()],
  ])('a %s holding os.system is scanned as a child and its call is CRITICAL there', async (_how, wrap) => {
    const j = await judgePickle(wrap(osSystem(2)));
    expect(find(j, 'pickle/nested-pickle')[0]?.severity).toBe('warning');
    const inner = j.findings.find((f) => f.ruleId === 'pickle/dangerous-call');
    expect(inner?.path).toEqual(['test.pkl', expect.stringMatching(/^<const@\d+>$/)]);
  });
});

/** zlib container (RFC 1950) around deflate, as zlib.compress writes it. */
function zlib(p: Uint8Array): Uint8Array {
  let a = 1, b = 0;
  for (const c of p) { a = (a + c) % 65521; b = (b + a) % 65521; }
  const adler = ((b << 16) | a) >>> 0;
  return concat(new Uint8Array([0x78, 0x9c]), deflateSync(p), new Uint8Array([adler >>> 24, (adler >>> 16) & 255, (adler >>> 8) & 255, adler & 255]));
}

describe('streams, junk, truncation and frames', () => {
  it('two stacked pickles: the second one’s call is found', async () => {
    const j = await judgePickle(concat(asm().proto(2).op('EMPTY_DICT').stop().build(), osSystem(2)));
    expect(j.notes['test.pkl']!.streams).toBe(2);
    expect(find(j, 'pickle/dangerous-call')[0]?.offset).toBeGreaterThan(4);
  });

  it('junk between two pickles is reported, swept, and the scan resynchronises to the malicious one', async () => {
    const j = await judgePickle(concat(asm().proto(2).op('NONE').stop().build(), 'JUNKJUNKJUNK\x01\x02', osSystem(2)));
    expect(find(j, 'pickle/bytes-after-stop')[0]).toMatchObject({ offset: 4, severity: 'warning' });
    expect(j.children[0]).toMatchObject({ path: ['test.pkl', '<after-stop@4>'], size: 14 });
    expect(find(j, 'pickle/dangerous-call')).toHaveLength(1);
  });

  it('truncated stream with exec before the cut: CRITICAL call, then pickle/truncated and a format error', async () => {
    const b = asm().proto(2).call('builtins', 'exec', ['import os']).op('BINUNICODE', 'cut here').build();
    const j = await judgePickle(b.subarray(0, b.length - 4));
    expect(find(j, 'pickle/dangerous-call')[0]?.severity).toBe('critical');
    expect(find(j, 'pickle/truncated')).toHaveLength(1);
    expect(j.error?.message).toMatch(/truncated/);
  });

  it('a 2 GB BINBYTES8 declared but truncated is a truncation found without allocating', async () => {
    const b = asm().proto(4).declared('BINBYTES8', 2n ** 31n, new Uint8Array(16)).stop().build();
    const j = await judgePickle(b);
    expect(find(j, 'pickle/truncated')[0]?.message).toMatch(/BINBYTES8 of 2147483648 bytes/);
  });

  it('an opcode straddling a FRAME boundary is a parser-differential WARNING (and the call is still seen)', async () => {
    const body = osSystem(2).subarray(2);
    const j = await judgePickle(framed(4, body, 5));
    expect(find(j, 'pickle/frame-mismatch')[0]?.message).toMatch(/runs past the end of its frame/);
    expect(find(j, 'pickle/dangerous-call')).toHaveLength(1);
  });

  it('a FRAME lying about its length hides os.system from frame-honouring parsers: the split re-read finds it', async () => {
    // FRAME 2 covers 'B' and one length byte; a strict-frame parser resumes at the frame end and reads
    // the BINBYTES data as opcodes: GLOBAL os system ... REDUCE.
    const hidden = asm().global('os', 'system').op('UNICODE', 'echo pwned').op('TUPLE1').op('REDUCE').mark().op('NONE').build();
    const b = concat(asm().proto(4).op('FRAME', 2).build(), new Uint8Array([0x42, hidden.length, 0, 0, 0]), hidden,
      asm().op('POP').op('NONE').stop().build());
    const j = await judgePickle(b);
    expect(find(j, 'pickle/frame-mismatch')).toHaveLength(1);
    expect(j.findings.find((f) => f.ruleId === 'pickle/dangerous-call')?.path[1]).toMatch(/^<frame-split@\d+>$/);
  });

  it('a FRAME claiming more bytes than exist is reported', async () => {
    const j = await judgePickle(framed(4, asm().op('NONE').stop().build(), 1000));
    expect(find(j, 'pickle/frame-mismatch')[0]?.message).toMatch(/declares 1000 bytes/);
  });

  it('an unknown opcode is reported and calls before it stay CRITICAL', async () => {
    const b = concat(asm().proto(2).call('posix', 'system', ['id']).build(), new Uint8Array([0xff]));
    const j = await judgePickle(b);
    expect(rulesOf(j)).toEqual(expect.arrayContaining(['pickle/dangerous-call', 'pickle/unknown-opcode']));
  });
});

describe('benign ML pickles', () => {
  it('a state_dict-like pickle (OrderedDict + torch._utils._rebuild_tensor_v2 with PERSID storages) raises nothing above INFO', async () => {
    const a = asm().proto(2).global('collections', 'OrderedDict').op('EMPTY_TUPLE').op('REDUCE').op('BINPUT', 0).mark();
    for (let i = 0; i < 3; i++) {
      a.str(`layer${i}.weight`).global('torch._utils', '_rebuild_tensor_v2').mark()
        .mark().str('storage').global('torch', 'FloatStorage').str(String(i)).str('cpu').int(16).op('TUPLE').op('BINPERSID')
        .int(0).int(4).int(4).op('TUPLE2').int(4).int(1).op('TUPLE2').op('NEWFALSE').global('collections', 'OrderedDict').op('EMPTY_TUPLE').op('REDUCE')
        .op('TUPLE').op('REDUCE');
    }
    const j = await judgePickle(a.op('SETITEMS').stop().build());
    expect(rulesOf(j)).toEqual([]);
    expect(j.notes['test.pkl']!.imports).toEqual(['collections.OrderedDict', 'torch._utils._rebuild_tensor_v2', 'torch.FloatStorage']);
  });
});
