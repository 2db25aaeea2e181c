// Type annotations stored in a pickle. typing's generic aliases pickle as a subscription:
// `Optional[Tensor]` is `operator.getitem(typing.Union, (torch.Tensor, type(None)))` and `List[int]`
// is `operator.getitem(typing.List, int)` (CPython Lib/typing.py, _GenericAlias.__reduce__ and
// _UnionGenericAlias.__reduce__ return `operator.getitem, (origin, args)`). PyTorch Geometric saves the
// signature of every message-passing layer this way (torch_geometric/inspector.py), so torch.save(model)
// of a GNN carries them. operator.getitem reads any item of any mapping (sys.modules['os']) and so stays
// dangerous; this file recognises only the subscription of a typing construct by type expressions.
import type { CallNode, GlobalNode } from './machine';
import { isNode, tupleItems, type Val } from './values';

/** Modules whose generic constructs a pickled annotation subscripts. */
const TYPING_MODULES = new Set(['typing', 'typing_extensions']);
/**
 * The typing constructs whose __getitem__ builds an alias from its arguments and runs nothing else
 * (typing._type_check converts strings to ForwardRef, which compile()s them without running them; a
 * string is accepted only where it is a value, as Literal's and Annotated's metadata).
 */
const GENERIC_FORMS = new Set([
  'Union', 'Optional', 'List', 'Dict', 'Set', 'FrozenSet', 'Tuple', 'Type', 'Callable', 'Sequence', 'Mapping',
  'MutableMapping', 'MutableSequence', 'Iterable', 'Iterator', 'Collection', 'DefaultDict', 'OrderedDict',
  'Counter', 'Deque', 'ChainMap', 'Generator', 'AsyncIterator', 'AsyncIterable', 'Awaitable', 'Coroutine',
  'ClassVar', 'Final', 'Literal', 'Annotated', 'Required', 'NotRequired', 'ReadOnly', 'Unpack', 'TypeGuard',
  'TypeIs', 'AbstractSet', 'KeysView', 'ValuesView', 'ItemsView', 'Pattern', 'Match', 'IO', 'NamedTuple',
]);
/** Forms whose arguments may be plain values (Literal['a', 1], Annotated[int, 'meta']). */
const VALUE_FORMS = new Set(['Literal', 'Annotated']);
/** Nesting followed inside one annotation (Optional[Dict[str, List[Tensor]]] is 4 deep). */
const MAX_TYPE_DEPTH = 8;

const isGetitem = (g: GlobalNode): boolean => (g.module === '_operator' || g.module === 'operator')
  && (g.name === 'getitem' || g.name === '__getitem__');

/** The typing construct a getitem call subscripts, when it is one and its arguments are type expressions. */
export function typeSubscript(g: GlobalNode, c: CallNode): GlobalNode | null {
  if (!isGetitem(g) || c.kwargs !== undefined) return null;
  const args = tupleItems(c.args);
  if (!args || args.length !== 2) return null;
  return formOf(args[0] ?? null) && typeExpr(args[1] ?? null, VALUE_FORMS.has((args[0] as GlobalNode).name), 0)
    ? args[0] as GlobalNode : null;
}

function formOf(v: Val): v is GlobalNode {
  return isNode(v) && v.t === 'global' && TYPING_MODULES.has(v.module) && GENERIC_FORMS.has(v.name);
}

/**
 * A type expression: a global (judged on its own as an import), None, type(None), a tuple or list of
 * type expressions, or a nested subscription of a typing construct. Plain values only inside Literal and
 * Annotated.
 */
function typeExpr(v: Val, values: boolean, depth: number): boolean {
  if (depth > MAX_TYPE_DEPTH) return false;
  if (v === null) return true;
  if (!isNode(v)) return values && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint');
  if (v.t === 'global') return true;
  if (v.t === 'tuple' || v.t === 'list') {
    return v.items.length === v.n && v.items.every((x) => typeExpr(x, values, depth + 1));
  }
  if (v.t !== 'call' || !isNode(v.fn) || v.fn.t !== 'global') return false;
  // type(None) (how NoneType pickles) and a nested subscription. Each call was judged when the machine
  // reached its REDUCE; a memoized one comes back with its arguments dropped (memo.ts), so only the
  // callable is checked here. The subscription stores its arguments; it calls none of them.
  const fn = v.fn;
  return ((fn.module === 'builtins' || fn.module === '__builtin__') && fn.name === 'type') || isGetitem(fn);
}
