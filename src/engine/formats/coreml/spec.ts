// Core ML model specification (Apple coremltools, mlmodel/format/Model.proto and friends), read by
// field number with the bounded walker: Model.specificationVersion = 1, description = 2
// (ModelDescription.metadata = 100: Metadata.shortDescription = 1, versionString = 2, author = 3,
// license = 4, userDefined = 100 map<string,string>), the Type oneof: pipelineClassifier = 200 /
// pipelineRegressor = 201 (Pipeline at field 1), pipeline = 202 (Pipeline.models = 1), neural
// networks 303/403/500 (layers = 1; NeuralNetworkLayer.name = 1, custom = 500 with
// CustomLayerParams.className = 10, description = 40), customModel = 555 (className = 10,
// description = 40), linkedModel = 556 (linkedModelFile = 1: linkedModelFileName = 1,
// linkedModelSearchPath = 2, StringParameter.defaultValue = 1). Other model types are noted by number.
import { FormatError } from '../../types';
import { utf8 } from '../../io/text';
import { fields } from '../../io/protowire';

/** Pipelines nested in pipelines: coremltools builds one or two levels. */
export const MAX_PIPELINE_DEPTH = 16;

export interface CoremlFinding { kind: 'custom-layer' | 'custom-model' | 'linked-model'; pointer: string; className: string; detail: string; offset: number }
export interface CoremlSpec {
  version: number;
  modelTypes: number[];
  layers: number;
  strings: Array<{ pointer: string; text: string; offset: number }>;
  found: CoremlFinding[];
}

const NN_TYPES = new Set([303, 403, 500]);

export function parseSpec(b: Uint8Array, tick: () => void): CoremlSpec {
  const spec: CoremlSpec = { version: 0, modelTypes: [], layers: 0, strings: [], found: [] };
  const str = (s: number, e: number) => utf8(b.subarray(s, e));
  const firstString = (s: number, e: number, no: number): string => {
    for (const f of fields(b, s, e)) if (f.no === no && f.wire === 2) return str(f.start, f.end);
    return '';
  };
  const model = (s: number, e: number, pointer: string, depth: number) => {
    if (depth > MAX_PIPELINE_DEPTH) throw new FormatError('pipelines nested too deeply', s);
    tick();
    for (const f of fields(b, s, e)) {
      if (f.no === 1 && f.wire === 0 && depth === 0) spec.version = f.value;
      else if (f.no === 2 && f.wire === 2) description(f.start, f.end, `${pointer}/description`);
      else if (f.no >= 200 && f.wire === 2) {
        spec.modelTypes.push(f.no);
        if (f.no === 202) pipeline(f.start, f.end, `${pointer}/pipeline`, depth);
        else if (f.no === 200 || f.no === 201) {
          for (const p of fields(b, f.start, f.end)) if (p.no === 1 && p.wire === 2) pipeline(p.start, p.end, `${pointer}/pipeline`, depth);
        } else if (NN_TYPES.has(f.no)) network(f.start, f.end, pointer);
        else if (f.no === 555) {
          spec.found.push({ kind: 'custom-model', pointer: `${pointer}/customModel`, className: firstString(f.start, f.end, 10), detail: firstString(f.start, f.end, 40), offset: f.start });
        } else if (f.no === 556) {
          for (const l of fields(b, f.start, f.end)) {
            if (l.no !== 1 || l.wire !== 2) continue;
            let name = ''; let path = '';
            for (const x of fields(b, l.start, l.end)) {
              if (x.wire !== 2) continue;
              if (x.no === 1) name = firstString(x.start, x.end, 1);
              if (x.no === 2) path = firstString(x.start, x.end, 1);
            }
            spec.found.push({ kind: 'linked-model', pointer: `${pointer}/linkedModel`, className: name, detail: path, offset: l.start });
          }
        }
      }
    }
  };
  const pipeline = (s: number, e: number, pointer: string, depth: number) => {
    let i = 0;
    for (const f of fields(b, s, e)) if (f.no === 1 && f.wire === 2) model(f.start, f.end, `${pointer}/models/${i++}`, depth + 1);
  };
  const network = (s: number, e: number, pointer: string) => {
    let i = 0;
    for (const f of fields(b, s, e)) {
      if (f.no !== 1 || f.wire !== 2) continue;
      const index = i++;
      spec.layers++;
      if ((spec.layers & 1023) === 0) tick();
      let name = '';
      for (const l of fields(b, f.start, f.end)) {
        if (l.no === 1 && l.wire === 2) name = str(l.start, l.end);
        else if (l.no === 500 && l.wire === 2) {
          spec.found.push({ kind: 'custom-layer', pointer: `${pointer}/layers/${index}`, className: firstString(l.start, l.end, 10),
            detail: name || firstString(l.start, l.end, 40), offset: l.start });
        }
      }
    }
  };
  const description = (s: number, e: number, pointer: string) => {
    for (const f of fields(b, s, e)) {
      if (f.no !== 100 || f.wire !== 2) continue;
      for (const m of fields(b, f.start, f.end)) {
        if (m.wire !== 2) continue;
        if (m.no >= 1 && m.no <= 4) spec.strings.push({ pointer: `${pointer}/metadata/${['', 'shortDescription', 'versionString', 'author', 'license'][m.no]}`, text: str(m.start, m.end), offset: m.start });
        else if (m.no === 100) {
          const key = firstString(m.start, m.end, 1);
          spec.strings.push({ pointer: `${pointer}/metadata/userDefined/${key}`, text: firstString(m.start, m.end, 2), offset: m.start });
        }
      }
    }
  };
  model(0, b.length, '', 0);
  if (spec.version === 0 && spec.modelTypes.length === 0) throw new FormatError('no specificationVersion and no model type: not a Core ML model', 0);
  return spec;
}
