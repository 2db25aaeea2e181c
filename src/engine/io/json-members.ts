// One JSON object read member by member, without building it (parseJsonMembers): the streamed path of
// io/json.ts for headers of a million members. Same grammar, limits and duplicate records as parseJson.
import type { JsonValue } from '../types';
import { framePointer, Parser, pointerToken, type Frame, type JsonDocument, type JsonObject, type JsonParseOptions } from './json';
import { NameMap } from './name-map';

/** A JSON document that is one object, read member by member: what parseJsonMembers returns. */
export type JsonMembers = Omit<JsonDocument, 'value'>;

/**
 * Parses a JSON text that must be one object without building that object: `onMember` gets each key,
 * its value and the byte offset of the key, in document order. A repeated key is passed again with
 * `repeated` set (the caller decides, as loaders do, that the last one wins) and recorded in `duplicates`. Why: a
 * safetensors header may be 100 MB of a million members, and one million-key object plus its
 * garbage cost ~1 GB and most of a minute; a million small values, each dropped after its callback,
 * do not.
 */
export function parseJsonMembers(bytes: Uint8Array, options: JsonParseOptions, onMember: MemberCallback,
  streamed?: (key: string, repeated: boolean) => MemberCallback | undefined): JsonMembers {
  return new MemberParser(bytes, options.maxDepth).members(onMember, streamed);
}

/**
 * What parseJsonMembers hands each member to. With `streamed`, a member whose value is an object and
 * for whose key `streamed` returns a callback is not built either: its own members go to that callback
 * (the weight_map of a sharded checkpoint's index: a million entries).
 */
export type MemberCallback = (key: string, value: JsonValue, offset: number, repeated: boolean) => void;


class MemberParser extends Parser {
  members(onMember: MemberCallback, streamed?: (key: string, repeated: boolean) => MemberCallback | undefined): JsonMembers {
    this.ws();
    if (this.b[this.pos] !== 0x7b) this.fail(this.pos >= this.b.length ? 'unexpected end, expected an object' : 'expected an object');
    if (this.maxDepth < 1) this.fail(`nesting deeper than ${this.maxDepth}`);
    // The object being read, as the parent frame of its members' containers (for their pointers).
    const outer: Frame = { container: Object.create(null) as JsonObject, parent: undefined, slot: '' };
    this.objectMembers(outer, (k, at, repeated) => {
      this.ws();
      const inner = this.b[this.pos] === 0x7b ? streamed?.(k, repeated) : undefined;
      if (!inner) { onMember(k, this.value(outer), at, repeated); return; }
      if (this.maxDepth < 2) this.fail(`nesting deeper than ${this.maxDepth}`);
      const frame: Frame = { container: Object.create(null) as JsonObject, parent: outer, slot: k };
      this.objectMembers(frame, (k2, at2, repeated2) => inner(k2, this.value(frame, 2), at2, repeated2));
    });
    this.ws();
    if (this.pos !== this.b.length) this.fail('trailing data after the JSON value');
    return { duplicates: this.duplicates, duplicatesDropped: this.dropped };
  }

  /**
   * Reads the object at `pos` ('{') to its '}', its keys into `frame`, calling `each` to read every
   * value. Keys are told apart by a NameMap: a Set of keys longer than 16,383 characters is quadratic.
   */
  private objectMembers(frame: Frame, each: (key: string, offset: number, repeated: boolean) => void): void {
    this.pos++;
    this.ws();
    if (this.b[this.pos] === 0x7d) { this.pos++; return; }
    const seen = new NameMap<true>();
    const pointer = framePointer(frame);
    for (;;) {
      this.ws();
      const at = this.pos;
      if (this.b[this.pos] !== 0x22) this.fail('expected a string key');
      const k = this.string();
      const repeated = seen.claim(k, true) !== undefined;
      if (repeated) this.duplicate(`${pointer}/${pointerToken(k)}`, at);
      this.expect(0x3a, "':'");
      frame.key = k;
      each(k, at, repeated);
      this.ws();
      const ch = this.b[this.pos];
      if (ch === 0x2c) { this.pos++; continue; }
      if (ch === 0x7d) { this.pos++; break; }
      this.fail(this.pos >= this.b.length ? 'unexpected end inside a container' : "expected ',' or '}'");
    }
  }
}
