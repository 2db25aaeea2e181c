// Universal Binary JSON (ubjson.org, Draft 12), the subset XGBoost writes for `.ubj` models
// (xgboost src/common/json.cc UBJReader): objects and arrays, optimized containers with `$type` and
// `#count`, integers i U I l L, floats d D, strings S, char C, null Z, no-op N, true T, false F, and
// H (high-precision number, as a string). Iterative over an explicit stack, with a depth bound and
// every count checked against the bytes left, so a hostile count never allocates.
import { FormatError, type JsonValue } from '../../types';
import { utf8 } from '../../io/text';

/** Elements of typed arrays kept as numbers; longer ones (tree arrays of huge models) are summarised. */
export const MAX_KEPT_ARRAY = 1 << 22;

interface Frame { kind: 'obj' | 'arr'; value: JsonValue[] | Record<string, JsonValue>; type?: number; left?: number; key?: string }

const WIDTH: Record<number, number> = { 0x69: 1, 0x55: 1, 0x49: 2, 0x6c: 4, 0x4c: 8, 0x64: 4, 0x44: 8, 0x43: 1 };

export function parseUbjson(bytes: Uint8Array, maxDepth: number): JsonValue {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 0;
  const need = (n: number) => { if (n < 0 || pos + n > bytes.length) throw new FormatError(`truncated UBJSON at ${pos}`, pos); };
  const marker = () => { need(1); return bytes[pos++]!; };

  function int(type: number): number {
    const w = WIDTH[type];
    if (w === undefined || type === 0x64 || type === 0x44 || type === 0x43) throw new FormatError(`expected an integer type, got 0x${type.toString(16)} at ${pos - 1}`, pos - 1);
    need(w);
    let v: number;
    switch (type) {
      case 0x69: v = view.getInt8(pos); break;
      case 0x55: v = view.getUint8(pos); break;
      case 0x49: v = view.getInt16(pos); break;
      case 0x6c: v = view.getInt32(pos); break;
      default: { const hi = view.getInt32(pos), lo = view.getUint32(pos + 4); v = hi * 0x1_0000_0000 + lo; }
    }
    pos += w;
    return v;
  }

  function scalar(type: number): JsonValue {
    switch (type) {
      case 0x5a: return null;
      case 0x54: return true;
      case 0x46: return false;
      case 0x64: { need(4); const v = view.getFloat32(pos); pos += 4; return Number.isFinite(v) ? v : String(v); }
      case 0x44: { need(8); const v = view.getFloat64(pos); pos += 8; return Number.isFinite(v) ? v : String(v); }
      case 0x43: need(1); return String.fromCharCode(bytes[pos++]!);
      case 0x53: case 0x48: return str();
      default: return int(type);
    }
  }

  function str(): string {
    const n = int(marker());
    if (n < 0) throw new FormatError(`negative UBJSON string length at ${pos}`, pos);
    need(n);
    const s = utf8(bytes.subarray(pos, pos + n));
    pos += n;
    return s;
  }

  /** Reads `$type` / `#count` after `{` or `[`. */
  function header(): { type?: number; count?: number } {
    let type: number | undefined;
    let count: number | undefined;
    if (bytes[pos] === 0x24) { pos++; type = marker(); }
    if (bytes[pos] === 0x23) {
      pos++;
      count = int(marker());
      if (count < 0) throw new FormatError(`negative UBJSON count at ${pos}`, pos);
      const min = type !== undefined && WIDTH[type] ? WIDTH[type]! : 1;
      if (count * min > bytes.length - pos) throw new FormatError(`UBJSON count ${count} exceeds the ${bytes.length - pos} bytes left`, pos);
    } else if (type !== undefined) throw new FormatError(`UBJSON $type without #count at ${pos}`, pos);
    return { type, count };
  }

  const stack: Frame[] = [];
  let result: JsonValue | undefined;
  const place = (v: JsonValue) => {
    const top = stack[stack.length - 1];
    if (!top) { result = v; return; }
    if (top.kind === 'arr') (top.value as JsonValue[]).push(v);
    else (top.value as Record<string, JsonValue>)[top.key!] = v;
    if (top.left !== undefined) top.left--;
  };

  const value = (m: number): void => {
    if (m !== 0x7b && m !== 0x5b) { place(scalar(m)); return; }
    const kind = m === 0x7b ? 'obj' : 'arr';
    if (stack.length >= maxDepth) throw new FormatError(`UBJSON nested deeper than ${maxDepth}`, pos);
    const { type, count } = header();
    // A numeric typed array is read in one go: what XGBoost writes for every tree array.
    if (kind === 'arr' && type !== undefined && count !== undefined && WIDTH[type] && type !== 0x43) {
      const out: number[] = [];
      for (let i = 0; i < count; i++) {
        const v = scalar(type) as number;
        if (i < MAX_KEPT_ARRAY) out.push(v);
      }
      place(out);
      return;
    }
    const v = kind === 'obj' ? {} as Record<string, JsonValue> : [] as JsonValue[];
    place(v);
    stack.push({ kind, value: v, type, left: count });
  };

  value(marker());
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.left !== undefined && top.left <= 0) { stack.pop(); continue; }
    if (top.left === undefined) {
      while (bytes[pos] === 0x4e) pos++; // no-op
      if (bytes[pos] === (top.kind === 'obj' ? 0x7d : 0x5d)) { pos++; stack.pop(); continue; }
    }
    if (top.kind === 'obj') top.key = str();
    value(top.type ?? marker());
  }
  if (result === undefined) throw new FormatError('empty UBJSON document', 0);
  return result;
}

/** `{` then the key "learner" behind any integer length marker (XGBoost writes L, int64). */
export function ubjsonStarts(b: Uint8Array): boolean {
  if (b[0] !== 0x7b) return false;
  const m = b[1] ?? 0;
  const w = WIDTH[m];
  if (!w || m === 0x64 || m === 0x44 || m === 0x43) return false;
  return String.fromCharCode(...b.subarray(2 + w, 2 + w + 7)) === 'learner';
}
