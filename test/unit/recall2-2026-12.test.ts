// The gaps the recall sweep of 2026-12 left open (fixtures/recall-2026-12/MANIFEST.md, "Known gaps"),
// each attack built here with the opcode assembler beside the benign look-alike that must stay silent.
import { describe, expect, it } from 'vitest';
import { scan, fromBytes, SEVERITY_RANK, type FileReport } from '../../src/engine';
import { asm, concat } from '../builders/pickle';
import { gzipSync, zlibSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(process.cwd(), 'fixtures', 'recall2-2026-12');
const scanFile = (rel: string) => scan(fromBytes(new Uint8Array(readFileSync(join(ROOT, rel))), rel.split('/').pop()!));
const critical = (r: FileReport) => r.findings.filter((f) => f.severity === 'critical');

const alarms = (r: FileReport) => r.findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK.warning)
  .map((f) => `${f.severity} ${f.ruleId} ${f.message}`);
const scanBytes = (b: Uint8Array, name = 'x.pkl') => scan(fromBytes(b, name));
const loadWarning = (r: FileReport) => r.findings.find((f) => f.ruleId === 'pickle/nested-load');

describe('a file loader reached through functools.partial, as pickle.dumps writes it (fixtures)', () => {
  it.each([
    ['malicious/partial-scipy-loadmat.pkl', /scipy\.io\.matlab\._mio\.loadmat bound by functools\.partial on '\/tmp\/planted\.mat'/],
    ['malicious/partial-lightgbm-booster.pkl', /lightgbm\.basic\.Booster bound by functools\.partial on '\/tmp\/planted\.txt'/],
  ])('%s is a nested-load WARNING naming the loader and the path', async (file, message) => {
    expect(loadWarning(await scanFile(file))).toMatchObject({ severity: 'warning', message: expect.stringMatching(message) });
  });

  it('functools.partial(lightgbm.Booster, params=...) (no file bound) stays below WARNING', async () => {
    expect(alarms(await scanFile('benign/partial-lightgbm-params.pkl'))).toEqual([]);
  });
});

describe('base64 or hex text of a bz2, xz or lz4 stream in a string constant', () => {
  for (const enc of ['base64', 'hex']) {
    for (const codec of ['bz2', 'xz', 'lz4']) {
      it(`${enc}(${codec}(pickle.dumps(os.system payload))) as a str: the payload's call is CRITICAL on the decompressed child`, async () => {
        const r = await scanFile(`malicious/${enc}-${codec}-pickle-in-str.pkl`);
        const hit = critical(r).find((f) => f.ruleId === 'pickle/dangerous-call');
        expect(hit?.message).toMatch(/system/);
        expect(hit?.location.path.join(' > ')).toMatch(/<const@\d+>/);
      });
      it(`${enc}(${codec}(English text)) as a str stays below WARNING and complete`, async () => {
        const r = await scanFile(`benign/${enc}-${codec}-text-in-str.pkl`);
        expect(alarms(r)).toEqual([]);
        expect(r.complete).toBe(true);
      });
    }
  }

  it('base64 text that merely starts like a codec magic (BZh, then not bz2) is not opened and stays silent', async () => {
    const fake = btoa('BZh9' + 'not a bzip2 stream at all, only prose that happens to start with BZh9. '.repeat(3));
    const r = await scanBytes(asm().proto(4).op('EMPTY_DICT').str('note').str(fake).op('SETITEM').stop().build());
    expect(alarms(r)).toEqual([]);
    expect(r.findings.some((f) => f.location.path.some((p) => p.startsWith('<const@')))).toBe(false);
  });
});

describe('a file loader reached through functools.partial or a __main__ import alias', () => {
  it('pickle.dumps(partial(scipy.io.loadmat, path)) (REDUCE partial(loadmat), BUILD (loadmat, (path,), {}, None)) is a nested-load WARNING naming the path', async () => {
    const b = asm().proto(4).stackGlobal('functools', 'partial').stackGlobal('scipy.io.matlab._mio', 'loadmat').op('TUPLE1').op('REDUCE')
      .mark().stackGlobal('scipy.io.matlab._mio', 'loadmat').str('/tmp/planted.mat').op('TUPLE1').op('EMPTY_DICT').op('NONE').op('TUPLE')
      .op('BUILD').stop().build();
    const r = await scanBytes(b);
    expect(loadWarning(r)).toMatchObject({ severity: 'warning',
      message: expect.stringMatching(/scipy\.io\.matlab\._mio\.loadmat bound by functools\.partial on '\/tmp\/planted\.mat'/) });
  });

  it('pickle.dumps(partial(lightgbm.Booster, model_file=path)) (the file as a bound keyword in the BUILD state) is a nested-load WARNING', async () => {
    const b = asm().proto(4).stackGlobal('functools', 'partial').stackGlobal('lightgbm.basic', 'Booster').op('TUPLE1').op('REDUCE')
      .mark().stackGlobal('lightgbm.basic', 'Booster').op('EMPTY_TUPLE').op('EMPTY_DICT').str('model_file').str('/tmp/planted.txt').op('SETITEM')
      .op('NONE').op('TUPLE').op('BUILD').stop().build();
    const r = await scanBytes(b);
    expect(loadWarning(r)?.message).toMatch(/lightgbm\.basic\.Booster bound by functools\.partial on '\/tmp\/planted\.txt'/);
  });

  it('partial(lightgbm.Booster, None, None, path) built by one REDUCE, and by NEWOBJ_EX with model_file, are nested-load WARNINGs', async () => {
    const reduce = asm().proto(4).stackGlobal('_functools', 'partial').mark().stackGlobal('lightgbm', 'Booster').op('NONE').op('NONE')
      .str('/tmp/planted.txt').op('TUPLE').op('REDUCE').stop().build();
    expect(loadWarning(await scanBytes(reduce))?.severity).toBe('warning');
    const newobj = asm().proto(4).stackGlobal('functools', 'partial').stackGlobal('lightgbm.basic', 'Booster')
      .op('TUPLE1').op('EMPTY_DICT').str('model_file').str('/tmp/planted.txt').op('SETITEM').op('NEWOBJ_EX').stop().build();
    expect(loadWarning(await scanBytes(newobj))?.message).toMatch(/Booster bound by functools\.partial on '\/tmp\/planted\.txt'/);
  });

  it('GLOBAL __main__ sp.io.loadmat and __main__ lgb.Booster called on a path are nested-load WARNINGs naming the library path', async () => {
    const mat = asm().proto(4).stackGlobal('__main__', 'sp.io.loadmat').str('/tmp/planted.mat').op('TUPLE1').op('REDUCE').stop().build();
    expect(loadWarning(await scanBytes(mat))).toMatchObject({ severity: 'warning',
      message: expect.stringMatching(/__main__\.sp\.io\.loadmat \(scipy\.io\.loadmat under the program's import alias\) on '\/tmp\/planted\.mat'/) });
    const lgb = asm().proto(4).stackGlobal('__main__', 'lgb.Booster').mark().op('NONE').op('NONE').str('/tmp/planted.txt').op('TUPLE').op('REDUCE').stop().build();
    expect(loadWarning(await scanBytes(lgb))?.message).toMatch(/lightgbm\.Booster/);
  });

  it('a partial of an ordinary function (partial(numpy.clip, a_min=0)), partial(lightgbm.Booster, params=...) and __main__ sp.io.loadmat uncalled stay below WARNING', async () => {
    const clip = asm().proto(4).stackGlobal('functools', 'partial').stackGlobal('numpy', 'clip').op('TUPLE1').op('REDUCE')
      .mark().stackGlobal('numpy', 'clip').op('EMPTY_TUPLE').op('EMPTY_DICT').str('a_min').int(0).op('SETITEM').op('NONE').op('TUPLE')
      .op('BUILD').stop().build();
    expect(alarms(await scanBytes(clip))).toEqual([]);
    const params = asm().proto(4).stackGlobal('functools', 'partial').stackGlobal('lightgbm.basic', 'Booster').op('TUPLE1').op('REDUCE')
      .mark().stackGlobal('lightgbm.basic', 'Booster').op('EMPTY_TUPLE').op('EMPTY_DICT').str('params').op('EMPTY_DICT').op('SETITEM')
      .op('NONE').op('TUPLE').op('BUILD').stop().build();
    expect(alarms(await scanBytes(params))).toEqual([]);
    const ref = asm().proto(4).op('EMPTY_DICT').str('loader').stackGlobal('__main__', 'sp.io.loadmat').op('SETITEM').stop().build();
    expect(alarms(await scanBytes(ref))).toEqual([]);
  });
});

describe('a pickle that starts inside the decompressed bytes of a compressed constant', () => {
  for (const codec of ['bz2', 'xz', 'lz4', 'zlib', 'gzip']) {
    it(`${codec}(80-byte header + pickle.dumps(os.system payload)) kept as bytes: the payload is CRITICAL on <const@…> (decompressed)+80`, async () => {
      const r = await scanFile(`malicious/${codec}-offset-pickle-in-bytes.pkl`);
      const hit = critical(r).find((f) => f.ruleId === 'pickle/dangerous-call');
      expect(hit?.message).toMatch(/system/);
      expect(hit?.location.path.at(-1)).toMatch(/^<const@\d+> \(decompressed\)\+80$/);
    });
    it(`${codec}(English text + bytes 0..255) kept as bytes stays below WARNING and complete`, async () => {
      const r = await scanFile(`benign/${codec}-text-and-bytes.pkl`);
      expect(alarms(r)).toEqual([]);
      expect(r.complete).toBe(true);
    });
  }
});

describe('an ONNX external-data location that is a URL', () => {
  it.each([
    ['malicious/onnx-external-file-url.onnx', 'file:///etc/passwd', '<model folder>/file:/etc/passwd'],
    ['malicious/onnx-external-http-url.onnx', 'http://attacker.example/w.bin', '<model folder>/http:/attacker.example/w.bin'],
  ])('%s is an external-data-url WARNING saying onnx.load reads it as a path in the folder', async (file, url, path) => {
    const r = await scanFile(file);
    const hit = r.findings.find((f) => f.ruleId === 'onnx/external-data-url');
    expect(hit?.severity).toBe('warning');
    expect(hit?.message).toContain(`"${url}"`);
    expect(hit?.message).toContain(path);
    expect(r.findings.some((f) => f.ruleId === 'onnx/external-data-traversal')).toBe(false);
  });

  it('the same model with location model.onnx.data (what onnx.save_model writes) stays below WARNING', async () => {
    expect(alarms(await scanFile('benign/onnx-external-relative.onnx'))).toEqual([]);
  });
});

/**
 * Pseudo-random letters a-p (xorshift; 4 bits a byte): the stand-in for data deflate halves, so a 2 MB
 * filler gives a stream whose base64 is over 1 MiB. (Incompressible noise makes deflate blocks longer than
 * compressedHead's 4 KiB proof window, a limit of that proof left alone here.)
 */
function noise(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; out[i] = 0x61 + (x & 0x0f); }
  return out;
}
const u32 = (n: number) => { const b = new Uint8Array(4); new DataView(b.buffer).setUint32(0, n, true); return b; };
/** pickle.dumps({'payload': text}) with the text as BINUNICODE, built without the assembler's per-byte copy. */
const holdingText = (ascii: string) => concat(asm().proto(4).op('EMPTY_DICT').str('payload').build(), new Uint8Array([0x58]), u32(ascii.length),
  new TextEncoder().encode(ascii), asm().op('SETITEM').stop().build());
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

describe('a string constant over 1 MiB that is base64 of a compressed stream', () => {
  it('base64(gzip(pickle.dumps([2 MB of bytes, os.system payload]))) as a 1.5 MB str: the payload is CRITICAL on the decompressed child', async () => {
    const inner = concat(asm().proto(4).op('EMPTY_LIST').op('MARK').build(), new Uint8Array([0x42]), u32(2_000_000), noise(2_000_000),
      asm().stackGlobal('posix', 'system').str('echo pwned').op('TUPLE1').op('REDUCE').op('APPENDS').stop().build());
    const text = b64(gzipSync(inner));
    expect(text.length).toBeGreaterThan(1 << 20);
    const r = await scanBytes(holdingText(text));
    expect(critical(r).find((f) => f.ruleId === 'pickle/dangerous-call')?.message).toMatch(/posix\.system/);
  });

  it('base64(gzip(2 MB of letters)) as a 1.5 MB str stays below WARNING and complete', async () => {
    const r = await scanBytes(holdingText(b64(gzipSync(noise(2_000_000, 11)))));
    expect(alarms(r)).toEqual([]);
    expect(r.complete).toBe(true);
  });
});

describe('compressed constants whose content a format scanner reads whole', () => {
  it.each(['benign/gzip-torch-zip-in-bytes.pkl', 'benign/bz2-torch-zip-in-bytes.pkl', 'benign/bz2-npy-object-in-bytes.pkl'])(
    '%s (torch.save zip or an object .npy, compressed, kept as bytes: their pickles sit at offsets) stays below WARNING and complete', async (file) => {
      const r = await scanFile(file);
      expect(alarms(r)).toEqual([]);
      expect(r.complete).toBe(true);
    });
});

describe('a pickle deep inside a large compressed bytes constant', () => {
  it('zlib(18 MB of letters + pickle.dumps(os.system payload)) as a 9 MB bytes constant: the payload is CRITICAL at (decompressed)+18000000', async () => {
    const PAYLOAD = asm().proto(4).stackGlobal('posix', 'system').str('echo pwned').op('TUPLE1').op('REDUCE').stop().build();
    const z = zlibSync(concat(noise(18_000_000, 3), PAYLOAD), { level: 1 });
    const file = concat(asm().proto(4).op('EMPTY_DICT').str('w').build(), new Uint8Array([0x42]), u32(z.length), z, asm().op('SETITEM').stop().build());
    const r = await scanBytes(file);
    const hit = critical(r).find((f) => f.ruleId === 'pickle/dangerous-call');
    expect(hit?.location.path.at(-1)).toMatch(/^<const@\d+> \(decompressed\)\+18000000$/);
    expect(r.complete).toBe(true);
  }, 60_000);
});
