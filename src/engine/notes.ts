// Notes are what scanners record about a node beside their findings (counts, names, references the
// folder checks read). Some grow with the input: a list of every reference, every operator, every
// layer. Scanners bound the ones they know to be large (safetensors tensorNames, the index weightMap,
// pickle imports); this bounds every note of every format at once, as the orchestrator bounds messages,
// pointers and node names, so a file of a million of anything cannot make a report of the same size.

/** Characters of strings (object keys included) kept in one note; the largest bounded by a scanner (the index weightMap, 8 Mi) fits. */
export const MAX_NOTE_CHARS = 10 * 1024 * 1024;
/** Array elements and object members kept in one note, at every depth together (the weightMap's 200,000 names fit). */
export const MAX_NOTE_ITEMS = 250_000;
/** Characters kept of any one string in a note: Linux's PATH_MAX, as for node names (a pax name may be 1 MiB). */
export const MAX_NOTE_STRING_CHARS = 4096;

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

interface Room { chars: number; items: number }

/** True when `v` fits `room` whole (which it spends); false at the first thing that does not. */
function fits(v: Json, room: Room): boolean {
  if (typeof v === 'string') return v.length <= MAX_NOTE_STRING_CHARS && (room.chars -= v.length) >= 0;
  if (v === null || typeof v !== 'object') return true;
  if (Array.isArray(v)) {
    if ((room.items -= v.length) < 0) return false;
    for (const x of v) if (!fits(x, room)) return false;
    return true;
  }
  for (const k of Object.keys(v)) {
    if (--room.items < 0 || k.length > MAX_NOTE_STRING_CHARS || (room.chars -= k.length) < 0 || !fits(v[k]!, room)) return false;
  }
  return true;
}

const clip = (s: string) => (s.length > MAX_NOTE_STRING_CHARS ? `${s.slice(0, MAX_NOTE_STRING_CHARS)}…` : s);

/** A copy of `v` cut to `room`: strings clipped, arrays and objects ended where the room runs out. */
function cut(v: Json, room: Room): Json {
  if (typeof v === 'string') { const s = clip(v); room.chars -= s.length; return s; }
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    const out: Json[] = [];
    for (const x of v) {
      if (room.items <= 0 || room.chars <= 0) break;
      room.items--;
      out.push(cut(x, room));
    }
    return out;
  }
  const out = Object.create(null) as { [k: string]: Json };
  for (const k of Object.keys(v)) {
    if (room.items <= 0 || room.chars <= 0) break;
    room.items--;
    const key = clip(k);
    room.chars -= key.length;
    out[key] = cut(v[k]!, room);
  }
  return out;
}

/** `value` itself when within the bounds, else a cut copy and `truncated`. */
export function boundNote<T extends Json>(value: T): { value: T; truncated: boolean } {
  if (fits(value, { chars: MAX_NOTE_CHARS, items: MAX_NOTE_ITEMS })) return { value, truncated: false };
  return { value: cut(value, { chars: MAX_NOTE_CHARS, items: MAX_NOTE_ITEMS }) as T, truncated: true };
}
