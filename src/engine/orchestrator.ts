// Visits one node: head → negative signatures → select → scan, and recurses through scanChild. Every
// failure is contained at the node that failed and makes the file incomplete (fail closed).
import { Budget } from './limits';
import { RULES } from './rules';
import { scannerFilter, select, SCANNERS, type Selection } from './registry';
import { makeBlacklist, type Blacklist } from './detectors/blacklist';
import { inspectText } from './detectors/strings';
import { negativeSignature } from './negative';
import { clip } from './io/text';
import { tailFor } from './containers/zip-sniff';
import { boundNote } from './notes';
import { nodeName } from './formats/child-names';
export { MAX_NODE_NAME_CHARS, nodeName } from './formats/child-names';
import {
  FormatError, LimitExceeded, NeedsIsolation, ScanAborted,
  type ByteSource, type Finding, type FindingInput, type Head, type JsonValue, type NodeReport,
  type ScanContext, type ScanHooks, type ScanOptions, type StringWhere,
} from './types';

// Member names and quoted strings come from the file, and a hostile one makes them a megabyte each (a
// pax path may be 1 MiB): 600 tar members so named made a 600 MB report, more than V8 can build as one
// string. What the report keeps of them is bounded here, for every format at once.
/** Characters of a finding's message kept (messages quote names and strings). */
export const MAX_MESSAGE_CHARS = 2000;
/** Characters of a finding's pointer kept (a JSON pointer or a member name). */
export const MAX_POINTER_CHARS = 4096;

const cut = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max)}…` : text);

/** The last non-empty segment of a '/' or '\\' separated name (the name itself when it has none). A scan
 * from the end, without splitting: member names can be 64 KiB of separators. */
export function baseName(name: string): string {
  let end = name.length;
  while (end > 0 && (name[end - 1] === '/' || name[end - 1] === '\\')) end--;
  if (end === 0) return name;
  let start = end;
  while (start > 0 && name[start - 1] !== '/' && name[start - 1] !== '\\') start--;
  return name.slice(start, end);
}

export function extensionOf(name: string): string {
  const base = baseName(name);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** How a format is named in progress labels: the fallback scanner is not a format called "unknown". */
export function formatLabel(id: string): string {
  return id === 'unknown' ? 'unrecognised data' : id;
}

/**
 * The progress label of the node being worked on: the formats from the file down to it, then the stage
 * ("zip › compressed › unrecognised data: reading"). Built once per node, so progress stays cheap.
 */
export function phaseLabel(trail: readonly string[], stage: string): string {
  return trail.length ? `${trail.join(' › ')}: ${stage}` : stage;
}

/**
 * Selects the scanner, reading the node's tail (Head.tail) only when the head alone leaves it to the
 * generic zip scanner, a name or the fallback: readers find a zip from its end, so a zip behind a prefix
 * (or a skops/TorchServe zip named .zip, recognised by its last central record) shows only there.
 * Formats recognised by their head (safetensors, GGUF, legacy PyTorch, ...) never pay for the read.
 */
export async function selectWithTail(source: ByteSource, head: Head, charge?: (n: number) => void,
  enabled?: ReturnType<typeof scannerFilter>): Promise<Selection> {
  const first = select(head, enabled);
  const settled = first.sniff.confidence !== 'name' && first.scanner.id !== 'zip';
  if (settled) return first;
  head.tail = await tailFor(source, head, charge);
  return select(head, enabled);
}

/**
 * Scanners whose extensions name a model or archive format: an empty file with one of these names is
 * malformed. Text-ish formats (configs, templates) may legitimately be empty.
 */
const TEXT_FORMATS = new Set(['config', 'jinja', 'unknown', 'pmml', 'openvino', 'diffusers', 'mxnet', 'lightgbm']);
function modelFormatNamed(ext: string): string | undefined {
  if (!ext) return undefined;
  return SCANNERS.find((s) => !TEXT_FORMATS.has(s.id) && s.extensions.includes(ext))?.id;
}

/** State shared by every node of one top-level file. */
export class Walk {
  readonly budget: Budget;
  readonly blacklist: Blacklist;
  readonly findings: Finding[] = [];
  readonly nodes: NodeReport[] = [];
  private readonly perRule = new Map<string, number>();
  suppressed = 0;

  constructor(readonly options: ScanOptions, readonly hooks: ScanHooks) {
    this.budget = new Budget(options.limits);
    this.blacklist = makeBlacklist(options.blacklist);
  }

  checkAborted(): void {
    const s = this.hooks.signal;
    if (s?.aborted) throw new ScanAborted(s.reason === 'timeout' ? 'timeout' : 'cancelled');
  }

  add(path: string[], f: FindingInput): void {
    const key = `${path.join('\u0000')}\u0001${f.ruleId}`;
    const n = (this.perRule.get(key) ?? 0) + 1;
    this.perRule.set(key, n);
    if (n > this.budget.limits.maxFindingsPerRule) { this.suppressed++; return; }
    const finding: Finding = {
      ruleId: f.ruleId,
      severity: f.severity ?? RULES[f.ruleId].severity,
      message: cut(f.message, MAX_MESSAGE_CHARS),
      location: { path: [...path] },
    };
    if (f.offset !== undefined) finding.location.offset = f.offset;
    if (f.pointer !== undefined) finding.location.pointer = cut(f.pointer, MAX_POINTER_CHARS);
    if (f.evidence !== undefined) finding.evidence = clip(f.evidence, 400);
    if (f.severityReason !== undefined) finding.severityReason = f.severityReason;
    this.findings.push(finding);
  }

  inspectString(path: string[], text: string, where: StringWhere): void {
    const max = this.budget.limits.maxStringBytes;
    const sample = text.length > max ? text.slice(0, max) : text;
    const hit = this.blacklist.match(sample);
    if (hit !== null) {
      this.add(path, { ruleId: 'supply-chain/blacklisted-name', message: `A metadata string matches the blacklist pattern "${hit}"`,
        pointer: where.pointer, offset: where.offset, evidence: sample });
    }
    for (const h of inspectText(sample)) {
      const link = h.ruleId === 'strings/url' || h.ruleId === 'strings/ip-address';
      const [severity, severityReason] = where.documentation && link
        ? ['info' as const, 'a link in documentation text, not in model data'] : [h.severity, h.severityReason];
      this.add(path, { ruleId: h.ruleId, message: h.message, evidence: h.evidence, pointer: where.pointer,
        offset: where.offset, severity, severityReason });
    }
  }

  /** Scans one node and everything below it. Never throws except ScanAborted. */
  async visit(source: ByteSource, path: string[], depth: number, hint?: string, trail: readonly string[] = []): Promise<void> {
    this.checkAborted();
    this.hooks.onProgress?.({ bytesRead: this.budget.bytesRead, phase: phaseLabel(trail, trail.length ? 'identifying a member' : 'identifying the format') });
    const node: NodeReport = { path: [...path], format: 'unknown', size: source.size, status: 'scanned' };
    this.nodes.push(node);
    const parentPath = path.slice(0, -1);
    try {
      this.budget.chargeNode();
    } catch (e) {
      node.status = 'limited';
      node.error = (e as Error).message;
      this.add(parentPath.length ? parentPath : path, { ruleId: 'scan/limit-reached', message: `Stopped at ${node.error}; later members were not scanned` });
      return;
    }
    if (depth > this.budget.limits.maxDepth) {
      node.status = 'limited';
      node.error = `nesting deeper than ${this.budget.limits.maxDepth}`;
      this.add(path, { ruleId: 'archive/nesting-too-deep', message: `Nested content at depth ${depth} was not opened (limit ${this.budget.limits.maxDepth})` });
      return;
    }

    const name = baseName(path[path.length - 1] ?? source.name);
    const nameHit = this.blacklist.match(path[path.length - 1] ?? name);
    if (nameHit !== null) {
      this.add(path, { ruleId: 'supply-chain/blacklisted-name', message: `The name matches the blacklist pattern "${nameHit}"`, evidence: name });
    }

    let bytes: Uint8Array;
    try {
      bytes = await source.read(0, Math.min(source.size, this.budget.limits.headBytes));
      this.budget.chargeRead(bytes.length);
    } catch (e) {
      node.status = 'failed';
      node.error = `read failed: ${(e as Error).message}`;
      this.add(path, { ruleId: 'scan/unreadable', message: `Could not read the content: ${(e as Error).message}` });
      return;
    }
    const head: Head = { bytes, size: source.size, name, ext: extensionOf(name), hint };

    const negative = negativeSignature(head);
    const namedAs = negative?.format === 'empty' ? modelFormatNamed(head.ext) : undefined;
    if (namedAs) {
      // An empty "model.safetensors" is not a harmless empty file: the loader will fail on it, and the
      // model the name promises was never scanned (a failed download, a truncated copy).
      node.format = namedAs;
      node.status = 'malformed';
      node.error = 'empty file';
      this.add(path, negative!.finding);
      this.add(path, { ruleId: 'format/malformed', message: `The file is empty, but its name ("${head.ext}") says ${namedAs}: there is no model in it to load or scan` });
      return;
    }
    if (negative) {
      node.format = negative.format;
      this.add(path, negative.finding);
      return;
    }

    let selection: Selection;
    try {
      selection = await selectWithTail(source, head, (n) => this.budget.chargeRead(n), scannerFilter(this.options.scanners));
    } catch (e) {
      node.status = 'failed';
      node.error = `read failed: ${(e as Error).message}`;
      this.add(path, { ruleId: 'scan/unreadable', message: `Could not read the content: ${(e as Error).message}` });
      return;
    }
    const { scanner, sniff, claimedBy } = selection;
    node.format = scanner.id;
    if (claimedBy && sniff.confidence !== 'name') {
      this.add(path, { ruleId: 'file/extension-mismatch', message: `Named "${head.ext}" (${claimedBy.id}) but the content is ${scanner.id}` });
    } else if (claimedBy) {
      this.add(path, { ruleId: 'file/extension-mismatch', message: `Named "${head.ext}" (${claimedBy.id}) but the content is not ${claimedBy.id}` });
    }

    if (scanner.blocking && this.options.refuseBlocking) throw new NeedsIsolation(scanner.id);
    const ctx = this.context(source, head, sniff.state, path, depth, node, [...trail, formatLabel(scanner.id)]);
    try {
      await scanner.scan(ctx);
    } catch (e) {
      if (e instanceof ScanAborted) throw e;
      if (e instanceof FormatError) {
        node.status = 'malformed';
        node.error = e.message;
        this.add(path, { ruleId: 'format/malformed', message: `Malformed ${scanner.id}: ${e.message}`, offset: e.offset });
      } else if (e instanceof LimitExceeded) {
        node.status = 'limited';
        node.error = e.message;
        this.add(path, { ruleId: 'scan/limit-reached', message: `Scan stopped: ${e.message} (limit ${e.limit})` });
      } else {
        node.status = 'failed';
        node.error = e instanceof Error ? e.message : String(e);
        this.add(path, { ruleId: 'scan/internal-error', message: `The ${scanner.id} scanner failed: ${node.error}` });
      }
    }
    node.size = source.size; // a stream decoded in one pass learns its size as it is read (compressed/unsized.ts)
  }

  private context(source: ByteSource, head: Head, state: unknown, path: string[], depth: number, node: NodeReport,
    trail: readonly string[]): ScanContext {
    const walk = this;
    const phase = phaseLabel(trail, 'reading');
    return {
      source, head, state, path, depth,
      options: this.options,
      budget: this.budget,
      report: (f) => walk.add(path, f),
      note(key: string, value: JsonValue) {
        const b = boundNote(value); // notes.ts: no note grows with the input past a bound
        (node.notes ??= {})[key] = b.value;
        if (b.truncated) node.notes[`${key}Truncated`] = true;
      },
      limited(reason: string) {
        if (node.status === 'scanned') node.status = 'limited';
        node.error = node.error ? `${node.error}; ${reason}` : reason;
      },
      scanChild: (childName, child, childHint) => walk.visit(child, [...path, nodeName(childName)], depth + 1, childHint, trail),
      inspectString: (text, where) => walk.inspectString(path, text, where),
      async read(offset, length) {
        walk.checkAborted();
        const out = await source.read(offset, length);
        walk.budget.chargeRead(out.length);
        walk.hooks.onProgress?.({ bytesRead: walk.budget.bytesRead, phase });
        return out;
      },
      checkAborted: () => walk.checkAborted(),
      checkpoint: () => walk.checkpoint(),
    };
  }

  /** See ScanContext.checkpoint: a rollback to the findings, nodes and per-rule counts of now. */
  checkpoint(): () => void {
    const findings = this.findings.length, nodes = this.nodes.length, perRule = new Map(this.perRule), suppressed = this.suppressed;
    return () => {
      this.findings.length = findings;
      this.nodes.length = nodes;
      this.perRule.clear();
      for (const [k, v] of perRule) this.perRule.set(k, v);
      this.suppressed = suppressed;
    };
  }
}
