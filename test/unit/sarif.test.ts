import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { RULES, fromBytes, scan, scanReport, type FileReport, type Finding, type RuleId, type ScanReport } from '../../src/engine';
import { SARIF_SCHEMA_URI, toSarif, toSarifJson, type SarifResult, type SarifRun } from '../../src/engine/export/sarif';
import { fileUri } from '../../src/engine/export/sarif-locations';
import { sarifProblems } from '../helpers/sarif-schema';

const STARTED = '2026-11-21T10:00:00.000Z';

function finding(ruleId: RuleId, location: Finding['location'], extra: Partial<Finding> = {}): Finding {
  return { ruleId, severity: RULES[ruleId].severity, message: `${ruleId} hit`, location, ...extra };
}

function file(path: string, findings: Finding[], extra: Partial<FileReport> = {}): FileReport {
  return {
    path, size: 1000, format: 'pickle', status: findings.length ? 'issues' : 'clean', complete: true, findings,
    nodes: [{ path: [path], format: 'pickle', size: 1000, status: 'scanned' }], durationMs: 1, ...extra,
  };
}

function report(files: FileReport[], exitCode: ScanReport['exitCode'] = 1): ScanReport {
  return {
    schemaVersion: 1, tool: { name: 'modelgate', version: '0.1.0' }, startedAt: STARTED, durationMs: 1500, options: {},
    summary: { files: files.length, critical: 0, warning: 0, info: 0, errors: 0 }, exitCode, files,
  };
}

/** The log after a JSON round trip (what a consumer reads), validated against the official schema. */
function sarifOf(r: ScanReport): SarifRun {
  const log = JSON.parse(toSarifJson(r));
  expect(sarifProblems(log)).toEqual([]);
  expect(log.version).toBe('2.1.0');
  expect(log.$schema).toBe(SARIF_SCHEMA_URI);
  expect(log.runs).toHaveLength(1);
  return log.runs[0] as SarifRun;
}

describe('SARIF: the schema check itself', () => {
  it('rejects a log with an unknown level, an unencoded space in a URI or a bad timestamp', () => {
    const good = JSON.parse(toSarifJson(report([file('a.pkl', [finding('pickle/dangerous-call', { path: ['a.pkl'] })])])));
    expect(sarifProblems(good)).toEqual([]);
    const badLevel = structuredClone(good); badLevel.runs[0].results[0].level = 'fatal';
    const badUri = structuredClone(good); badUri.runs[0].artifacts[0].location.uri = 'a b.pkl';
    const badTime = structuredClone(good); badTime.runs[0].invocations[0].startTimeUtc = 'yesterday';
    for (const bad of [badLevel, badUri, badTime]) expect(sarifProblems(bad).length).toBeGreaterThan(0);
  });
});

describe('SARIF: locations', () => {
  const r = report([
    file('models/model.pt', [
      finding('pickle/dangerous-call', { path: ['models/model.pt', 'archive/data.pkl'], offset: 45, pointer: 'op:12' }, { evidence: "posix.system('id')" }),
      finding('pickle/dangerous-call', { path: ['models/model.pt'], offset: 7 }),
      finding('safetensors/hidden-bytes', { path: ['models/model.pt'], pointer: '/__metadata__/x' }),
      finding('file/git-lfs-pointer', { path: ['models/model.pt'] }),
    ], { sha256: 'ab'.repeat(32) }),
    file('clean.safetensors', []),
  ]);
  const run = sarifOf(r);
  const [nested, offset, pointer, none] = run.results as [SarifResult, SarifResult, SarifResult, SarifResult];

  it('a finding in a member of an archive → primary location on the file, member as nested artifact (parentIndex) with the byte offset, and a logical location', () => {
    expect(nested.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'models/model.pt', index: 0 });
    expect(nested.locations[0]!.physicalLocation.region).toBeUndefined();
    expect(nested.locations[0]!.logicalLocations).toEqual([{ name: 'op:12', fullyQualifiedName: 'models/model.pt!archive/data.pkl#op:12', kind: 'element' }]);
    const related = nested.relatedLocations![0]!.physicalLocation;
    expect(related.region).toEqual({ byteOffset: 45 });
    const member = run.artifacts[related.artifactLocation.index]!;
    expect(member.location.uri).toBe('archive/data.pkl');
    expect(member.parentIndex).toBe(0);
    expect(related.artifactLocation.uri).toBe('archive/data.pkl');
  });

  it('an offset in the file itself → region.byteOffset on the primary location, no logical location', () => {
    expect(offset.locations[0]!.physicalLocation.region).toEqual({ byteOffset: 7 });
    expect(offset.locations[0]!.logicalLocations).toBeUndefined();
    expect(offset.relatedLocations).toBeUndefined();
  });

  it('a pointer only → a logical location of kind element, no region', () => {
    expect(pointer.locations[0]!.physicalLocation.region).toBeUndefined();
    expect(pointer.locations[0]!.logicalLocations![0]).toMatchObject({ name: '/__metadata__/x', kind: 'element' });
  });

  it('no offset and no pointer → the file alone', () => {
    expect(none.locations[0]).toEqual({ physicalLocation: { artifactLocation: { uri: 'models/model.pt', index: 0 } } });
  });

  it('keeps the exact location, the evidence and the severity in result properties', () => {
    expect(nested.properties).toMatchObject({ severity: 'CRITICAL', evidence: "posix.system('id')",
      location: { path: ['models/model.pt', 'archive/data.pkl'], offset: 45, pointer: 'op:12' } });
  });

  it('lists a file without findings as an artifact, with its sha-256 when known', () => {
    expect(run.artifacts[0]).toMatchObject({ location: { uri: 'models/model.pt' }, length: 1000, hashes: { 'sha-256': 'ab'.repeat(32) }, roles: ['analysisTarget'] });
    expect(run.artifacts[1]).toMatchObject({ location: { uri: 'clean.safetensors' }, properties: { status: 'clean' } });
    expect(run.artifacts[1]!.hashes).toBeUndefined();
  });

  it('records the invocation: success, exit code, start and end time from the report', () => {
    expect(run.invocations[0]).toEqual({ executionSuccessful: true, exitCode: 1, startTimeUtc: STARTED, endTimeUtc: '2026-11-21T10:00:01.500Z' });
  });
});

describe('SARIF: rules and levels', () => {
  const r = report([file('a.pkl', [
    finding('pickle/dangerous-call', { path: ['a.pkl'] }),
    finding('file/git-lfs-pointer', { path: ['a.pkl'] }),
    finding('file/git-lfs-pointer', { path: ['a.pkl'] }, { severity: 'info', severityReason: 'test' }),
  ])]);
  const run = sarifOf(r);

  it('describes only the rules the results use, each result pointing at its rule by index', () => {
    expect(run.tool.driver.rules.map((x) => x.id)).toEqual(['file/git-lfs-pointer', 'pickle/dangerous-call']);
    for (const res of run.results) expect(run.tool.driver.rules[res.ruleIndex]!.id).toBe(res.ruleId);
  });

  it('maps CRITICAL → error, WARNING → warning, INFO → note, per result and as the rule default', () => {
    expect(run.results.map((x) => x.level)).toEqual(['error', 'warning', 'note']);
    const rule = run.tool.driver.rules.find((x) => x.id === 'pickle/dangerous-call')!;
    expect(rule.defaultConfiguration.level).toBe('error');
    expect(rule.properties).toMatchObject({ severity: 'CRITICAL', 'security-severity': '9.0' });
    expect(rule.properties.tags).toContain('security');
    expect(rule.properties.tags).toContain('external/cwe/cwe-502');
    expect(rule.name).toBe('PickleDangerousCall');
    expect(rule.shortDescription.text).toBe(RULES['pickle/dangerous-call'].title);
    expect(rule.help.text).toBe(RULES['pickle/dangerous-call'].remediation);
    expect(run.tool.driver).toMatchObject({ name: 'modelgate', semanticVersion: '0.1.0' });
  });

  it('with allRules writes the whole catalogue, every description within GitHub\'s 1024-character limit', () => {
    const log = toSarif(r, { allRules: true });
    expect(sarifProblems(log)).toEqual([]);
    const rules = log.runs[0]!.tool.driver.rules;
    expect(rules.length).toBe(Object.keys(RULES).length);
    for (const rule of rules) expect(rule.fullDescription.text.length).toBeLessThanOrEqual(1024 + 40);
    for (const res of log.runs[0]!.results) expect(rules[res.ruleIndex]!.id).toBe(res.ruleId);
  });

  it('a saved report naming a rule this release lacks → the result is kept, with a descriptor saying so', () => {
    const old = report([file('a.pkl', [{ ruleId: 'pickle/retired-rule' as RuleId, severity: 'critical', message: 'old', location: { path: ['a.pkl'] } }])]);
    const run = sarifOf(old);
    expect(run.results[0]).toMatchObject({ ruleId: 'pickle/retired-rule', ruleIndex: 0, level: 'error' });
    expect(run.tool.driver.rules[0]).toMatchObject({ id: 'pickle/retired-rule', defaultConfiguration: { level: 'error' } });
    expect(run.tool.driver.rules[0]!.fullDescription.text).toMatch(/not in the catalogue/);
    const all = toSarif(old, { allRules: true }).runs[0]!;
    expect(all.tool.driver.rules[all.results[0]!.ruleIndex]!.id).toBe('pickle/retired-rule');
  });

  it('gives re-scans the same fingerprints, and identical findings distinct occurrence numbers', () => {
    const again = toSarif(structuredClone(r)).runs[0]!;
    expect(again.results.map((x) => x.partialFingerprints)).toEqual(run.results.map((x) => x.partialFingerprints));
    const [, lfs1, lfs2] = run.results.map((x) => x.partialFingerprints['modelgateFinding/v1']!);
    expect(lfs1!.split(':')[0]).toBe(lfs2!.split(':')[0]);
    expect([lfs1!.split(':')[1], lfs2!.split(':')[1]]).toEqual(['1', '2']);
    expect(new Set(run.results.map((x) => x.partialFingerprints['modelgateFinding/v1'])).size).toBe(3);
  });
});

describe('SARIF: errors, empty and hostile input', () => {
  it('a file that could not be fully scanned → executionSuccessful false and a notification naming the part', () => {
    const broken = file('big.zip', [finding('scan/unreadable', { path: ['big.zip'] })], {
      status: 'error', complete: false, format: 'zip',
      nodes: [{ path: ['big.zip'], format: 'zip', size: 9, status: 'scanned' },
        { path: ['big.zip', 'w/x.pkl'], format: 'pickle', size: 5, status: 'limited', error: 'opcode limit' }],
    });
    const run = sarifOf(report([broken, file('ok.pkl', [])], 2));
    const inv = run.invocations[0]!;
    expect(inv).toMatchObject({ executionSuccessful: false, exitCode: 2 });
    expect(inv.toolExecutionNotifications).toHaveLength(1);
    const note = inv.toolExecutionNotifications![0]!;
    expect(note.level).toBe('warning');
    expect(note.message.text).toBe('big.zip › w/x.pkl was not fully scanned (limited): opcode limit');
    expect(note.locations![0]!.physicalLocation.artifactLocation).toEqual({ uri: 'big.zip', index: 0 });
    expect(run.results[0]).toMatchObject({ ruleId: 'scan/unreadable', level: 'warning' });
  });

  it('caps the notifications of one file with thousands of truncated members', () => {
    const nodes = Array.from({ length: 5000 }, (_, i) => ({ path: ['bomb.zip', `m${i}`], format: 'pickle', size: 1, status: 'limited' as const }));
    const run = sarifOf(report([file('bomb.zip', [], { status: 'error', complete: false, nodes })], 2));
    const notes = run.invocations[0]!.toolExecutionNotifications!;
    expect(notes.length).toBe(21);
    expect(notes[20]!.message.text).toMatch(/4980 more parts/);
  });

  it('an archive with 50,000 members and 20,000 findings → converted in well under the time of the scan, one artifact per member hit', () => {
    const nodes = Array.from({ length: 50_000 }, (_, i) => ({ path: ['big.zip', `m${i}.pkl`], format: 'pickle', size: i, status: 'scanned' as const }));
    const findings = Array.from({ length: 20_000 }, (_, i) => finding('pickle/dangerous-call', { path: ['big.zip', `m${i}.pkl`], offset: i }));
    const started = performance.now();
    const run = toSarif(report([file('big.zip', findings, { nodes })])).runs[0]!;
    expect(performance.now() - started).toBeLessThan(3000);
    expect(run.results).toHaveLength(20_000);
    expect(run.artifacts).toHaveLength(20_001);
    expect(run.artifacts[20_000]).toMatchObject({ location: { uri: 'm19999.pkl' }, parentIndex: 0, length: 19_999 });
  });

  it('an empty report → a valid log with no results and an unsuccessful invocation', () => {
    const run = sarifOf(report([], 2));
    expect(run.results).toEqual([]);
    expect(run.artifacts).toEqual([]);
    expect(run.tool.driver.rules).toEqual([]);
    expect(run.invocations[0]).toMatchObject({ executionSuccessful: false, exitCode: 2 });
    expect(run.invocations[0]!.toolExecutionNotifications![0]!.message.text).toBe('No files were scanned');
  });

  it('hostile names (spaces, #, %, unicode, lone surrogate, control characters) → percent-encoded URIs that still validate', () => {
    const name = 'dir name/ev#il%20\u00e9\u{1F600}\ud800\x1b[31m.pkl';
    const member = '../../etc/pass wd?x';
    const long = 'A'.repeat(100_000);
    const r = report([file(name, [
      finding('pickle/dangerous-call', { path: [name, member], offset: 3 }, { message: long, evidence: `\x00\x1b[2J${long}` }),
    ])]);
    const run = sarifOf(r);
    expect(run.artifacts[0]!.location.uri).toBe('dir%20name/ev%23il%2520%C3%A9%F0%9F%98%80%EF%BF%BD%1B%5B31m.pkl');
    expect(run.artifacts[1]!.location.uri).toBe('../../etc/pass%20wd%3Fx');
    const res = run.results[0]!;
    expect(res.message.text.length).toBeLessThan(2100);
    expect(res.message.text).toMatch(/… \[98000 more characters\]$/);
    expect((res.properties.evidence as string).startsWith('\x00\x1b[2J')).toBe(true); // JSON escapes it; kept as data
    expect((res.properties.evidence as string).length).toBeLessThan(2100);
  });

  it('maps absolute paths to file: URIs and drops ./ prefixes', () => {
    expect(fileUri('/tmp/a b.pt')).toBe('file:///tmp/a%20b.pt');
    expect(fileUri('C:\\models\\x.pt')).toBe('file:///C:/models/x.pt');
    expect(fileUri('./././lfs/m.safetensors')).toBe('lfs/m.safetensors');
    expect(fileUri('a:b.pt')).toBe('a%3Ab.pt'); // not mistaken for a scheme
  });
});

describe('SARIF: real scans of fixtures', () => {
  async function scanFixtures(paths: string[]): Promise<SarifRun> {
    const files: FileReport[] = [];
    for (const p of paths) files.push(await scan(fromBytes(readFileSync(p), p.split('/').pop()!), {}, {}));
    return sarifOf(scanReport(files, { startedAt: STARTED, durationMs: 10, options: {} }));
  }

  it('a malicious pickle, a zip with a nested archive, a safetensors file with a hidden ELF, a benign safetensors', async () => {
    const run = await scanFixtures([
      'fixtures/pickle-family/malicious/reduce-os-system.pkl',
      'fixtures/zip/malicious/nested.zip',
      'fixtures/safetensors/malicious/trailing-elf.safetensors',
      'fixtures/safetensors/benign/mixed-dtypes.safetensors',
    ]);
    const pickle = run.results.find((x) => x.ruleId === 'pickle/dangerous-call')!;
    expect(pickle.level).toBe('error');
    expect(pickle.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'reduce-os-system.pkl', index: 0 }, region: { byteOffset: 45 } });
    expect(pickle.properties.evidence).toMatch(/system\('echo pwned'\)/);

    const traversal = run.results.find((x) => x.ruleId === 'archive/path-traversal')!;
    expect(traversal.locations[0]!.physicalLocation.artifactLocation.uri).toBe('nested.zip');
    expect(traversal.locations[0]!.logicalLocations![0]!.fullyQualifiedName).toBe('nested.zip!inner/inner.zip#../evil.bin');
    const inner = run.artifacts[traversal.relatedLocations![0]!.physicalLocation.artifactLocation.index]!;
    expect(inner.location.uri).toBe('inner/inner.zip');
    expect(run.artifacts[inner.parentIndex!]!.location.uri).toBe('nested.zip');

    expect(run.results.find((x) => x.ruleId === 'safetensors/hidden-bytes')!.locations[0]!.physicalLocation.region).toEqual({ byteOffset: 184 });
    expect(run.artifacts.filter((a) => a.parentIndex === undefined).map((a) => a.location.uri))
      .toEqual(['reduce-os-system.pkl', 'nested.zip', 'trailing-elf.safetensors', 'mixed-dtypes.safetensors']);
    expect(run.results.some((x) => x.locations[0]!.physicalLocation.artifactLocation.uri === 'mixed-dtypes.safetensors' && x.level !== 'note')).toBe(false);
    // GitHub rejects the whole upload if any result lacks a location with an artifact URI.
    for (const res of run.results) expect(res.locations[0]!.physicalLocation.artifactLocation.uri).not.toBe('');
    const tags = run.tool.driver.rules.find((x) => x.id === 'archive/path-traversal')!.properties.tags;
    expect(tags).toContain('external/cwe/cwe-22');
  });
});

describe('SARIF: any report', () => {
  const text = fc.string({ unit: 'binary', maxLength: 40 });
  const ruleIds = Object.keys(RULES) as RuleId[];
  const arbFinding = fc.record({
    ruleId: fc.constantFrom(...ruleIds),
    severity: fc.constantFrom('critical', 'warning', 'info', 'debug' as const),
    message: text,
    location: fc.record({
      path: fc.array(text, { minLength: 1, maxLength: 4 }),
      offset: fc.option(fc.oneof(fc.nat(), fc.integer(), fc.double()), { nil: undefined }),
      pointer: fc.option(text, { nil: undefined }),
    }, { requiredKeys: ['path'] }),
    evidence: fc.option(text, { nil: undefined }),
  }, { requiredKeys: ['ruleId', 'severity', 'message', 'location'] }) as fc.Arbitrary<Finding>;

  it('random paths, messages, offsets and pointers (any UTF-16, lone surrogates, negative and fractional offsets) → always a schema-valid log', () => {
    fc.assert(fc.property(fc.array(fc.tuple(text, fc.array(arbFinding, { maxLength: 5 }), fc.boolean()), { maxLength: 4 }), (specs) => {
      const files = specs.map(([path, findings, complete]) => ({
        ...file(path, findings.map((f) => ({ ...f, location: { ...f.location, path: [path, ...f.location.path.slice(1)] } }))),
        complete, status: complete ? 'issues' as const : 'error' as const,
      }));
      const log = JSON.parse(toSarifJson(report(files, files.some((f) => !f.complete) ? 2 : 1)));
      expect(sarifProblems(log)).toEqual([]);
      expect(log.runs[0].results.length).toBe(files.reduce((n, f) => n + f.findings.length, 0));
    }), { numRuns: 300 });
  });
});
