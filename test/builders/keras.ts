// Keras attack variants built in code: Python marshal code objects in each version's layout (the
// machine only has Python 3.11, so 3.8-3.10 and 3.0-3.7 layouts are written here from
// CPython's marshal.c), Keras configs, and .keras zips around them. Real, tool-made files live in
// fixtures/keras.
import { encodeUtf8 } from '../../src/engine/io/text';
import { buildZip } from './zip';
import type { CodeLayout } from '../../src/engine/formats/keras/marshal';

class M {
  private parts: number[] = [];
  byte(b: number) { this.parts.push(b & 0xff); return this; }
  i32(v: number) { for (let i = 0; i < 4; i++) this.byte((v >>> (8 * i)) & 0xff); return this; }
  raw(b: Uint8Array | number[]) { for (const x of b) this.byte(x); return this; }
  done() { return new Uint8Array(this.parts); }
}

export interface CodeSpec {
  names?: string[];
  consts?: Array<string | number | null | CodeSpec>;
  varnames?: string[];
  name?: string;
}

function str(m: M, s: string) {
  const b = encodeUtf8(s);
  if (b.length < 256 && /^[\x00-\x7f]*$/.test(s)) m.byte(0x7a /* z */).byte(b.length).raw(b);
  else m.byte(0x75 /* u */).i32(b.length).raw(b);
}

function tupleOfStrings(m: M, xs: string[]) {
  m.byte(0x29 /* ) small tuple */).byte(xs.length);
  for (const x of xs) str(m, x);
}

function bytesObj(m: M, b: number[]) { m.byte(0x73 /* s */).i32(b.length).raw(b); }

function writeCode(m: M, spec: CodeSpec, layout: CodeLayout) {
  m.byte(0x63 /* c */);
  m.i32(1);                                  // argcount
  if (layout !== '3.0-3.7') m.i32(0);        // posonlyargcount
  m.i32(0);                                  // kwonlyargcount
  if (layout !== '3.11+') m.i32(1);          // nlocals
  m.i32(4);                                  // stacksize
  m.i32(0x43);                               // flags
  bytesObj(m, [0x74, 0x00, 0x64, 0x01, 0x53, 0x00]); // co_code (contents irrelevant to the parser)
  const consts = spec.consts ?? [];
  m.byte(0x29).byte(consts.length);
  for (const c of consts) {
    if (c === null) m.byte(0x4e);
    else if (typeof c === 'string') str(m, c);
    else if (typeof c === 'number') m.byte(0x69).i32(c);
    else writeCode(m, c, layout);
  }
  tupleOfStrings(m, spec.names ?? []);
  tupleOfStrings(m, spec.varnames ?? ['x']);
  if (layout === '3.11+') bytesObj(m, (spec.varnames ?? ['x']).map(() => 0x26));
  else { tupleOfStrings(m, []); tupleOfStrings(m, []); }
  str(m, '<string>');
  str(m, spec.name ?? '<lambda>');
  if (layout === '3.11+') str(m, spec.name ?? '<lambda>');
  m.i32(1);                                   // firstlineno
  bytesObj(m, [0x00, 0x01]);                  // lnotab / linetable
  if (layout === '3.11+') bytesObj(m, []);    // exceptiontable
}

/** marshal.dumps(code) as the given Python version lays a code object out. */
export function marshalCode(spec: CodeSpec, layout: CodeLayout = '3.11+'): Uint8Array {
  const m = new M();
  writeCode(m, spec, layout);
  return m.done();
}

export function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

/** A Sequential config holding the given layer objects after one Dense layer. */
export function sequentialConfig(...layers: object[]): object {
  return {
    class_name: 'Sequential',
    config: { name: 'm', layers: [
      { module: 'keras.layers', class_name: 'Dense', config: { name: 'dense', units: 2, activation: 'relu' }, registered_name: null },
      ...layers,
    ] },
  };
}

/** A .keras archive (metadata.json, config.json, an empty weights member) around `config`. */
export function kerasZip(config: object, kerasVersion = '3.15.1'): Uint8Array {
  return buildZip({ members: [
    { name: 'metadata.json', data: JSON.stringify({ keras_version: kerasVersion, date_saved: '2025-01-01@00:00:00' }) },
    { name: 'config.json', data: JSON.stringify(config) },
    { name: 'model.weights.h5', data: new Uint8Array(0) },
  ] });
}
