// A Map keyed by names an archive chose (tar and zip members, paths in an image), which may be long.
// V8 hashes a string of more than 16,383 characters by its length alone (String::kMaxHashCalcLength,
// v8/src/objects/string.h; StringHasher gives such strings a "trivial hash"), so a Map of thousands of
// long names of one length compares every new name with all the others, each comparison reading up to
// the whole name: a tar of 2,000 members named with 60 KB by pax took 17 s, almost all of it in two Maps.
// Here a longer name is looked up piece by piece, through a trie of Maps keyed by its pieces of at most
// that length, each hashed by V8 from its content: exact, and one native pass over the name.

/** Longest key V8 hashes by its content; longer names are split into pieces of this length. */
export const MAX_CONTENT_HASHED_CHARS = 16_383;

interface Node { next?: Map<string, Node>; at?: number }

/** The part of Map an archive scanner uses, exact and proportionate for names of any length; insertion order. */
export class NameMap<V> {
  private readonly entries: Array<{ name: string; value: V }> = [];
  private readonly short = new Map<string, number>();
  private readonly long = new Map<string, Node>();

  /** The entry index of `name`, or undefined; with `add`, the node that will hold it is made. */
  private find(name: string, add: false): number | undefined;
  private find(name: string, add: true): Node | number;
  private find(name: string, add: boolean): Node | number | undefined {
    if (name.length <= MAX_CONTENT_HASHED_CHARS) return this.short.get(name);
    let level = this.long;
    let node: Node | undefined;
    for (let i = 0; i < name.length; i += MAX_CONTENT_HASHED_CHARS) {
      const piece = name.slice(i, i + MAX_CONTENT_HASHED_CHARS);
      node = level.get(piece);
      if (!node) {
        if (!add) return undefined;
        level.set(piece, node = {});
      }
      if (i + MAX_CONTENT_HASHED_CHARS < name.length) level = node.next ??= new Map();
    }
    return node!.at ?? (add ? node! : undefined);
  }

  get(name: string): V | undefined {
    const at = this.find(name, false);
    return at === undefined ? undefined : this.entries[at]!.value;
  }

  has(name: string): boolean {
    return this.find(name, false) !== undefined;
  }

  set(name: string, value: V): this {
    const found = this.find(name, true);
    if (typeof found === 'number') this.entries[found]!.value = value;
    else this.add(found, name, value);
    return this;
  }

  private add(node: Node | undefined, name: string, value: V): void {
    const at = this.entries.push({ name, value }) - 1;
    if (node) node.at = at;
    else this.short.set(name, at);
  }

  /** The value of `name` when present; else sets it to `value` and returns undefined (one lookup). */
  claim(name: string, value: V): V | undefined {
    const found = this.find(name, true);
    if (typeof found === 'number') return this.entries[found]!.value;
    this.add(found, name, value);
    return undefined;
  }

  get size(): number { return this.entries.length; }

  *[Symbol.iterator](): IterableIterator<[string, V]> {
    for (const e of this.entries) yield [e.name, e.value];
  }
}
