// The recall sweep of 2026-12 (fixtures/recall-2026-12, MANIFEST.md): attacks a red-teamer builds after
// reading the README, each beside the benign look-alike that must stay silent. Files made by the real
// tools come from generate.py; shapes no tool writes (a pickle deep inside a multi-MiB constant, crafted
// candidate floods) are built here with the opcode assembler.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scan, fromBytes, SEVERITY_RANK, type FileReport } from '../../src/engine';
import { gunzipSync } from 'fflate';
import { asm, concat, type PickleAsm } from '../builders/pickle';
import { EMBED_SEARCH_CHUNK, EmbedSearch, embeddedPickleAt, MAX_EMBED_SNIFFS } from '../../src/engine/formats/pickle/embedded';

const ROOT = join(process.cwd(), 'fixtures', 'recall-2026-12');
interface Entry { file: string; tool: string; version: string; how: string }
const MANIFEST: Entry[] = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));

const alarms = (r: FileReport) => r.findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK.warning)
  .map((f) => `${f.severity} ${f.ruleId} ${f.message}`);
/** Fixtures over 1 MiB are committed gzipped (.pkl.gz) and scanned as the file they hold (zeros would trip the bomb ratio). */
const scanFile = (rel: string) => {
  const raw = new Uint8Array(readFileSync(join(ROOT, rel)));
  return rel.endsWith('.pkl.gz') ? scan(fromBytes(gunzipSync(raw), rel.split('/').pop()!.slice(0, -3))) : scan(fromBytes(raw, rel.split('/').pop()!));
};
const scanBytes = (b: Uint8Array, name = 'x.pkl') => scan(fromBytes(b, name));
/** RECALL_DUMP=<dir> writes the crafted inputs there (to compare verdicts with another build's CLI). */
const dump = (name: string, b: Uint8Array) => { if (process.env.RECALL_DUMP) writeFileSync(join(process.env.RECALL_DUMP, name), b); };
const critical = (r: FileReport) => r.findings.filter((f) => f.severity === 'critical');

/** pickle.dumps of an object whose __reduce__ is (posix.system, ('echo pwned',)), protocol 4. */
const PAYLOAD = asm().proto(4).stackGlobal('posix', 'system').str('echo pwned').op('TUPLE1').op('REDUCE').stop().build();

/** Pseudo-random bytes (xorshift), the stand-in for weights; deterministic so failures reproduce. */
function noise(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; out[i] = x & 0xff; }
  return out;
}

/** A pickle of {'w': <bytes>} as pickle.dumps writes it for a bytes value (BINBYTES), built without the assembler's per-byte copy. */
function holding(blob: Uint8Array): Uint8Array {
  const len = new Uint8Array(4);
  new DataView(len.buffer).setUint32(0, blob.length, true);
  return concat(asm().proto(4).op('EMPTY_DICT').str('w').build(), new Uint8Array([0x42]), len, blob, asm().op('SETITEM').stop().build());
}

describe('gap 1: a compressed pickle inside a pickle\'s bytes constant', () => {
  for (const codec of ['bz2', 'xz', 'lzma', 'lz4', 'zstd', 'gzip']) {
    it(`${codec}(pickle.dumps(os.system payload)) kept as bytes: the payload's call is CRITICAL on the decompressed child`, async () => {
      const r = await scanFile(`malicious/${codec}-pickle-in-bytes.pkl`);
      const hit = critical(r).find((f) => f.ruleId === 'pickle/dangerous-call');
      expect(hit?.message).toMatch(/system/);
      expect(hit?.location.path.join(' > ')).toMatch(/<const@\d+>/);
    });
    it(`${codec}(English text) kept as bytes stays below WARNING and complete`, async () => {
      const r = await scanFile(`benign/${codec}-text-in-bytes.pkl`);
      expect(alarms(r)).toEqual([]);
      expect(r.complete).toBe(true);
    });
  }
});

describe('gap 2: a pickle hidden deep inside a bytes constant larger than 1 MiB', () => {
  it('os.system pickle at byte 1.5 MiB of a 3 MiB constant of noise is found and its call is CRITICAL', async () => {
    const blob = concat(noise(1536 * 1024), PAYLOAD, noise(1536 * 1024, 9));
    const r = await scanBytes(holding(blob));
    expect(r.findings.find((f) => f.ruleId === 'pickle/nested-pickle')?.message).toMatch(/at its byte 1572864/);
    const hit = critical(r).find((f) => f.ruleId === 'pickle/dangerous-call');
    expect(hit?.location.path.at(-1)).toMatch(/^<const@\d+\+1572864>$/);
  });

  it('a pickle straddling a chunk boundary of the search is found (the lookahead window)', async () => {
    const blob = concat(noise(4 * EMBED_SEARCH_CHUNK - 3), PAYLOAD, noise(4096));
    const r = await scanBytes(holding(blob));
    expect(critical(r).some((f) => f.ruleId === 'pickle/dangerous-call')).toBe(true);
  });

  it('a 6 MiB constant of noise, uint16 tokens full of 640 (80 02 80 02 ...) and stray 80 03 bytes stays silent and complete', async () => {
    const tokens = new Uint8Array(1024 * 1024);
    for (let i = 0; i < tokens.length; i += 2) { tokens[i] = 0x80; tokens[i + 1] = 0x02; }
    const stray = noise(1024 * 1024, 3);
    for (let i = 0; i < stray.length; i += 997) { stray[i] = 0x80; stray[i + 1] = 0x03; }
    const r = await scanBytes(holding(concat(noise(4 * 1024 * 1024), tokens, stray)));
    expect(alarms(r)).toEqual([]);
    expect(r.complete).toBe(true);
  });

  it('a 96 MiB constant of noise is searched in bounded time (no quadratic scan)', async () => {
    const file = holding(noise(96 * 1024 * 1024, 5));
    const t = performance.now();
    const r = await scanBytes(file);
    const ms = performance.now() - t;
    expect(alarms(r)).toEqual([]);
    expect(r.complete).toBe(true);
    expect(ms).toBeLessThan(15_000); // about 0.3 s alone; generous for a loaded CI machine
  });
});

describe('gap 2b: constants over 1 MiB that are themselves an (encoded) pickle', () => {
  it.each(['malicious/big-base64-pickle-string.pkl.gz', 'malicious/big-raw-pickle-bytes.pkl.gz'])(
    '%s: a nested pickle that opens with a 1.6 MB string (past the kept prefix) is still scanned and its call is CRITICAL', async (file) => {
      const r = await scanFile(file);
      expect(r.findings.some((f) => f.ruleId === 'pickle/nested-pickle')).toBe(true);
      expect(critical(r).some((f) => f.ruleId === 'pickle/dangerous-call' && /posix\.system/.test(f.message))).toBe(true);
    });

  it.each(['benign/torch-dumps-big-tensor-p2.pkl.gz', 'benign/torch-dumps-big-tensor-p4.pkl.gz'])(
    '%s (pickle.dumps of a 1.2 MB tensor: a legacy torch stream as bytes or as a latin-1 string) stays below WARNING and complete', async (file) => {
      const r = await scanFile(file);
      expect(alarms(r)).toEqual([]);
      expect(r.complete).toBe(true);
    });

  it('a 2 MB base64 string of noise and a 2 MB hex string of hashes stay silent and complete', async () => {
    const b64 = Buffer.from(noise(1536 * 1024, 11)).toString('base64');
    const hex = Buffer.from(noise(1024 * 1024, 12)).toString('hex');
    for (const text of [b64, hex, '80' + hex.slice(2)]) {
      const r = await scanBytes(asm().proto(4).op('BINUNICODE', text).stop().build());
      expect(alarms(r)).toEqual([]);
      expect(r.complete).toBe(true);
    }
  });
});

describe('the embedded-pickle search is bounded against crafted candidate floods', () => {
  it('1 MiB of 80 02 ff (a candidate every 3 bytes that no opcode walk accepts) costs no strict parse', () => {
    const b = new Uint8Array(1024 * 1024);
    for (let i = 0; i + 2 < b.length; i += 3) { b[i] = 0x80; b[i + 1] = 0x02; b[i + 2] = 0xff; }
    const s = new EmbedSearch();
    const t = performance.now();
    expect(embeddedPickleAt(b, s)).toBeNull();
    expect(s.sniffs).toBe(0);
    expect(performance.now() - t).toBeLessThan(1000); // was 7 s before the walk
  });

  it('candidates that pass the opcode walk and then fail stop at MAX_EMBED_SNIFFS: the file is incomplete, not clean', async () => {
    // PROTO 2, seven NONEs (a valid walk), then POPs past the bottom of the stack (the strict parse fails).
    const unit = [0x80, 0x02, ...Array(7).fill(0x4e), ...Array(9).fill(0x30)];
    const b = new Uint8Array(512 * 1024);
    for (let i = 0; i + unit.length <= b.length; i += unit.length) b.set(unit, i);
    const file = holding(b);
    const t = performance.now();
    const r = await scanBytes(file);
    expect(performance.now() - t).toBeLessThan(5000);
    expect(r.complete).toBe(false);
    expect(r.findings.find((f) => f.ruleId === 'scan/limit-reached')?.message).toMatch(new RegExp(`after ${MAX_EMBED_SNIFFS} candidate`));
  });

  it('more nested pickles than the per-file quota make the file incomplete instead of skipping the last one', async () => {
    const a = asm().proto(4).op('EMPTY_LIST').op('MARK');
    const inner = asm().proto(4).op('EMPTY_DICT').op('MARK').str('learning_rate').int(1).op('SETITEMS').stop().build();
    for (let i = 0; i < 300; i++) a.bytes(concat(inner, new Uint8Array([i & 0xff, i >> 8])));
    a.bytes(PAYLOAD);
    const r = await scanBytes(a.op('APPENDS').stop().build());
    expect(r.complete).toBe(false);
    expect(r.findings.some((f) => f.ruleId === 'scan/limit-reached' && /nested payloads/.test(f.message))).toBe(true);
  });
});

describe('gap 3: file-reading gadgets called from a pickle on a path it names', () => {
  it.each([
    ['malicious/scipy-loadmat.pkl', /scipy\.io\.matlab\._mio\.loadmat on '\/tmp\/planted\.mat'/],
    ['malicious/lightgbm-booster-model-file.pkl', /lightgbm\.basic\.Booster on '\/tmp\/planted\.txt'/],
  ])('%s is a nested-load WARNING naming the loader and the path', async (file, message) => {
    const r = await scanFile(file);
    expect(r.findings.find((f) => f.ruleId === 'pickle/nested-load')).toMatchObject({ severity: 'warning', message: expect.stringMatching(message) });
  });

  it.each(['malicious/numpy-load-allow-pickle.pkl', 'malicious/joblib-load.pkl', 'malicious/torch-load.pkl'])(
    '%s (a loader that unpickles) is a CRITICAL dangerous call', async (file) => {
      const r = await scanFile(file);
      expect(critical(r).some((f) => f.ruleId === 'pickle/dangerous-call')).toBe(true);
    });

  it('a LightGBM Booster pickled by lightgbm itself (rebuilt by copyreg, model string in its state) stays silent', async () => {
    const r = await scanFile('benign/lightgbm-booster.pkl');
    expect(alarms(r)).toEqual([]);
  });

  it('Booster() without model_file, and a Booster constructed by NEWOBJ_EX with model_file (only __new__ runs), stay below WARNING', async () => {
    const plain = asm().proto(2).call('lightgbm.basic', 'Booster', []).stop().build();
    expect(alarms(await scanBytes(plain))).toEqual([]);
    const newobj = asm().proto(4).stackGlobal('lightgbm.basic', 'Booster').op('EMPTY_TUPLE').op('EMPTY_DICT')
      .str('model_file').str('/tmp/m.txt').op('SETITEM').op('NEWOBJ_EX').stop().build();
    expect(alarms(await scanBytes(newobj))).toEqual([]);
  });
});

describe('chat templates that compute an attribute name at render time', () => {
  it.each(['malicious/tokenizer-map-attribute/chat_template.jinja', 'malicious/tokenizer-selectattr-computed/chat_template.jinja', 'malicious/gguf-map-attribute.gguf'])(
    '%s (map(attribute=...) / selectattr(...) fed a name built from variables) is a CRITICAL dynamic attribute', async (file) => {
      const r = await scanFile(file);
      const messages = critical(r).filter((f) => f.ruleId === 'jinja/dynamic-attribute').map((f) => f.message);
      expect(messages.some((m) => /gives the (map|selectattr) filter an attribute name computed at render time|builds the attribute name __(globals|class)__/.test(m))).toBe(true);
    });

  it('a template that filters messages with literal names (selectattr(\'role\', ...), map(attribute=\'content\')) stays silent', async () => {
    expect(alarms(await scanFile('benign/tokenizer-attribute-literal/chat_template.jinja'))).toEqual([]);
  });
});

describe('chat templates that build dunders from names bound by {% set %}', () => {
  it('u = \'_\' ~ \'_\' then \'\'[u ~ \'class\' ~ u][u ~ \'mro\' ~ u][1][u ~ \'subclasses\' ~ u]() is CRITICAL', async () => {
    const r = await scanFile('malicious/tokenizer-set-bound-dunders/chat_template.jinja');
    expect(critical(r).filter((f) => f.ruleId === 'jinja/dunder-access').map((f) => f.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/__class__/), expect.stringMatching(/__subclasses__/)]));
  });

  it('a name set to a plain key (key = \'content\') and used as m[key], selectattr(key), map(attribute=key) stays silent', async () => {
    expect(alarms(await scanFile('benign/tokenizer-set-bound-key/chat_template.jinja'))).toEqual([]);
  });
});

describe('safetensors __metadata__ carrying a packed pickle', () => {
  it('base64(zlib(pickle of os.system)) in a metadata value is an encoded payload naming the pickle', async () => {
    const r = await scanFile('malicious/safetensors-meta-b64-zlib-pickle.safetensors');
    expect(r.findings.find((f) => f.ruleId === 'strings/encoded-payload')?.message).toMatch(/base64 string decodes to zlib data of a pickle \(protocol 4\) that imports posix\.system/);
  });

  it('base64(zlib(training-config JSON)) stays silent', async () => {
    expect(alarms(await scanFile('benign/safetensors-meta-b64-zlib-json.safetensors'))).toEqual([]);
  });
});

/**
 * A joblib stream of one NumpyArrayWrapper (joblib 1.2+ layout without the alignment key, so no padding
 * byte): `state` pushes the BUILD state; `data` are the raw bytes joblib reads; `after` are opcodes that
 * run once the array is read, then STOP.
 */
function joblibArray(state: (a: PickleAsm) => PickleAsm, data: Uint8Array, after: Uint8Array = new Uint8Array(0)): Uint8Array {
  const head = state(asm().proto(4).stackGlobal('joblib.numpy_pickle', 'NumpyArrayWrapper').op('EMPTY_TUPLE').op('NEWOBJ')).op('BUILD').build();
  return concat(head, data, after, asm().stop().build());
}
/** numpy.dtype(str, False, True) with its BUILD state as numpy writes it (elsize -1 unless given). */
const dtype = (a: PickleAsm, str: string, elsize = -1) => a.stackGlobal('numpy', 'dtype').mark().str(str).op('NEWFALSE').op('NEWTRUE').op('TUPLE').op('REDUCE')
  .mark().int(3).str('|').op('NONE').op('NONE').op('NONE').op('BININT', elsize).op('BININT', -1).int(0).op('TUPLE').op('BUILD');
const wrapperState = (a: PickleAsm, dt: string, n: number, elsize = -1) => dtype(a.op('EMPTY_DICT').op('MARK').str('subclass').stackGlobal('numpy', 'ndarray')
  .str('shape').int(n).op('TUPLE1').str('order').str('C').str('dtype'), dt, elsize).str('allow_mmap').op('NEWFALSE');
/** posix.system('id') run right after the array is read, padded with NONE/POP pairs to `len` bytes. */
function hidden(len: number): Uint8Array {
  const call = asm().global('posix', 'system').str('id').op('TUPLE1').op('REDUCE').op('POP').build();
  const pad = new Uint8Array(len - call.length);
  for (let i = 0; i < pad.length; i += 2) { pad[i] = 0x4e; pad[i + 1] = 0x30; }
  return concat(call, pad.length % 2 ? pad.subarray(0, pad.length - 1) : pad, pad.length % 2 ? new Uint8Array([0x4e]) : new Uint8Array(0));
}

describe('joblib inline arrays: the scan skips exactly what joblib reads', () => {
  // 24 items: joblib reads 24 bytes as 'u1'; a scan that believed 'f8' would skip 192 and miss what runs in between.
  const data = new Uint8Array(24);
  it('a duplicate dtype key (f8 first, u1 last: Python keeps the last) does not hide the call joblib runs after 24 bytes', async () => {
    const b = joblibArray((a) => dtype(wrapperState(a, 'f8', 24).str('dtype'), 'u1').op('SETITEMS'), data, hidden(168));
    dump('joblib-duplicate-dtype.joblib', b);
    const r = await scanBytes(b, 'model.joblib');
    expect(critical(r).some((f) => f.ruleId === 'pickle/dangerous-call' && /posix\.system/.test(f.message))).toBe(true);
  });

  it('a (dict, slotstate) BUILD whose slot state sets dtype u1 over the dict\'s f8 does not hide the call either', async () => {
    const b = joblibArray((a) => dtype(wrapperState(a, 'f8', 24).op('SETITEMS').op('EMPTY_DICT').str('dtype'), 'u1').op('SETITEM').op('TUPLE2'), data, hidden(168));
    dump('joblib-slotstate-dtype.joblib', b);
    const r = await scanBytes(b, 'model.joblib');
    expect(critical(r).some((f) => f.ruleId === 'pickle/dangerous-call')).toBe(true);
  });

  it('a u1 dtype whose pickled state claims elsize 8 (numpy ignores it for numeric dtypes) does not hide the call', async () => {
    const b = joblibArray((a) => wrapperState(a, 'u1', 24, 8).op('SETITEMS'), data, hidden(168));
    dump('joblib-elsize-lie.joblib', b);
    const r = await scanBytes(b, 'model.joblib');
    expect(critical(r).some((f) => f.ruleId === 'pickle/dangerous-call')).toBe(true);
  });

  it('an alignment attribute that is not an int (\'16\': joblib reads the padding byte when it is not None) does not shift the scan', async () => {
    // joblib: padding byte 5, five pad bytes, 24 array bytes, then the call. A scan that ignored the
    // padding would start 6 bytes early, where a BINBYTES header swallows the call as data.
    const swallow = asm().op('BINBYTES', new Uint8Array(0)).build().subarray(0, 1);
    const pad = concat(new Uint8Array([5]), swallow, new Uint8Array([40, 0, 0, 0]), new Uint8Array(24));
    const b = joblibArray((a) => wrapperState(a, 'u1', 24).str('numpy_array_alignment_bytes').str('16').op('SETITEMS'), pad, hidden(40));
    dump('joblib-alignment-str.joblib', b);
    const r = await scanBytes(b, 'model.joblib');
    expect(critical(r).some((f) => f.ruleId === 'pickle/dangerous-call')).toBe(true);
  });

  it('a wrapper whose dtype is computed is a WARNING and the file is incomplete', async () => {
    const b = joblibArray((a) => a.op('EMPTY_DICT').op('MARK').str('shape').int(24).op('TUPLE1').str('dtype').call('mylib', 'pick_dtype', []).op('SETITEMS'), data);
    const r = await scanBytes(b, 'model.joblib');
    expect(r.findings.some((f) => f.ruleId === 'pickle/joblib-array-unresolved')).toBe(true);
    expect(r.complete).toBe(false);
  });

  it('joblib.dump of S5, U3, structured, datetime, timedelta, complex, bool, float16 and Fortran arrays stays silent and complete', async () => {
    const r = await scanFile('benign/joblib-dtypes.joblib');
    expect(alarms(r)).toEqual([]);
    expect(r.complete).toBe(true);
  });
});

describe('.npy headers that literal_eval reads as an object array, however they are spelled', () => {
  it.each(['concat', 'u-prefix', 'triple-quoted', 'raw-string', 'hex-shape'])(
    'npy-header-%s.npy: the object array\'s pickle is scanned and its call is CRITICAL', async (k) => {
      const r = await scanFile(`malicious/npy-header-${k}.npy`);
      expect(critical(r).some((f) => f.ruleId === 'pickle/dangerous-call' && /posix\.system/.test(f.message))).toBe(true);
      expect(r.findings.some((f) => f.ruleId === 'format/malformed')).toBe(false);
    });
});

describe('__main__ names that walk through a conventional import alias', () => {
  it('GLOBAL __main__ np.load (numpy.load in a script that ran import numpy as np) is a CRITICAL dangerous call', async () => {
    const r = await scanFile('malicious/main-np-load.pkl');
    expect(critical(r).find((f) => f.ruleId === 'pickle/dangerous-call')?.message).toMatch(/__main__\.np\.load, which is numpy\.load when the program imported numpy as np/);
  });

  it('a class of the loading script (__main__.Net, __main__.Outer.Inner, __main__.np_utils) stays INFO', async () => {
    for (const name of ['Net', 'Outer.Inner', 'np_utils']) {
      const r = await scanBytes(asm().proto(4).stackGlobal('__main__', name).op('EMPTY_TUPLE').op('REDUCE').stop().build());
      expect(alarms(r)).toEqual([]);
    }
  });
});

describe('HDF5 attributes that PyTables unpickles when they are read', () => {
  it('a PyTables node attribute holding a pickle of os.system is scanned as a pickle: CRITICAL on <attr /w@cfg>', async () => {
    const r = await scanFile('malicious/pytables-pickled-attribute.h5');
    const hit = critical(r).find((f) => f.ruleId === 'pickle/dangerous-call');
    expect(hit?.location.path.at(-1)).toBe('<attr /w@cfg>');
  });

  it('a pandas HDFStore (table format: pickled index and column lists in attributes) stays below WARNING and complete', async () => {
    const r = await scanFile('benign/pandas-hdfstore.h5');
    expect(alarms(r)).toEqual([]);
    expect(r.complete).toBe(true);
  });
});

describe('recall-2026-12: the manifest and the folder agree', () => {
  it('every generated file is listed once', () => {
    expect(new Set(MANIFEST.map((e) => e.file)).size).toBe(MANIFEST.length);
    for (const e of MANIFEST) expect(() => readFileSync(join(ROOT, e.file))).not.toThrow();
  });
});
