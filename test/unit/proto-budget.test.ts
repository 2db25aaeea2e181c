// The field budget of the protobuf decoders (io/proto-budget.ts): a spec of millions of tiny fields is
// refused as a limit while it decodes, before its objects exhaust the heap, and never as malformed.
import { describe, expect, it } from 'vitest';
import { LimitExceeded } from '../../src/engine';
import { boundedReader } from '../../src/engine/io/proto-budget';
import { decodeSpec, loadDecoders } from '../../src/engine/formats/coreml/spec';
import { pb } from '../builders/tensorflow';

/** Model { specificationVersion = 1: 4, neuralNetwork = 500: { layers = 1: `layers` empty layers } }. */
function emptyLayers(layers: number): Uint8Array {
  return pb([[1, 4], [500, Array.from({ length: layers }, (): [number, Uint8Array] => [1, new Uint8Array(0)])]]);
}

describe('protobuf field budget', () => {
  it('a Core ML spec of more empty layers than the budget stops as a limit, not as malformed', async () => {
    const C = await loadDecoders();
    const e = (() => { try { decodeSpec(C, emptyLayers(500), () => undefined, 400); } catch (x) { return x; } return null; })();
    expect(e).toBeInstanceOf(LimitExceeded);
    expect((e as LimitExceeded).limit).toBe('protoFields');
    expect((e as Error).message).toMatch(/the model specification holds more than 400 protobuf fields/);
  });

  it('the same spec under the budget decodes with every layer', async () => {
    const C = await loadDecoders();
    expect(decodeSpec(C, emptyLayers(500), () => undefined, 600).layers).toBe(500);
  });

  it('counts every field the decoder reads, skipped unknown fields too', async () => {
    const C = await loadDecoders();
    // Field 9999 is not in the schema: the decoder skips it, and each skip still costs one tag.
    const unknown = pb(Array.from({ length: 100 }, (): [number, number] => [9999, 1]));
    expect(() => C.Specification.Model.decode(boundedReader(unknown, 'x', 99))).toThrow(LimitExceeded);
    expect(() => C.Specification.Model.decode(boundedReader(unknown, 'x', 100))).not.toThrow();
  });
});
