// Walks a report's node path back to bytes: ['model.pt', 'archive/data.pkl'] → that member's bytes, for
// the pickle view. Each level is sniffed exactly as the orchestrator sniffed it (same head, same name,
// same hint) and the chosen scanner re-opens the named child (Scanner.open), so container logic lives
// in one place: the scanner that wrote the path is the one that reads it back.
import { Budget } from './limits';
import { negativeSignature } from './negative';
import { baseName, extensionOf, selectWithTail } from './orchestrator';
import type { ByteSource, Head, NodeReport } from './types';

/** One level of a node path: the child's name and which of the children of that name (0-based). */
export interface NodeStep {
  name: string;
  nth: number;
  /** The node's size in the report (Scanner.open: a compressed stream is then decoded once, not twice). */
  size?: number;
}

/**
 * The bytes of the node at `path` under `root` (path[0] names the root itself), or null when some
 * level is not a container that can re-open its children, or has no such child. Read errors throw.
 * Steps given as bare names take the first child of that name.
 */
export async function openNode(root: ByteSource, path: readonly (string | NodeStep)[],
  budget: Budget = new Budget()): Promise<ByteSource | null> {
  const steps = path.map((s) => (typeof s === 'string' ? { name: s, nth: 0 } : s));
  if (steps.length === 0) return null;
  let source = root;
  let hint: string | undefined;
  for (let depth = 1; depth < steps.length; depth++) {
    // The scan stopped opening containers below maxDepth: nothing deeper has a node of its own.
    if (depth > budget.limits.maxDepth) return null;
    const parentName = steps[depth - 1]!.name;
    const name = baseName(parentName);
    const bytes = await source.read(0, Math.min(source.size, budget.limits.headBytes));
    const head: Head = { bytes, size: source.size, name, ext: extensionOf(name), hint };
    if (negativeSignature(head)) return null;
    const { scanner, sniff } = await selectWithTail(source, head);
    if (!scanner.open) return null;
    const step = steps[depth]!;
    const child = await scanner.open({ source, head, state: sniff.state, budget, childSize: step.size }, step.name, step.nth);
    if (!child) return null;
    source = child.source;
    hint = child.hint;
  }
  return source;
}

/**
 * The path of nodes[index] with, at each level, which same-named sibling it is. Nodes are listed in
 * visit order (depth first, parent before children), so siblings of one parent instance sit between
 * that parent and the node, and duplicate member names (an attack of their own) stay apart.
 */
export function nodeAddress(nodes: readonly NodeReport[], index: number): NodeStep[] | null {
  const target = nodes[index];
  if (!target) return null;
  const steps: NodeStep[] = [];
  let parent = -1;
  for (let level = 0; level < target.path.length; level++) {
    const prefix = target.path.slice(0, level + 1);
    let at = -1;
    for (let j = index; j > parent; j--) {
      if (samePath(nodes[j]!.path, prefix)) { at = j; break; }
    }
    if (at < 0) return null;
    let nth = 0;
    for (let j = parent + 1; j < at; j++) if (samePath(nodes[j]!.path, prefix)) nth++;
    steps.push({ name: prefix[level]!, nth, size: nodes[at]!.size });
    parent = at;
  }
  return steps;
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
