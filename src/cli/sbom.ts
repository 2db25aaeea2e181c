// The CLI's CycloneDX 1.6 ML-BOM (--format cyclonedx, --sbom FILE): the shared builder in
// src/engine/export/cyclonedx.ts (the app's "Download SBOM" uses the same one) with a Node random UUID.
import { randomUUID } from 'node:crypto';
import type { ScanReport } from '../engine';
import { toCycloneDx as build, toCycloneDxJson as buildJson } from '../engine/export/cyclonedx';

export const toCycloneDx = (report: ScanReport) => build(report, { uuid: randomUUID() });
export const toCycloneDxJson = (report: ScanReport): string => buildJson(report, { uuid: randomUUID() });
