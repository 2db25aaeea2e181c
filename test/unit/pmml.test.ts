// PMML: hand-written documents after the DMG examples and sklearn2pmml's output (fixtures/pmml/MANIFEST.md).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { readDoctype } from '../../src/engine/formats/pmml/doctype';

const DIR = 'fixtures/pmml';
const load = (rel: string) => new Uint8Array(readFileSync(`${DIR}/${rel}`));
const scanBytes = (bytes: Uint8Array, name: string) => scan(fromBytes(bytes, name));
const scanFixture = (rel: string) => scanBytes(load(rel), basename(rel));
const rules = (r: FileReport, sev?: string) => r.findings.filter((f) => !sev || f.severity === sev).map((f) => f.ruleId).sort();

describe('pmml: ordinary documents are clean', () => {
  for (const file of ['regression.pmml', 'tree-sklearn2pmml.pmml']) {
    it(`${file} is clean (namespace URIs and sklearn2pmml's repr Extension stay silent)`, async () => {
      const r = await scanFixture(`benign/${file}`);
      expect(r.format).toBe('pmml');
      expect(r.findings).toEqual([]);
      expect(r.complete).toBe(true);
    });
  }

  it('is recognised by its dmg.org namespace under another name', async () => {
    expect((await scanBytes(load('benign/regression.pmml'), 'model.xml')).format).toBe('pmml');
  });
});

describe('pmml: attacks are findings, never followed', () => {
  it('an external entity reading /etc/passwd is CRITICAL', async () => {
    const r = await scanFixture('malicious/xxe-file.pmml');
    expect(rules(r)).toEqual(['pmml/external-entity']);
    expect(r.findings[0]!.severity).toBe('critical');
    expect(r.findings[0]!.evidence).toContain('file:///etc/passwd');
  });

  it('an out-of-band parameter entity (http DTD) is CRITICAL', async () => {
    expect(rules(await scanFixture('malicious/xxe-parameter-oob.pmml'), 'critical')).toEqual(['pmml/external-entity']);
  });

  it('billion laughs is a WARNING measured without expanding', async () => {
    const r = await scanFixture('malicious/billion-laughs.pmml');
    expect(rules(r)).toEqual(['pmml/entity-expansion']);
  });

  it('Python in an Extension reaches the string detectors', async () => {
    expect(rules(await scanFixture('malicious/extension-code.pmml'), 'warning')).toEqual(['strings/python-code', 'strings/shell-command']);
  });

  it('an external DTD is a WARNING; a small internal entity is INFO', async () => {
    const dtd = new TextEncoder().encode('<?xml version="1.0"?><!DOCTYPE PMML SYSTEM "http://203.0.113.7/pmml.dtd"><PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4"/>');
    const r = await scanBytes(dtd, 'a.pmml');
    expect(r.findings.map((f) => [f.ruleId, f.severity])).toEqual([['pmml/external-entity', 'warning']]);
    const small = new TextEncoder().encode('<!DOCTYPE PMML [<!ENTITY co "Acme">]><PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4"><Header copyright="&co;"/></PMML>');
    expect(rules(await scanBytes(small, 'b.pmml'))).toEqual(['pmml/entity-declaration']);
  });

  it('an entity that refers to itself counts as a bomb', () => {
    expect(readDoctype('PMML [<!ENTITY a "&b;"><!ENTITY b "&a;&a;">]').largestExpansion).toBeGreaterThanOrEqual(10_000_000);
  });
});

describe('pmml: malformed XML is reported, never clean', () => {
  for (const file of ['not-well-formed.pmml', 'truncated.pmml']) {
    it(`${file} is malformed and incomplete`, async () => {
      const r = await scanFixture(`malformed/${file}`);
      expect(rules(r)).toContain('format/malformed');
      expect(r.complete).toBe(false);
    });
  }
});
