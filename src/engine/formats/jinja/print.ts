// Evidence for a finding: the AST has no source positions, so the offending expression is printed back
// from the tree, Jinja-like, bounded in depth and length (the text is untrusted and shown to people).
import { clip } from '../../io/text';

/** A loosely typed AST node: the package's node classes, read by their `type` tag. */
export interface JNode { type: string; [k: string]: unknown }

export const isNode = (v: unknown): v is JNode =>
  typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string';

/** Evidence length and the nesting printed; deeper parts become "…". */
export const MAX_EVIDENCE_CHARS = 160;
const MAX_PRINT_DEPTH = 24;

export function printExpr(node: unknown): string {
  return clip(pr(node, 0), MAX_EVIDENCE_CHARS);
}

function list(items: unknown, depth: number): string {
  return Array.isArray(items) ? items.map((x) => pr(x, depth + 1)).join(', ') : '';
}

function pr(n: unknown, depth: number): string {
  if (!isNode(n)) return '';
  if (depth > MAX_PRINT_DEPTH) return '…';
  const d = depth + 1;
  switch (n.type) {
    case 'Identifier': return String(n.value);
    case 'StringLiteral': return JSON.stringify(String(n.value)).replace(/^"|"$/g, "'");
    case 'IntegerLiteral': case 'FloatLiteral': case 'NumericLiteral': case 'BooleanLiteral': return String(n.value);
    case 'ArrayLiteral': return `[${list(n.value, d)}]`;
    case 'TupleLiteral': return `(${list(n.value, d)})`;
    case 'ObjectLiteral': return n.value instanceof Map
      ? `{${[...n.value].slice(0, 8).map(([k, v]) => `${pr(k, d)}: ${pr(v, d)}`).join(', ')}}` : '{…}';
    case 'MemberExpression': return n.computed ? `${pr(n.object, d)}[${pr(n.property, d)}]` : `${pr(n.object, d)}.${pr(n.property, d)}`;
    case 'CallExpression': return `${pr(n.callee, d)}(${list(n.args, d)})`;
    case 'FilterExpression': return `${pr(n.operand, d)}|${pr(n.filter, d)}`;
    case 'TestExpression': return `${pr(n.operand, d)} is ${n.negate ? 'not ' : ''}${pr(n.test, d)}`;
    case 'BinaryExpression': return `${pr(n.left, d)} ${opOf(n.operator)} ${pr(n.right, d)}`;
    case 'UnaryExpression': return `${opOf(n.operator)} ${pr(n.argument, d)}`;
    case 'KeywordArgumentExpression': return `${pr(n.key, d)}=${pr(n.value, d)}`;
    case 'SpreadExpression': return `*${pr(n.argument, d)}`;
    case 'KeywordSpreadExpression': return `**${pr(n.argument, d)}`;
    case 'SliceExpression': return `${pr(n.start, d)}:${pr(n.stop, d)}${n.step ? `:${pr(n.step, d)}` : ''}`;
    case 'Ternary': return `${pr(n.trueExpr, d)} if ${pr(n.condition, d)} else ${pr(n.falseExpr, d)}`;
    case 'SelectExpression': return `${pr(n.lhs, d)} if ${pr(n.test, d)}`;
    default: return `<${n.type}>`;
  }
}

function opOf(t: unknown): string {
  return typeof t === 'object' && t !== null && typeof (t as { value?: unknown }).value === 'string' ? (t as { value: string }).value : '?';
}
