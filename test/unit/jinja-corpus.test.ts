// The public corpus's chat-template samples (ModelAudit's jinja2 assets, labels in shared/corpus/labels.tsv):
// every malicious one flagged at WARNING or above, every benign one at INFO at most, broken ones reported.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scan, fromBytes, SEVERITY_RANK, type FileReport } from '../../src/engine';

const CORPUS = join(process.cwd(), '..', 'shared', 'corpus');
const present = existsSync(join(CORPUS, 'labels.tsv'));
const rows = present
  ? readFileSync(join(CORPUS, 'labels.tsv'), 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split('\t'))
    .filter(([file]) => file!.includes('/samples/jinja2/') && !file!.includes('/yaml/'))
    .map(([file, label]) => ({ file: file!, label: label! }))
  : [];

const worst = (r: FileReport) => Math.max(-1, ...r.findings.map((f) => SEVERITY_RANK[f.severity]));

describe.skipIf(!present)('corpus chat templates', () => {
  it('has the samples', () => expect(rows.length).toBeGreaterThan(30));
  it.each(rows)('$label: $file', async ({ file, label }) => {
    const bytes = new Uint8Array(readFileSync(join(CORPUS, file)));
    const r = await scan(fromBytes(bytes, file.split('/').pop()!));
    const summary = r.findings.map((f) => `${f.severity} ${f.ruleId} ${f.message} | ${f.evidence ?? ''}`);
    if (label === 'malicious') expect(worst(r), summary.join('\n')).toBeGreaterThanOrEqual(SEVERITY_RANK.warning);
    else if (label === 'benign') expect(worst(r), summary.join('\n')).toBeLessThanOrEqual(SEVERITY_RANK.info);
    else expect(r.status === 'error' || worst(r) >= SEVERITY_RANK.warning, summary.join('\n')).toBe(true);
    if (file.endsWith('.json') && label !== 'benign') expect(r.format).toBe('config'); // templates go to jinja as children
  });
});
