// Fuzzing: truncated, bit-flipped and spliced variants of every fixture go through the whole engine.
// The engine must never throw out of scan(), never hang, and always return a schema-valid report.
// Seeded (fast-check), so a failure reproduces; set FUZZ_RUNS to fuzz longer locally.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { scan, scanReport, fromBytes } from '../../src/engine';
import { reportProblems } from '../helpers/schema';
import { loadKnowledge } from '../../src/engine/formats/pickle/knowledge';

// The pickle knowledge base (an 8 MB data module) loads once per process on the first pickle; the hang
// limit below measures scanning, so load it before the clock starts.
beforeAll(async () => {
  await loadKnowledge();
}, 120_000);

const FIXTURE_ROOT = join(process.cwd(), 'fixtures');
const MAX_FIXTURE_BYTES = 256 * 1024;       // keeps one fuzz case in the milliseconds
const RUNS_PER_FIXTURE = Number(process.env.FUZZ_RUNS ?? 12);
const HANG_MS = 10_000;                     // one mutated input taking longer than this is a hang
// HDF5 is read by libhdf5 (h5wasm), synchronously: some corrupted files send libhdf5 itself into an
// endless loop while it reads an attribute (h5py hangs on the same bytes), which no timer in this
// thread can interrupt. The browser's pool terminates such a worker at the per-file timeout; the CLI
// cannot yet (known gap). Their fuzzing is therefore left out of this in-process run.
const IN_PROCESS_UNSAFE = /\.(h5|hdf5|keras)$/i;

function fixtures(dir = FIXTURE_ROOT): string[] {
  let out: string[] = [];
  let names: string[] = [];
  try { names = readdirSync(dir); } catch { return out; }
  for (const n of names.sort()) {
    const p = join(dir, n);
    const st = statSync(p);
    if (st.isDirectory()) out = out.concat(fixtures(p));
    else if (st.size > 0 && st.size <= MAX_FIXTURE_BYTES && !/\.(md|py|sh)$/.test(n) && !IN_PROCESS_UNSAFE.test(n)) out.push(p);
  }
  return out;
}

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'set'; at: number; value: number; width: number }
  | { kind: 'splice'; from: number; to: number; len: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.constantFrom(0, 0xff, 0x7f, 0x80, 0xffffffff, 0x7fffffff, 1), width: fc.constantFrom(1, 2, 4, 8) }),
  fc.record({ kind: fc.constant('splice' as const), from: fc.nat(), to: fc.nat(), len: fc.integer({ min: 1, max: 512 }) }),
);

function apply(base: Uint8Array, muts: Mutation[]): Uint8Array {
  let b = new Uint8Array(base);
  for (const m of muts) {
    if (b.length === 0) break;
    switch (m.kind) {
      case 'truncate': b = b.slice(0, Math.floor(b.length * m.at)); break;
      case 'flip': { const i = m.at % b.length; b[i] = b[i]! ^ (1 << m.bit); break; }
      case 'set': { const i = m.at % b.length; for (let k = 0; k < m.width && i + k < b.length; k++) b[i + k] = (m.value >>> (8 * (k % 4))) & 0xff; break; }
      case 'splice': {
        const from = m.from % b.length; const to = m.to % b.length;
        const chunk = b.slice(from, Math.min(b.length, from + m.len));
        const out = new Uint8Array(b.length + chunk.length);
        out.set(b.subarray(0, to)); out.set(chunk, to); out.set(b.subarray(to), to + chunk.length);
        b = out; break;
      }
    }
  }
  return b;
}

async function scanWithin(bytes: Uint8Array, name: string) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`hang: ${name} took over ${HANG_MS} ms`)), HANG_MS); });
  try {
    return await Promise.race([scan(fromBytes(bytes, name), { limits: { maxSweepBytes: 8 * 1024 * 1024 } }), hang]);
  } finally { clearTimeout(timer); }
}

const files = fixtures();

describe('fuzz: mutated fixtures never crash, hang, or break the report schema', () => {
  it('has fixtures to fuzz', () => { expect(files.length).toBeGreaterThan(0); });

  for (const file of files) {
    const rel = relative(process.cwd(), file);
    it(`survives mutations of ${rel}`, async () => {
      const base = new Uint8Array(readFileSync(file));
      const name = rel.split('/').pop()!;
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (muts) => {
          const r = await scanWithin(apply(base, muts), name);
          const report = JSON.parse(JSON.stringify(scanReport([r], { startedAt: new Date().toISOString(), durationMs: 0, options: {} })));
          const problems = reportProblems(report);
          if (problems.length) throw new Error(problems.join('; '));
          for (const f of r.findings) if (f.location.path[0] !== name) throw new Error(`finding outside the file: ${f.location.path}`);
        }),
        { seed: 0x6d67, numRuns: RUNS_PER_FIXTURE, endOnFailure: true },
      );
    }, 120_000);
  }
});

// The parsers of issue 12's formats-b (R, XGBoost UBJSON/legacy, LightGBM, Torch7, ORT, PMML DOCTYPE)
// called directly on mutated fixtures: they return data or throw FormatError, nothing else.
describe('fuzz: the R, GBDT, Torch7, ORT and PMML parsers only ever throw FormatError', async () => {
  const { FormatError } = await import('../../src/engine/types');
  const { parseSerialized } = await import('../../src/engine/formats/rdata/parse');
  const { parseUbjson } = await import('../../src/engine/formats/xgboost/ubjson');
  const { parseLegacy } = await import('../../src/engine/formats/xgboost/legacy');
  const { parseLightgbm } = await import('../../src/engine/formats/lightgbm/parse');
  const { parseT7 } = await import('../../src/engine/formats/torch7/parse');
  const { parseOrt } = await import('../../src/engine/formats/ort/parse');
  const { readDoctype } = await import('../../src/engine/formats/pmml/doctype');
  const executorch = await import('../../src/engine/formats/executorch/parse');
  const { parseHeader: pteHeader } = await import('../../src/engine/formats/executorch/header');
  const { gunzipSync } = await import('fflate');
  const fx = (p: string) => new Uint8Array(readFileSync(join(FIXTURE_ROOT, p)));
  const cases: Array<[string, Uint8Array, (b: Uint8Array) => unknown]> = [
    ['rdata xdr', fx('rdata/benign/xdr-v2.rds'), (b) => parseSerialized(b)],
    ['rdata ascii', fx('rdata/benign/ascii.rds'), (b) => parseSerialized(b)],
    ['rdata bytecode', gunzipSync(fx('rdata/benign/function-bytecode.rds')), (b) => parseSerialized(b)],
    ['rdata lm', gunzipSync(fx('rdata/benign/lm-model.rds')), (b) => parseSerialized(b)],
    ['xgboost ubjson', fx('gbdt/benign/xgb-binary.ubj'), (b) => parseUbjson(b, 64)],
    ['xgboost legacy', fx('gbdt/benign/xgb-legacy.model'), (b) => parseLegacy(b, 4)],
    ['lightgbm', fx('gbdt/benign/lgbm-binary.txt'), (b) => parseLightgbm(new TextDecoder().decode(b))],
    ['torch7', fx('torch7/benign/mlp.t7'), (b) => parseT7(b)],
    ['ort', fx('ort/benign/mlp.ort'), (b) => parseOrt(b, () => {})],
    ['pmml doctype', fx('pmml/malicious/billion-laughs.pmml'), (b) => readDoctype(new TextDecoder().decode(b))],
    ['executorch segments', fx('executorch/benign/add_xnnpack.pte'), (b) => executorch.parseProgram(executorch.inMemory(b, b.length), pteHeader(b.subarray(0, 64)))],
    ['executorch inline', fx('executorch/benign/inline_coreml.pte'), (b) => executorch.parseProgram(executorch.inMemory(b, b.length), pteHeader(b.subarray(0, 64)))],
  ];
  for (const [what, base, parse] of cases) {
    it(`${what}: mutated input parses or throws FormatError`, () => {
      fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (muts) => {
        try { parse(apply(base, muts)); } catch (e) { if (!(e instanceof FormatError)) throw e; }
      }), { seed: 0x6d68, numRuns: RUNS_PER_FIXTURE * 20 });
    });
  }
});

// Core ML (issue 13): the spec decoder + walk, the MIL weight-file walk and the .mlpackage manifest,
// called directly on mutated fixtures: they return data or throw FormatError, nothing else.
describe('fuzz: the Core ML spec, weight-file and manifest parsers only ever throw FormatError', async () => {
  const { FormatError } = await import('../../src/engine/types');
  const { loadDecoders, decodeSpec } = await import('../../src/engine/formats/coreml/spec');
  const { readBlobHeader, readBlobMetadata, nextMetadataOffset, readManifest } = await import('../../src/engine/formats/coreml/package');
  const { parseJson } = await import('../../src/engine/io/json');
  const C = await loadDecoders();
  const fx = (p: string) => new Uint8Array(readFileSync(join(FIXTURE_ROOT, 'coreml', p)));
  const pkg = 'benign/linear.mlpackage';
  const walkWeights = (b: Uint8Array) => {
    const h = readBlobHeader(b);
    for (let i = 0, at = 64; i < Math.min(h.count, 1000); i++) at = nextMetadataOffset(readBlobMetadata(b.subarray(at, at + 64), at, b.length));
  };
  const cases: Array<[string, Uint8Array, (b: Uint8Array) => unknown]> = [
    ['coreml ml program', fx(`${pkg}/Data/com.apple.CoreML/model.mlmodel`), (b) => decodeSpec(C, b, () => {})],
    ['coreml pipeline', fx('malicious/custom_model_in_pipeline.mlmodel'), (b) => decodeSpec(C, b, () => {})],
    ['coreml loop', fx('malicious/custom_layer_in_loop.mlmodel'), (b) => decodeSpec(C, b, () => {})],
    ['coreml weights', fx(`${pkg}/Data/com.apple.CoreML/weights/weight.bin`), walkWeights],
    ['coreml manifest', fx(`${pkg}/Manifest.json`), (b) => readManifest(parseJson(b, { maxDepth: 64 }).value)],
  ];
  for (const [what, base, parse] of cases) {
    it(`${what}: mutated input parses or throws FormatError`, () => {
      fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (muts) => {
        try { parse(apply(base, muts)); } catch (e) { if (!(e instanceof FormatError)) throw e; }
      }), { seed: 0x6d69, numRuns: RUNS_PER_FIXTURE * 20 });
    });
  }
});

// CNTK (issue 13): the v2 dictionary decoder + walk, called directly on mutated fixtures (a UDF model
// and the ELF-in-tensor model): it returns data or throws FormatError, nothing else.
describe('fuzz: the CNTK v2 model decoder only ever throws FormatError', async () => {
  const { FormatError } = await import('../../src/engine/types');
  const { loadDecoders, decodeModel } = await import('../../src/engine/formats/cntk/model');
  const P = await loadDecoders();
  for (const f of ['malicious/native_udf.model', 'malicious/elf_in_tensor.model']) {
    const base = new Uint8Array(readFileSync(join(FIXTURE_ROOT, 'cntk', f)));
    it(`cntk ${f}: mutated input decodes or throws FormatError`, () => {
      fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (muts) => {
        try { decodeModel(P, apply(base, muts), () => {}); } catch (e) { if (!(e instanceof FormatError)) throw e; }
      }), { seed: 0x636e, numRuns: RUNS_PER_FIXTURE * 20 });
    });
  }
});
