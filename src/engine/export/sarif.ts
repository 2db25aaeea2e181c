// SARIF 2.1.0 export (OASIS Static Analysis Results Interchange Format, "the spec" below; section
// numbers are those of the 2.1.0 OASIS Standard). One run per log; artifacts, rules and results are
// built here, the location mapping lives in sarif-locations.ts. Environment-free (no DOM, no Node).
import { RULES, type RuleDef, type RuleId } from '../rules';
import type { FileReport, ScanReport, Severity } from '../types';
import { VERSION } from '../version';
import {
  ArtifactTable, MAX_NOTIFICATIONS_PER_FILE, clipText, fingerprint, resultLocation, type SarifArtifact, type SarifLocation,
} from './sarif-locations';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** GitHub code scanning shows at most 1024 characters of a rule's fullDescription. */
const MAX_FULL_DESCRIPTION = 1024;
/** Finding messages embed untrusted names; a hostile 1 MB member name must not make a 1 MB result. */
const MAX_MESSAGE_CHARS = 2000;
/** Evidence (an opcode window, a string excerpt) is for people: a few lines are enough. */
const MAX_EVIDENCE_CHARS = 2000;

type Level = 'error' | 'warning' | 'note' | 'none';

/** §3.27.10 result.level / §3.50.3 defaultConfiguration.level. DEBUG is context, not a problem: "none". */
const LEVEL: Record<Severity, Level> = { critical: 'error', warning: 'warning', info: 'note', debug: 'none' };

/**
 * GitHub code scanning reads a rule's `security-severity` (a CVSS-like score as a string: ≥ 9.0
 * critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low) when the rule is tagged "security".
 * CRITICAL means code execution or equivalent on load; WARNING means risky or suspicious.
 */
const SECURITY_SEVERITY: Record<Severity, string | undefined> = {
  critical: '9.0', warning: '5.0', info: '2.0', debug: undefined,
};

export interface SarifMessage { text: string }

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  help: SarifMessage & { markdown?: string };
  defaultConfiguration: { level: Level };
  properties: { tags: string[]; severity: string; 'security-severity'?: string; cve?: string[]; aliases?: string[] };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: Level;
  message: SarifMessage;
  locations: SarifLocation[];
  relatedLocations?: SarifLocation[];
  partialFingerprints: Record<string, string>;
  /** §3.27.23 / §3.35: a policy suppression or a baseline acceptance; GitHub shows the alert as dismissed. */
  suppressions?: Array<{ kind: 'external'; status: 'accepted'; justification: string }>;
  properties: Record<string, unknown>;
}

export interface SarifNotification {
  level: Level;
  message: SarifMessage;
  locations?: SarifLocation[];
  properties?: Record<string, unknown>;
}

export interface SarifRun {
  tool: { driver: { name: 'modelgate'; semanticVersion?: string; version: string; informationUri?: string; rules: SarifRule[] } };
  invocations: Array<{
    executionSuccessful: boolean;
    exitCode: number;
    startTimeUtc?: string;
    endTimeUtc?: string;
    toolExecutionNotifications?: SarifNotification[];
  }>;
  artifacts: SarifArtifact[];
  results: SarifResult[];
  properties: { summary: ScanReport['summary']; options: ScanReport['options']; policy?: ScanReport['policy'] };
}

/** A SARIF log as plain JSON data (the shape is checked against the official schema in tests). */
export type SarifLog = { version: '2.1.0'; $schema: string; runs: SarifRun[] };

export interface SarifOptions {
  /**
   * false (default): tool.driver.rules holds only the rules the results use. The spec allows either
   * (§3.19.23 "rules" need not be complete); the whole catalogue (~170 rules, ~150 KB of text) would
   * dwarf a typical one-file log, and every result carries ruleIndex into whichever set is written.
   * true: the whole catalogue, for consumers that want the tool's full rule metadata.
   */
  allRules?: boolean;
}

/** A saved report is data from disk: an unknown severity counts as WARNING rather than breaking the log. */
function severityOf(s: unknown): Severity {
  return s === 'critical' || s === 'warning' || s === 'info' || s === 'debug' ? s : 'warning';
}

/** 'pickle/dangerous-call' → 'PickleDangerousCall' (§3.49.7: name is a readable identifier, not prose). */
function ruleName(id: string): string {
  return id.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/** A report saved by another release may name a rule this catalogue lacks: describe it, never drop the result. */
function unknownRule(id: string, severity: Severity): RuleDef {
  const text = `Rule ${id} is not in the catalogue of modelgate ${VERSION}; the report came from another release.`;
  return { severity, title: id, explanation: text, remediation: 'Open the report with the release that wrote it for the rule\'s description.' };
}

function ruleDescriptor(id: string, severity: Severity): SarifRule {
  const def: RuleDef = Object.hasOwn(RULES, id) ? RULES[id as RuleId] : unknownRule(id, severity);
  // GitHub code scanning turns "external/cwe/cwe-NNN" tags into CWE links and filters; "security"
  // makes it read security-severity.
  const tags = ['security', ...(def.cwe ?? []).map((n) => `external/cwe/cwe-${n}`)];
  const properties: SarifRule['properties'] = { tags, severity: def.severity.toUpperCase() };
  const score = SECURITY_SEVERITY[def.severity];
  if (score !== undefined) properties['security-severity'] = score;
  if (def.cve?.length) properties.cve = [...def.cve];
  if (def.aliases?.length) properties.aliases = [...def.aliases];
  return {
    id,
    name: ruleName(id),
    shortDescription: { text: def.title },                             // §3.49.9
    fullDescription: { text: clipText(def.explanation, MAX_FULL_DESCRIPTION) }, // §3.49.10
    // §3.49.13 help: what to do. Plain text plus a markdown rendering for viewers that prefer it.
    help: { text: def.remediation, markdown: `**${def.title}**\n\n${def.explanation}\n\n**Remediation:** ${def.remediation}` },
    defaultConfiguration: { level: LEVEL[def.severity] },              // §3.50.3
    properties,                                                        // §3.8 property bag
  };
}

/** Why a file is incomplete, one notification per node that was not fully scanned (§3.58). */
function notifications(file: FileReport, artifacts: ArtifactTable): SarifNotification[] {
  const out: SarifNotification[] = [];
  const broken = file.nodes.filter((n) => n.status !== 'scanned');
  for (const node of broken.slice(0, MAX_NOTIFICATIONS_PER_FILE)) {
    const where = node.path.join(' › ');
    const why = node.error ? `: ${node.error}` : '';
    out.push({
      level: node.status === 'failed' ? 'error' : 'warning',
      message: { text: clipText(`${where} was not fully scanned (${node.status})${why}`, MAX_MESSAGE_CHARS) },
      locations: [resultLocation({ path: node.path }, artifacts, node.size).primary],
      properties: { status: node.status, format: node.format },
    });
  }
  if (broken.length > MAX_NOTIFICATIONS_PER_FILE) {
    out.push({ level: 'warning', message: { text: clipText(`${file.path}: ${broken.length - MAX_NOTIFICATIONS_PER_FILE} more parts were not fully scanned`, MAX_MESSAGE_CHARS) } });
  }
  if (broken.length === 0 && !file.complete) {
    // A file with no node at all (never reached the engine): still say so.
    out.push({ level: 'error', message: { text: clipText(`${file.path} could not be scanned`, MAX_MESSAGE_CHARS) },
      locations: [resultLocation({ path: [file.path] }, artifacts).primary] });
  }
  return out;
}

function endTime(report: ScanReport): string | undefined {
  const start = Date.parse(report.startedAt);
  if (!Number.isFinite(start) || !Number.isFinite(report.durationMs)) return undefined;
  return new Date(start + Math.max(0, report.durationMs)).toISOString();
}

export function toSarif(report: ScanReport, options: SarifOptions = {}): SarifLog {
  const artifacts = new ArtifactTable();
  // Every scanned file is an artifact (§3.24), findings or not, with its hash when known (§3.24.11).
  for (const f of report.files) artifacts.addFile(f);

  // Rules the results use, with the severity of their first finding (only read for unknown rules).
  const used = new Map<string, Severity>();
  for (const f of report.files) for (const x of f.findings) if (!used.has(x.ruleId)) used.set(x.ruleId, severityOf(x.severity));
  const ruleIds = options.allRules
    ? [...Object.keys(RULES), ...[...used.keys()].filter((id) => !Object.hasOwn(RULES, id)).sort()]
    : [...used.keys()].sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id) => ruleDescriptor(id, used.get(id) ?? 'warning'));

  const results: SarifResult[] = [];
  const notes: SarifNotification[] = [];
  const seen = new Map<string, number>();
  for (const file of report.files) {
    // Member sizes for nested artifacts; a map, since a large archive has many nodes and findings.
    const sizes = new Map(file.nodes.map((n) => [JSON.stringify(n.path), n.size]));
    for (const f of file.findings) {
      const index = ruleIndex.get(f.ruleId)!;
      const loc = resultLocation(f.location, artifacts, sizes.get(JSON.stringify(f.location.path)));
      const properties: Record<string, unknown> = {
        severity: severityOf(f.severity).toUpperCase(),
        // The exact, unambiguous location: member names may hold any character, so the joined
        // fullyQualifiedName is for people and this is for programs.
        location: { ...f.location, path: [...f.location.path] },
      };
      if (f.evidence !== undefined) properties.evidence = clipText(f.evidence, MAX_EVIDENCE_CHARS);
      if (f.severityReason !== undefined) properties.severityReason = clipText(f.severityReason, MAX_MESSAGE_CHARS);
      const result: SarifResult = {
        ruleId: f.ruleId,
        ruleIndex: index,                                                    // §3.27.6
        level: LEVEL[severityOf(f.severity)],                                            // §3.27.10: always explicit, severity may differ from the default
        message: { text: clipText(f.message, MAX_MESSAGE_CHARS) },           // §3.27.11
        locations: [loc.primary],                                            // §3.27.12
        partialFingerprints: fingerprint(f, seen),                          // §3.27.17
        properties,
      };
      if (loc.related) result.relatedLocations = [loc.related];              // §3.27.22
      if (f.suppression) {
        // §3.35.2 kind "external": the suppression lives outside the scanned artifact (the policy file
        // or the baseline report); the reason is the justification (§3.35.5).
        result.suppressions = [{ kind: 'external', status: 'accepted', justification: clipText(f.suppression.reason, MAX_MESSAGE_CHARS) }];
        properties.suppression = f.suppression.kind;
      }
      results.push(result);
    }
    if (!file.complete) notes.push(...notifications(file, artifacts));
  }
  if (report.files.length === 0) notes.push({ level: 'error', message: { text: 'No files were scanned' } });

  // §3.20.14 executionSuccessful: the tool could do its job. Findings (exit 1) are success; a file it
  // could not fully scan, or nothing to scan (exit 2), is not.
  const invocation: SarifRun['invocations'][number] = {
    executionSuccessful: report.exitCode !== 2,
    exitCode: report.exitCode,
  };
  if (Number.isFinite(Date.parse(report.startedAt))) invocation.startTimeUtc = new Date(report.startedAt).toISOString();
  const end = endTime(report);
  if (end) invocation.endTimeUtc = end;
  if (notes.length > 0) invocation.toolExecutionNotifications = notes;

  // The version that produced the report (a saved report may come from an older release), §3.19.16.
  const version = typeof report.tool?.version === 'string' && report.tool.version !== '' ? report.tool.version : VERSION;
  const driver: SarifRun['tool']['driver'] = { name: 'modelgate', version, rules };
  if (/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?$/.test(version)) driver.semanticVersion = version;
  const run: SarifRun = {
    tool: { driver },
    invocations: [invocation],
    artifacts: artifacts.list,
    results,
    properties: { summary: { ...report.summary }, options: report.options },
  };
  if (report.policy) run.properties.policy = report.policy;
  return { version: '2.1.0', $schema: SARIF_SCHEMA_URI, runs: [run] };
}

/** The SARIF download / CLI output: two-space indentation, trailing newline. */
export function toSarifJson(report: ScanReport, options?: SarifOptions): string {
  return JSON.stringify(toSarif(report, options), null, 2) + '\n';
}
