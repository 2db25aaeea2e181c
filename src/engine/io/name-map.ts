// A Map keyed by names an archive chose (tar and zip members, paths in an image), which may be long.
// V8 hashes a string of more than 16,383 characters by its length alone (String::kMaxHashCalcLength,
// v8/src/objects/string.h; StringHasher gives such strings a "trivial hash"), so a Map of thousands of
// long names of one length compares every new name with all the others, each comparison reading up to
// the whole name: a tar of 2,000 members named with 60 KB by pax took 17 s, almost all of it in two Maps.
// Here a longer name is looked up piece by piece, through a trie of Maps keyed by its pieces of at most
// that length, each hashed by V8 from its content: exact, and one native pass over the name.

/** Longest key V8 hashes by its content; longer names are split into pieces of this length. */
export const MAX_CONTENT_HASHED_CHARS = 16_383;

interface Node<V> { next?: Map<string, Node<V>>; entry?: { name: string; value: V } }

/**
 * The part of Map an archive scanner uses, exact and proportionate for names of any length. Iterates the
 * names of up to MAX_CONTENT_HASHED_CHARS in insertion order, then the longer ones in theirs.
 */
export class NameMap<V> {
  private readonly short = new Map<string, V>();
  private readonly long = new Map<string, Node<V>>();
  private readonly longEntries: Array<{ name: string; value: V }> = [];

  /** The node that holds (or, with `add`, will hold) the long `name`; undefined when absent. */
  private node(name: string, add: boolean): Node<V> | undefined {
    let level = this.long;
    let node: Node<V> | undefined;
    for (let i = 0; i < name.length; i += MAX_CONTENT_HASHED_CHARS) {
      const piece = name.slice(i, i + MAX_CONTENT_HASHED_CHARS);
      node = level.get(piece);
      if (!node) {
        if (!add) return undefined;
        level.set(piece, node = {});
      }
      if (i + MAX_CONTENT_HASHED_CHARS < name.length) level = node.next ??= new Map();
    }
    return node;
  }

  get(name: string): V | undefined {
    return name.length <= MAX_CONTENT_HASHED_CHARS ? this.short.get(name) : this.node(name, false)?.entry?.value;
  }

  has(name: string): boolean {
    return name.length <= MAX_CONTENT_HASHED_CHARS ? this.short.has(name) : this.node(name, false)?.entry !== undefined;
  }

  set(name: string, value: V): this {
    this.claim(name, value, true);
    return this;
  }

  /**
   * The value of `name` when present (replaced by `value` when `replace`); else sets it to `value` and
   * returns undefined. One lookup.
   */
  claim(name: string, value: V, replace = false): V | undefined {
    if (name.length <= MAX_CONTENT_HASHED_CHARS) {
      const before = this.short.get(name);
      if (before === undefined ? !this.short.has(name) || replace : replace) this.short.set(name, value);
      return before;
    }
    const node = this.node(name, true)!;
    if (node.entry) {
      const before = node.entry.value;
      if (replace) node.entry.value = value;
      return before;
    }
    node.entry = { name, value };
    this.longEntries.push(node.entry);
    return undefined;
  }

  get size(): number { return this.short.size + this.longEntries.length; }

  *[Symbol.iterator](): IterableIterator<[string, V]> {
    yield* this.short;
    for (const e of this.longEntries) yield [e.name, e.value];
  }
}
