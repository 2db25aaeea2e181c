// The pickle opcode table, protocols 0-5. Reference: CPython Lib/pickletools.py (the `opcodes` list
// and its ArgumentDescriptors) and PEP 3154 (protocol 4: FRAME, MEMOIZE, STACK_GLOBAL, NEWOBJ_EX,
// BINBYTES8, BINUNICODE8, sets) and PEP 574 (protocol 5: BYTEARRAY8, NEXT_BUFFER, READONLY_BUFFER).

/**
 * How an opcode's argument is encoded in the stream (pickletools ArgumentDescriptor names).
 * Text forms end at '\n'; counted forms carry a little-endian length before their bytes.
 */
export type ArgKind =
  | 'none'
  | 'uint1' | 'uint2' | 'uint4' | 'uint8' | 'int4'       // fixed-width little-endian integers
  | 'float8'                                             // big-endian IEEE 754 double (BINFLOAT)
  | 'long1' | 'long4'                                    // counted two's-complement little-endian ints
  | 'decimalnl_short' | 'decimalnl_long' | 'floatnl'     // ASCII numbers ending in '\n'
  | 'stringnl'                                           // repr-quoted string with escapes, '\n'
  | 'stringnl_noescape'                                  // raw line (PERSID)
  | 'stringnl_noescape_pair'                             // two raw lines: module '\n' name '\n'
  | 'unicodestringnl'                                    // raw-unicode-escape line (UNICODE)
  | 'string1' | 'string4'                                // counted py2 str (latin-1 / ASCII bytes)
  | 'bytes1' | 'bytes4' | 'bytes8' | 'bytearray8'        // counted bytes
  | 'unicode1' | 'unicode4' | 'unicode8';                // counted UTF-8

export interface OpcodeInfo {
  code: number;
  name: string;
  arg: ArgKind;
  /** First protocol that defines the opcode. */
  proto: number;
}

const TABLE: ReadonlyArray<[number, string, ArgKind, number]> = [
  // integers
  [0x49, 'INT', 'decimalnl_short', 0], [0x4a, 'BININT', 'int4', 1], [0x4b, 'BININT1', 'uint1', 1],
  [0x4d, 'BININT2', 'uint2', 1], [0x4c, 'LONG', 'decimalnl_long', 0], [0x8a, 'LONG1', 'long1', 2],
  [0x8b, 'LONG4', 'long4', 2],
  // strings and bytes
  [0x53, 'STRING', 'stringnl', 0], [0x54, 'BINSTRING', 'string4', 1], [0x55, 'SHORT_BINSTRING', 'string1', 1],
  [0x42, 'BINBYTES', 'bytes4', 3], [0x43, 'SHORT_BINBYTES', 'bytes1', 3], [0x8e, 'BINBYTES8', 'bytes8', 4],
  [0x96, 'BYTEARRAY8', 'bytearray8', 5], [0x97, 'NEXT_BUFFER', 'none', 5], [0x98, 'READONLY_BUFFER', 'none', 5],
  // singletons
  [0x4e, 'NONE', 'none', 0], [0x88, 'NEWTRUE', 'none', 2], [0x89, 'NEWFALSE', 'none', 2],
  // unicode
  [0x56, 'UNICODE', 'unicodestringnl', 0], [0x8c, 'SHORT_BINUNICODE', 'unicode1', 4],
  [0x58, 'BINUNICODE', 'unicode4', 1], [0x8d, 'BINUNICODE8', 'unicode8', 4],
  // floats
  [0x46, 'FLOAT', 'floatnl', 0], [0x47, 'BINFLOAT', 'float8', 1],
  // containers
  [0x5d, 'EMPTY_LIST', 'none', 1], [0x61, 'APPEND', 'none', 0], [0x65, 'APPENDS', 'none', 1],
  [0x6c, 'LIST', 'none', 0], [0x29, 'EMPTY_TUPLE', 'none', 1], [0x74, 'TUPLE', 'none', 0],
  [0x85, 'TUPLE1', 'none', 2], [0x86, 'TUPLE2', 'none', 2], [0x87, 'TUPLE3', 'none', 2],
  [0x7d, 'EMPTY_DICT', 'none', 1], [0x64, 'DICT', 'none', 0], [0x73, 'SETITEM', 'none', 0],
  [0x75, 'SETITEMS', 'none', 1], [0x8f, 'EMPTY_SET', 'none', 4], [0x90, 'ADDITEMS', 'none', 4],
  [0x91, 'FROZENSET', 'none', 4],
  // stack manipulation
  [0x30, 'POP', 'none', 0], [0x32, 'DUP', 'none', 0], [0x28, 'MARK', 'none', 0], [0x31, 'POP_MARK', 'none', 1],
  // memo
  [0x67, 'GET', 'decimalnl_short', 0], [0x68, 'BINGET', 'uint1', 1], [0x6a, 'LONG_BINGET', 'uint4', 1],
  [0x70, 'PUT', 'decimalnl_short', 0], [0x71, 'BINPUT', 'uint1', 1], [0x72, 'LONG_BINPUT', 'uint4', 1],
  [0x94, 'MEMOIZE', 'none', 4],
  // extension registry (copyreg)
  [0x82, 'EXT1', 'uint1', 2], [0x83, 'EXT2', 'uint2', 2], [0x84, 'EXT4', 'int4', 2],
  // building objects: where code runs
  [0x63, 'GLOBAL', 'stringnl_noescape_pair', 0], [0x93, 'STACK_GLOBAL', 'none', 4],
  [0x52, 'REDUCE', 'none', 0], [0x62, 'BUILD', 'none', 0], [0x69, 'INST', 'stringnl_noescape_pair', 0],
  [0x6f, 'OBJ', 'none', 1], [0x81, 'NEWOBJ', 'none', 2], [0x92, 'NEWOBJ_EX', 'none', 4],
  // machine control
  [0x80, 'PROTO', 'uint1', 2], [0x2e, 'STOP', 'none', 0], [0x95, 'FRAME', 'uint8', 4],
  // persistent ids
  [0x50, 'PERSID', 'stringnl_noescape', 0], [0x51, 'BINPERSID', 'none', 1],
];

/** Opcode info by byte value; undefined for bytes that are not opcodes. */
export const PICKLE_OPS: ReadonlyArray<OpcodeInfo | undefined> = (() => {
  const t: Array<OpcodeInfo | undefined> = new Array(256).fill(undefined);
  for (const [code, name, arg, proto] of TABLE) t[code] = Object.freeze({ code, name, arg, proto });
  return Object.freeze(t);
})();

/** Opcode info by name. */
export const OPS_BY_NAME: Readonly<Record<string, OpcodeInfo>> = Object.freeze(
  Object.fromEntries(TABLE.map(([code]) => [PICKLE_OPS[code]!.name, PICKLE_OPS[code]!])),
);

/** Byte values of the opcodes the machine dispatches on (hot loop: no string compares). */
export const OP = Object.freeze(Object.fromEntries(TABLE.map(([code, name]) => [name, code]))) as Readonly<Record<string, number>>;

/** Highest protocol this table describes; a PROTO above it is reported. */
export const HIGHEST_PROTOCOL = 5;
