// Acceptance test of the pickle family over REAL files written by torch, joblib, numpy, dill and
// cloudpickle (fixtures/pickle-family, made by generate.py; MANIFEST.md says how each was made).
// Benign files must come out complete with nothing above INFO, and the pickle inside must really have
// been read (a 'pickle' node listing the imports torch/sklearn/numpy write). Malicious files must be
// CRITICAL with the callee named in the finding and the finding on the member that holds the pickle.
// The expectations live in the EXPECT table below, one row per fixture file; a file without a row
// (or a row without a file) fails, so the table and the folder cannot drift apart.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { scan, scanReport, fromBytes, SEVERITY_RANK, type FileReport, type Finding, type Severity } from '../../src/engine';
import { reportProblems } from '../helpers/schema';

const FIX = join(process.cwd(), 'fixtures', 'pickle-family');

interface Benign {
  verdict: 'clean';
  /** Imports (module.name) the pickle nodes must list in their `imports` note; [] = no pickle inside. */
  imports: string[];
  /** A pickle node must exist even though it imports nothing (an object array of tuples). */
  pickleNode?: true;
}
interface Flagged {
  verdict: 'critical' | 'warning';
  /** One of these must appear in the message or evidence of a finding at `verdict` severity. */
  callee: string[];
  /** That finding's location.path, exactly: the fixture path, then the member that holds the pickle
   *  (zip member names are torch's; the other child names are the containers' own conventions). */
  path: string[];
  /** Substrings its evidence must hold: the reconstructed call with its constant argument. */
  evidence?: string[];
}
type Expectation = Benign | Flagged;

const TORCH_SD = ['collections.OrderedDict', 'torch._utils._rebuild_tensor_v2', 'torch.FloatStorage'];
const FOREST = ['sklearn.ensemble._forest.RandomForestClassifier', 'sklearn.tree._classes.DecisionTreeClassifier',
  'sklearn.tree._tree.Tree', 'joblib.numpy_pickle.NumpyArrayWrapper'];
const SYSTEM = ['posix.system'];
const SYSTEM_CALL = ['posix.system(', 'echo pwned'];
const EVAL = ['__builtin__.eval', 'builtins.eval'];

const EXPECT: Record<string, Expectation> = {
  // ---- benign: what the libraries write for ordinary models and data
  'benign/state-dict.pt': { verdict: 'clean', imports: TORCH_SD },
  'benign/state-dict-legacy.pt': { verdict: 'clean', imports: TORCH_SD },
  'benign/sequential-module.pt': { verdict: 'clean', imports: [...TORCH_SD, 'torch.nn.modules.container.Sequential',
    'torch.nn.modules.linear.Linear', 'torch.nn.modules.activation.ReLU', 'torch._utils._rebuild_parameter'] },
  'benign/torchscript.pt': { verdict: 'clean', imports: ['torch._utils._rebuild_tensor_v2'] },
  'benign/pipeline.joblib': { verdict: 'clean', imports: ['sklearn.pipeline.Pipeline', 'sklearn.preprocessing._data.StandardScaler',
    'sklearn.linear_model._logistic.LogisticRegression', 'joblib.numpy_pickle.NumpyArrayWrapper'] },
  'benign/forest.joblib': { verdict: 'clean', imports: FOREST },
  'benign/forest.joblib.z': { verdict: 'clean', imports: FOREST },
  'benign/forest.joblib.gz': { verdict: 'clean', imports: FOREST },
  'benign/forest.joblib.bz2': { verdict: 'clean', imports: FOREST },
  'benign/forest.joblib.lzma': { verdict: 'clean', imports: FOREST },
  'benign/forest.joblib.xz': { verdict: 'clean', imports: FOREST },
  'benign/forest.joblib.lz4': { verdict: 'clean', imports: FOREST },
  'benign/numeric.npy': { verdict: 'clean', imports: [] },
  'benign/object-tuples.npy': { verdict: 'clean', imports: [], pickleNode: true },   // a pickle of tuples, no globals
  'benign/arrays.npz': { verdict: 'clean', imports: [] },
  'benign/arrays-compressed.npz': { verdict: 'clean', imports: [] },
  'benign/plain-p0.pkl': { verdict: 'clean', imports: ['_codecs.encode'] },   // bytes → _codecs.encode at p0-2
  'benign/plain-p1.pkl': { verdict: 'clean', imports: ['_codecs.encode'] },
  'benign/plain-p2.pkl': { verdict: 'clean', imports: ['_codecs.encode'] },
  'benign/plain-p3.pkl': { verdict: 'clean', imports: ['builtins.complex'] },
  'benign/plain-p4.pkl': { verdict: 'clean', imports: ['builtins.complex'] },
  'benign/plain-p5.pkl': { verdict: 'clean', imports: ['builtins.complex'] },
  'benign/stdlib-objects.pkl': { verdict: 'clean', imports: ['datetime.datetime', 'decimal.Decimal', 'collections.OrderedDict',
    'argparse.Namespace', 'pathlib.PurePosixPath', 'pathlib.PosixPath'] },

  // ---- a real model whose class is user code: not an attack, but not allowlisted either (doctrine: WARNING)
  // torch.save(model) of a user nn.Module: NEWOBJ runs only TinyNet.__new__ (object.__new__), never its
  // __init__, so it is noted (INFO, pickle/unknown-class-constructed), not warned about (issue 11, item 5).
  'suspicious/whole-module.pt': { verdict: 'clean', imports: ['__main__.TinyNet', 'torch.nn.modules.linear.Linear'] },

  // ---- malicious: __reduce__ gadgets as the real libraries pickle them
  'malicious/reduce-os-system.pkl': { verdict: 'critical', callee: SYSTEM, path: ['malicious/reduce-os-system.pkl'], evidence: SYSTEM_CALL },
  'malicious/reduce-os-system-p2.pkl': { verdict: 'critical', callee: SYSTEM, path: ['malicious/reduce-os-system-p2.pkl'],
    evidence: SYSTEM_CALL },
  'malicious/reduce-exec.pkl': { verdict: 'critical', callee: ['builtins.exec'], path: ['malicious/reduce-exec.pkl'],
    evidence: ['builtins.exec(', 'pwned'] },
  'malicious/reduce-popen.pkl': { verdict: 'critical', callee: ['subprocess.Popen'], path: ['malicious/reduce-popen.pkl'],
    evidence: ['subprocess.Popen(', 'echo', 'pwned'] },
  // torch 1.13 names the zip's top folder after the file's stem (a buffer gets 'archive/')
  'malicious/state-dict-eval.pt': { verdict: 'critical', callee: EVAL,
    path: ['malicious/state-dict-eval.pt', 'state-dict-eval/data.pkl'], evidence: ['eval(', 'pwned'] },
  // legacy: magic, protocol and sys_info pickles take bytes 0-136; the main (4th) pickle starts at 137
  'malicious/state-dict-eval-legacy.pt': { verdict: 'critical', callee: EVAL,
    path: ['malicious/state-dict-eval-legacy.pt', 'pickle#3@137'], evidence: ['eval(', 'pwned'] },
  // a joblib file is a pickle with raw array bytes inline; the gadget sits after the first array
  'malicious/gadget.joblib': { verdict: 'critical', callee: SYSTEM, path: ['malicious/gadget.joblib'], evidence: SYSTEM_CALL },
  'malicious/gadget.joblib.z': { verdict: 'critical', callee: SYSTEM,
    path: ['malicious/gadget.joblib.z', 'gadget.joblib.z (decompressed)'], evidence: SYSTEM_CALL },
  // .npy v1: 10-byte preamble + header padded to 128; the array's pickle starts there
  'malicious/object-gadget.npy': { verdict: 'critical', callee: SYSTEM, path: ['malicious/object-gadget.npy', 'pickle@128'],
    evidence: SYSTEM_CALL },
  'malicious/dill-lambda.pkl': { verdict: 'critical', callee: ['dill._dill._create_code', 'dill._dill._create_function'],
    path: ['malicious/dill-lambda.pkl'] },
  'malicious/cloudpickle-lambda.pkl': { verdict: 'critical',
    callee: ['cloudpickle.cloudpickle._make_function', 'cloudpickle.cloudpickle._builtin_type', 'CodeType'],
    path: ['malicious/cloudpickle-lambda.pkl'] },
  // the inner pickle is the SHORT_BINBYTES constant at offset 47, scanned as its own node
  'malicious/nested.pkl': { verdict: 'critical', callee: SYSTEM, path: ['malicious/nested.pkl', '<const@47>'], evidence: SYSTEM_CALL },
  'malicious/model.bin': { verdict: 'critical', callee: SYSTEM, path: ['malicious/model.bin'], evidence: SYSTEM_CALL },
};

function fixtureFiles(dir = FIX): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return fixtureFiles(p);
    return e.name === 'generate.py' || e.name === 'MANIFEST.md' ? [] : [relative(FIX, p)];
  }).sort();
}

const scanFix = (rel: string) => scan(fromBytes(new Uint8Array(readFileSync(join(FIX, rel))), rel));
const rank = (s: Severity) => SEVERITY_RANK[s];
const worst = (r: FileReport) => Math.max(-1, ...r.findings.map((f) => rank(f.severity)));
const brief = (r: FileReport) => r.findings.map((f) => `${f.severity} ${f.ruleId} [${f.location.path.join(' > ')}] ${f.message}`
  + (f.evidence ? ` {${f.evidence.slice(0, 120)}}` : ''));
const names = (f: Finding, callee: string[]) => callee.some((c) => `${f.message}\n${f.evidence ?? ''}`.includes(c));

describe('pickle-family fixtures: the table covers the folder', () => {
  it('has one expectation per generated file and a file per expectation', () => {
    expect(fixtureFiles()).toEqual(Object.keys(EXPECT).sort());
  });
});

describe('pickle-family fixtures: benign files are clean and really parsed', () => {
  for (const [rel, e] of Object.entries(EXPECT)) {
    if (e.verdict !== 'clean') continue;
    it(`${rel}: complete, nothing above INFO${e.imports.length ? `, imports ${e.imports.length} expected names` : ''}`, async () => {
      const r = await scanFix(rel);
      expect(brief(r).filter((_, i) => rank(r.findings[i]!.severity) > rank('info'))).toEqual([]);
      expect(r.complete).toBe(true);
      expect(r.status).toBe('clean');
      expect(r.format).not.toBe('unknown');            // a real scanner claimed it, not the fallback sweep
      if (e.imports.length || e.pickleNode) {
        const pickles = r.nodes.filter((n) => n.format === 'pickle');
        expect(pickles.length, 'no pickle node: the pickle inside was not scanned').toBeGreaterThan(0);
        const seen = new Set(pickles.flatMap((n) => (n.notes?.imports as string[] | undefined) ?? []));
        expect(e.imports.filter((i) => !seen.has(i)), `imports noted: ${[...seen].join(', ')}`).toEqual([]);
      }
    });
  }
});

describe('pickle-family fixtures: gadgets are flagged on the right member with the callee named', () => {
  for (const [rel, e] of Object.entries(EXPECT)) {
    if (e.verdict === 'clean') continue;
    it(`${rel}: ${e.verdict.toUpperCase()} naming ${e.callee.join(' or ')}`, async () => {
      const r = await scanFix(rel);
      const all = brief(r);
      expect(worst(r), all.join('\n')).toBe(rank(e.verdict));
      expect(r.status).toBe('issues');
      const hits = r.findings.filter((f) => f.severity === e.verdict && names(f, e.callee));
      expect(hits.length, `no ${e.verdict} finding names ${e.callee.join(' / ')}:\n${all.join('\n')}`).toBeGreaterThan(0);
      const placed = hits.filter((f) => JSON.stringify(f.location.path) === JSON.stringify(e.path));
      expect(placed.length, `not at ${JSON.stringify(e.path)}: ${JSON.stringify(hits.map((f) => f.location.path))}`).toBeGreaterThan(0);
      if (e.evidence) {
        const shown = placed.filter((f) => e.evidence!.every((x) => f.evidence?.includes(x)));
        expect(shown.length, `no evidence holds ${e.evidence.join(' + ')}:\n${placed.map((f) => f.evidence).join('\n')}`).toBeGreaterThan(0);
      }
    });
  }

  it('the report over every malicious fixture is schema-valid, names only catalogued rules and exits 1', async () => {
    const files = await Promise.all(Object.keys(EXPECT).filter((k) => k.startsWith('malicious/')).sort().map(scanFix));
    const report = scanReport(files, { startedAt: new Date().toISOString(), durationMs: 1, options: {} });
    expect(reportProblems(JSON.parse(JSON.stringify(report)))).toEqual([]);
    expect(report.exitCode).toBe(1);
  });
});
