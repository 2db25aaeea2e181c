// PMML (Predictive Model Markup Language, dmg.org): XML model documents for JPMML, pypmml, SAS, KNIME,
// SPSS. Read with saxes (a non-validating XML parser that never fetches and never expands entities
// other than XML's five and character references), so XXE and billion-laughs payloads are findings,
// never followed. What PMML executes is its own expression language; the risk is what consumers do with
// free text: Extension elements (vendor content, often code or serialized objects), DataDictionary and
// Header strings, all handed to the string detectors.
import type { ScanContext, Scanner } from '../../types';
import { FormatError } from '../../types';
import { clip, utf8 } from '../../io/text';
import { EXPANSION_CAP, readDoctype } from './doctype';
import { pmmlSniffer } from './sniff';

/** Documents read whole up to this size (real PMML reaches tens of MB for big forests). */
const MAX_PMML_BYTES = 256 * 1024 * 1024;
/** Element nesting followed (deep TreeModels nest Node in Node; real trees stay well below). */
const MAX_DEPTH = 2000;
/** Strings handed to the detectors per document. */
const MAX_STRINGS = 50_000;
/** Internal entity expansion reported as a bomb from this size on. */
const BOMB_CHARS = 100_000;
/** PMML model element names (PMML 4.4 §"Models"), noted for the summary. */
const MODELS = new Set(['AnomalyDetectionModel', 'AssociationModel', 'BayesianNetworkModel', 'BaselineModel', 'ClusteringModel', 'GaussianProcessModel',
  'GeneralRegressionModel', 'MiningModel', 'NaiveBayesModel', 'NearestNeighborModel', 'NeuralNetwork', 'RegressionModel', 'RuleSetModel',
  'SequenceModel', 'Scorecard', 'SupportVectorMachineModel', 'TextModel', 'TimeSeriesModel', 'TreeModel']);

export const pmmlScanner: Scanner = { ...pmmlSniffer, scan };

async function scan(ctx: ScanContext): Promise<void> {
  const size = ctx.source.size;
  if (size > MAX_PMML_BYTES) {
    ctx.report({ ruleId: 'scan/limit-reached', message: `The ${size}-byte document is above the ${MAX_PMML_BYTES}-byte limit; it was not parsed` });
    ctx.limited('document too large');
    return;
  }
  const text = utf8(await ctx.read(0, size));
  const { SaxesParser } = await import('saxes');
  const parser = new SaxesParser({ position: true });
  const path: string[] = [];
  const models = new Map<string, number>();
  let strings = 0, extensions = 0, depthCut = false, root = '';
  let malformed: { message: string; offset: number } | null = null;
  let undefinedEntities = 0;
  const inspect = (s: string, pointer: string, key?: string) => {
    if (strings >= MAX_STRINGS || s.trim().length < 4) return;
    strings++;
    ctx.inspectString(s, { pointer, key });
  };
  const pointer = () => `/${path.join('/')}`;

  parser.on('doctype', (d) => judgeDoctype(ctx, d, parser.position));
  parser.on('error', (e) => {
    if (/undefined entity/.test(e.message)) { undefinedEntities++; return; }
    malformed ??= { message: e.message, offset: parser.position };
  });
  parser.on('opentag', (tag) => {
    if (path.length === 0) root = tag.name;
    path.push(tag.name);
    if (path.length > MAX_DEPTH) { depthCut = true; return; }
    const local = tag.name.replace(/^.*:/, '');
    if (MODELS.has(local)) models.set(local, (models.get(local) ?? 0) + 1);
    if (local === 'Extension') extensions++;
    // Namespace declarations are identifiers (http://www.dmg.org/PMML-4_4), never fetched.
    for (const [k, v] of Object.entries(tag.attributes)) if (k !== 'xmlns' && !k.startsWith('xmlns:')) inspect(String(v), `${pointer()}/@${k}`, k);
  });
  parser.on('text', (t) => inspect(t, pointer(), path[path.length - 1]));
  parser.on('cdata', (t) => inspect(t, pointer(), path[path.length - 1]));
  parser.on('closetag', () => { path.pop(); });
  try {
    parser.write(text).close();
  } catch (e) {
    malformed ??= { message: e instanceof Error ? e.message : String(e), offset: parser.position };
  }
  if (root && root.replace(/^.*:/, '') !== 'PMML') malformed ??= { message: `the root element is <${clip(root, 40)}>, not <PMML>`, offset: 0 };
  ctx.note('models', Object.fromEntries(models));
  if (extensions) ctx.note('extensions', extensions);
  if (undefinedEntities) ctx.note('undefinedEntityReferences', undefinedEntities);
  if (depthCut) {
    ctx.report({ ruleId: 'scan/limit-reached', message: `Elements nest deeper than ${MAX_DEPTH}; deeper content was parsed but not inspected` });
    ctx.limited('element nesting limit');
  }
  if (malformed) throw new FormatError(`Malformed XML: ${(malformed as { message: string }).message}`, (malformed as { offset: number }).offset);
}

function judgeDoctype(ctx: ScanContext, text: string, offset: number): void {
  const d = readDoctype(text);
  ctx.note('doctype', clip(d.root, 60));
  if (d.externalDtd !== undefined) {
    ctx.report({ ruleId: 'pmml/external-entity', offset, evidence: clip(d.externalDtd, 160), severity: 'warning',
      severityReason: 'an external DTD is fetched by validating parsers only',
      message: `The DOCTYPE names an external DTD (${clip(d.externalDtd, 100)}), which a validating parser fetches` });
  }
  for (const e of d.entities) {
    if (e.external) {
      ctx.report({ ruleId: 'pmml/external-entity', offset, evidence: `${e.parameter ? '% ' : ''}${e.name} ${e.external.kind} ${clip(e.external.uri, 160)}`,
        message: `The DOCTYPE declares the external ${e.parameter ? 'parameter ' : ''}entity ${clip(e.name, 40)} → ${clip(e.external.uri, 100)} (XXE): a parser that resolves it reads or fetches that resource` });
    }
  }
  if (d.largestExpansion >= BOMB_CHARS) {
    ctx.report({ ruleId: 'pmml/entity-expansion', offset, evidence: `${d.largestEntity}: ${d.largestExpansion >= EXPANSION_CAP ? `≥${EXPANSION_CAP}` : d.largestExpansion} characters`,
      message: `The internal entity ${clip(d.largestEntity ?? '', 40)} expands to ${d.largestExpansion >= EXPANSION_CAP ? 'at least ' : ''}${d.largestExpansion} characters (billion laughs)` });
  } else if (d.entities.some((e) => !e.external)) {
    ctx.report({ ruleId: 'pmml/entity-declaration', offset, evidence: d.entities.slice(0, 8).map((e) => e.name).join(', '),
      message: `The DOCTYPE declares ${d.entities.length} entit${d.entities.length === 1 ? 'y' : 'ies'}; PMML defines no DTD and producers write none` });
  }
}
