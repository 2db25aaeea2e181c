// CycloneDX 1.6 ML-BOM of a scan (https://cyclonedx.org/docs/1.6/json/), built and serialised with the
// CycloneDX project's own library: one component per scanned file (machine-learning-model when a
// model format was recognised, file otherwise) with its SHA-256, archive members as nested components,
// cross-file references (an index and its shards, ONNX external data, image layers) as dependencies,
// modelgate's verdict and counts as properties, and modelgate itself as the tool in the metadata.
//
// Shared by the CLI (src/cli/sbom.ts) and the app's "Download SBOM" (src/app/download.ts), so both write
// the same document. It needs neither DOM nor Node: only the library's pure subpaths (its root entry
// under Node loads the validators and reads files next to __dirname, which the bundled CLI cannot).
// The serial number is the caller's (node:crypto or crypto.randomUUID), the only environment-dependent
// input. Not re-exported from src/engine/index.ts: the scan workers must not carry the library.
import * as Enums from '@cyclonedx/cyclonedx-library/Enums';
import * as Models from '@cyclonedx/cyclonedx-library/Models';
import * as Serialize from '@cyclonedx/cyclonedx-library/Serialize';
import * as Spec from '@cyclonedx/cyclonedx-library/Spec';
import { VERSION } from '../version';
import type { FileReport, NodeReport, ScanReport } from '../types';

/** Formats that are not models: a file in one of these is a plain `file` component. */
const NOT_MODEL = new Set(['unknown', 'config', 'jinja', 'zip', 'tar', 'sevenzip', 'compressed', 'oci', 'safetensors-index']);

function prop(name: string, value: string | number | boolean): Models.Property {
  return new Models.Property(`modelgate:${name}`, String(value));
}

function componentType(format: string): Enums.ComponentType {
  return NOT_MODEL.has(format) ? Enums.ComponentType.File : Enums.ComponentType.MachineLearningModel;
}

function fileComponent(file: FileReport, ref: string): Models.Component {
  const counts = { critical: 0, warning: 0, info: 0, suppressed: 0 };
  for (const f of file.findings) {
    if (f.suppression) counts.suppressed++;
    else if (f.severity !== 'debug') counts[f.severity]++;
  }
  const hashes = new Models.HashDictionary();
  if (file.sha256) hashes.set(Enums.HashAlgorithm['SHA-256'], file.sha256);
  const c = new Models.Component(componentType(file.format), file.path, {
    bomRef: ref, hashes,
    properties: new Models.PropertyRepository([
      prop('format', file.format), prop('size', file.size), prop('verdict', file.status), prop('complete', file.complete),
      prop('findings:critical', counts.critical), prop('findings:warning', counts.warning), prop('findings:info', counts.info),
      prop('findings:suppressed', counts.suppressed),
    ]),
  });
  // Archive members: each node below the root, nested under its parent node.
  const byKey = new Map<string, Models.Component>([[JSON.stringify(file.nodes[0]?.path ?? [file.path]), c]]);
  file.nodes.slice(1).forEach((n: NodeReport, i) => {
    const member = new Models.Component(componentType(n.format), n.path.at(-1) ?? '', {
      bomRef: `${ref}/member-${i + 1}`,
      properties: new Models.PropertyRepository([prop('format', n.format), prop('size', n.size), prop('status', n.status),
        prop('path', n.path.join(' › '))]),
    });
    const parent = byKey.get(JSON.stringify(n.path.slice(0, -1))) ?? c;
    parent.components.add(member);
    byKey.set(JSON.stringify(n.path), member);
  });
  return c;
}

export interface CycloneDxOptions {
  /** A fresh random UUID (RFC 4122) for the BOM's serialNumber; omitted when absent (it is optional). */
  uuid?: string;
}

export function toCycloneDx(report: ScanReport, options: CycloneDxOptions = {}): Models.Bom {
  const bom = new Models.Bom();
  if (options.uuid) bom.serialNumber = `urn:uuid:${options.uuid}`;
  const started = new Date(report.startedAt);
  if (Number.isFinite(started.getTime())) bom.metadata.timestamp = started;
  bom.metadata.tools.components.add(new Models.Component(Enums.ComponentType.Application, 'modelgate', {
    version: typeof report.tool?.version === 'string' ? report.tool.version : VERSION,
  }));
  bom.metadata.properties.add(prop('exitCode', report.exitCode));
  if (report.policy?.sha256) bom.metadata.properties.add(prop('policy:sha256', report.policy.sha256));
  const components = new Map<string, Models.Component>();
  report.files.forEach((file, i) => {
    const c = fileComponent(file, `file-${i + 1}`);
    components.set(file.path, c);
    bom.components.add(c);
  });
  for (const file of report.files) {
    const resolved = file.nodes[0]?.notes?.referencesResolved;
    if (!Array.isArray(resolved)) continue;
    const from = components.get(file.path)!;
    for (const r of resolved) {
      const target = r && typeof r === 'object' && !Array.isArray(r) && typeof r.path === 'string' ? components.get(r.path) : undefined;
      if (target) from.dependencies.add(target.bomRef);
    }
  }
  return bom;
}

export function toCycloneDxJson(report: ScanReport, options: CycloneDxOptions = {}): string {
  const serializer = new Serialize.JsonSerializer(new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6));
  return serializer.serialize(toCycloneDx(report, options), { sortLists: true, space: 2 }) + '\n';
}
