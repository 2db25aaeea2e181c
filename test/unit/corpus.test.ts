// Scans the public corpus of other scanners' samples (../shared/corpus, present in CI) and prints the
// detection table. Expectations (shared/corpus/README.md): every malicious file flagged at WARNING or
// above, every benign file nothing above INFO, every broken file an error or a warning. Malicious and
// broken files that need a format scanner not built yet are listed in test/corpus/known-misses.tsv with
// the issue that brings it; the list is a ratchet: a listed file that is now detected fails the test
// until it is removed from the list. Benign files have no such list: a false alarm always fails.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scan, scanReport, SEVERITY_RANK, type FileReport, type Severity } from '../../src/engine';
import { reportProblems } from '../helpers/schema';
import { fromNodeFile } from '../../src/cli/node-source';

const CORPUS = join(process.cwd(), '..', 'shared', 'corpus');
const present = existsSync(join(CORPUS, 'labels.tsv'));

interface Row { file: string; label: 'malicious' | 'benign' | 'broken'; technique: string }

function rows(): Row[] {
  return readFileSync(join(CORPUS, 'labels.tsv'), 'utf8').split('\n').slice(1).filter(Boolean)
    .map((l) => l.split('\t')).map(([file, label, technique]) => ({ file: file!, label: label as Row['label'], technique: technique ?? '' }));
}

function knownMisses(): Map<string, string> {
  const text = readFileSync(join(process.cwd(), 'test', 'corpus', 'known-misses.tsv'), 'utf8');
  return new Map(text.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => {
    const [file, why] = l.split('\t');
    return [file!, why ?? ''];
  }));
}

function maxSeverity(r: FileReport): Severity | 'none' {
  let best: Severity | 'none' = 'none';
  for (const f of r.findings) if (best === 'none' || SEVERITY_RANK[f.severity] > SEVERITY_RANK[best]) best = f.severity;
  return best;
}

const atLeast = (s: Severity | 'none', min: Severity) => s !== 'none' && SEVERITY_RANK[s] >= SEVERITY_RANK[min];

describe.skipIf(!present)('public corpus (../shared/corpus)', () => {
  it('flags malicious files, stays quiet on benign ones, never silently passes broken ones', async () => {
    const misses = knownMisses();
    const results: Array<Row & { severity: Severity | 'none'; status: string; rules: string }> = [];
    const reports: FileReport[] = [];
    for (const row of rows()) {
      const src = await fromNodeFile(join(CORPUS, row.file), row.file);
      try {
        const r = await scan(src, { displayPath: row.file });
        reports.push(r);
        results.push({ ...row, severity: maxSeverity(r), status: r.status,
          rules: [...new Set(r.findings.filter((f) => atLeast(f.severity, 'warning')).map((f) => f.ruleId))].join(',') });
      } finally { await src.close(); }
    }
    const report = JSON.parse(JSON.stringify(scanReport(reports, { startedAt: new Date().toISOString(), durationMs: 0, options: {} })));
    expect(reportProblems(report)).toEqual([]);

    // The detection table, by source folder and label.
    const table = new Map<string, { mal: number; malHit: number; ben: number; benFlagged: number; brk: number; brkOk: number }>();
    for (const r of results) {
      const key = r.file.split('/')[0]!;
      const t = table.get(key) ?? { mal: 0, malHit: 0, ben: 0, benFlagged: 0, brk: 0, brkOk: 0 };
      if (r.label === 'malicious') { t.mal++; if (atLeast(r.severity, 'warning')) t.malHit++; }
      if (r.label === 'benign') { t.ben++; if (atLeast(r.severity, 'warning')) t.benFlagged++; }
      if (r.label === 'broken') { t.brk++; if (r.status === 'error' || atLeast(r.severity, 'warning')) t.brkOk++; }
      table.set(key, t);
    }
    const lines = ['source       malicious detected   benign flagged   broken reported'];
    const total = { mal: 0, malHit: 0, ben: 0, benFlagged: 0, brk: 0, brkOk: 0 };
    for (const [k, t] of [...table].sort()) {
      lines.push(`${k.padEnd(12)} ${`${t.malHit}/${t.mal}`.padStart(18)} ${`${t.benFlagged}/${t.ben}`.padStart(16)} ${`${t.brkOk}/${t.brk}`.padStart(17)}`);
      for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += t[key];
    }
    lines.push(`${'total'.padEnd(12)} ${`${total.malHit}/${total.mal}`.padStart(18)} ${`${total.benFlagged}/${total.ben}`.padStart(16)} ${`${total.brkOk}/${total.brk}`.padStart(17)}`);
    console.log('\nCorpus detection table (flagged = WARNING or above)\n' + lines.join('\n'));
    // Every file's verdict, for whoever updates known-misses.tsv or compares with other scanners.
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/corpus.tsv', 'file\tlabel\tmax_severity\tstatus\trules\n'
      + results.map((r) => [r.file, r.label, r.severity, r.status, r.rules].join('\t')).join('\n') + '\n');

    const problems: string[] = [];
    for (const r of results) {
      const listed = misses.has(r.file);
      if (r.label === 'malicious') {
        const hit = atLeast(r.severity, 'warning');
        if (!hit && !listed) problems.push(`MISSED malicious ${r.file} (${r.technique}): max ${r.severity}`);
        if (hit && listed) problems.push(`now detected, remove from known-misses.tsv: ${r.file} (${r.rules})`);
        // picklescan's GHSA set: published scanner bypasses, each must be CRITICAL (issue 3).
        if (/GHSA-/.test(r.file) && r.severity !== 'critical' && !listed) problems.push(`GHSA sample below CRITICAL: ${r.file} (${r.severity})`);
      } else if (r.label === 'benign') {
        if (atLeast(r.severity, 'warning')) problems.push(`FALSE ALARM on benign ${r.file}: ${r.rules}`);
      } else if (r.label === 'broken') {
        const reported = r.status === 'error' || atLeast(r.severity, 'warning');
        if (!reported && !listed) problems.push(`broken file passed silently: ${r.file}`);
        if (reported && listed) problems.push(`now reported, remove from known-misses.tsv: ${r.file}`);
      }
    }
    for (const f of misses.keys()) if (!results.some((r) => r.file === f)) problems.push(`known-misses.tsv lists a file not in the corpus: ${f}`);
    expect(problems).toEqual([]);
  }, 300_000);
});
