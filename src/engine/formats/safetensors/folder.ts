// Cross-file check of a sharded checkpoint: model.safetensors.index.json against the shards scanned
// with it. transformers loads each tensor from the shard the index names; a loader that instead reads
// every *.safetensors in the folder takes whichever copy comes last. When shards hold tensors the
// index gives to another shard (or does not list), the two loaders build different models, and a
// reviewer who checks one shard may not be looking at the weights that run.
import type { FolderCheck } from '../../registry';
import { RULES } from '../../rules';
import type { FileReport, Finding, JsonValue, NodeReport } from '../../types';
import { escapesFolder } from '../../folder/references';

/** Tensor names quoted in one finding's evidence. */
const MAX_NAMES_IN_EVIDENCE = 5;

function normalize(path: string): string {
  const p = path.replace(/\\/g, '/');
  const segs = p.split('/').filter((s) => s !== '' && s !== '.');
  return (p.startsWith('/') ? '/' : '') + segs.join('/');
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i + 1);
}

function baseOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function stringList(v: JsonValue | undefined): string[] | null {
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : null;
}

function root(f: FileReport): NodeReport | undefined {
  return f.nodes[0];
}

function finding(file: string, message: string, evidence?: string): { file: string; finding: Finding } {
  const rule = 'safetensors/index-inconsistent' as const;
  const out: Finding = { ruleId: rule, severity: RULES[rule].severity, message, location: { path: [file] } };
  if (evidence !== undefined) out.evidence = evidence;
  return { file, finding: out };
}

function quote(names: readonly string[]): string {
  const shown = names.slice(0, MAX_NAMES_IN_EVIDENCE).map((n) => JSON.stringify(n)).join(', ');
  return names.length > MAX_NAMES_IN_EVIDENCE ? `${shown}, … (${names.length} in all)` : shown;
}

function checkIndex(index: FileReport, byPath: Map<string, FileReport>): Array<{ file: string; finding: Finding }> {
  const notes = root(index)?.notes;
  const weightMap = notes?.weightMap;
  if (!weightMap || typeof weightMap !== 'object' || Array.isArray(weightMap)) return [];
  const truncated = notes?.weightMapTruncated === true;
  const indexPath = normalize(index.path);
  const dir = dirOf(indexPath);
  const indexName = baseOf(indexPath);

  const assigned = new Map<string, string>(); // tensor → shard the index gives it to
  const shards: Array<{ name: string; path: string; tensors: string[] }> = [];
  for (const name of Object.keys(weightMap)) {
    const tensors = stringList(weightMap[name]);
    if (!tensors || escapesFolder(name)) continue; // escapes are reported by the index scanner
    shards.push({ name, path: normalize(dir + name), tensors });
    for (const t of tensors) assigned.set(t, name);
  }
  const present = shards.filter((s) => byPath.has(s.path));
  // Only the index was dropped, not the folder: nothing to compare against.
  if (present.length === 0) return [];

  const out: Array<{ file: string; finding: Finding }> = [];
  for (const s of shards) {
    if (!byPath.has(s.path)) {
      out.push(finding(index.path, `${indexName} names the shard "${s.name}", which is not among the scanned files`, s.name));
    }
  }
  for (const s of present) {
    const shard = byPath.get(s.path)!;
    const node = root(shard);
    const names = node?.format === 'safetensors' ? stringList(node.notes?.tensorNames) : null;
    if (!names) continue; // a malformed shard carries its own findings
    const actual = new Set(names);
    const expected = new Set(s.tensors);
    if (node?.notes?.tensorNamesTruncated !== true && !truncated) {
      const lacking = s.tensors.filter((t) => !actual.has(t));
      if (lacking.length) {
        out.push(finding(shard.path, `Shard "${s.name}" lacks ${lacking.length} tensor(s) that ${indexName} assigns to it`, quote(lacking)));
      }
    }
    if (truncated) continue;
    const foreign = names.filter((t) => !expected.has(t) && assigned.has(t));
    const unlisted = names.filter((t) => !assigned.has(t));
    if (foreign.length) {
      out.push(finding(shard.path, `Shard "${s.name}" holds ${foreign.length} tensor(s) that ${indexName} assigns to other shards, e.g. "${foreign[0]}" to "${assigned.get(foreign[0]!)}"`, quote(foreign)));
    }
    if (unlisted.length) {
      out.push(finding(shard.path, `Shard "${s.name}" holds ${unlisted.length} tensor(s) that ${indexName} does not list`, quote(unlisted)));
    }
  }
  return out;
}

/** Sharded checkpoint vs its model.safetensors.index.json: see the file comment. */
export const safetensorsIndexCheck: FolderCheck = {
  id: 'safetensors-index',
  check(files) {
    const byPath = new Map<string, FileReport>();
    for (const f of files) byPath.set(normalize(f.path), f);
    const out: Array<{ file: string; finding: Finding }> = [];
    for (const f of files) {
      if (root(f)?.format === 'safetensors-index') out.push(...checkIndex(f, byPath));
    }
    return out;
  },
};
