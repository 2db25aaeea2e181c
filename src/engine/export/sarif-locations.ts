// Where a SARIF result points: artifacts (files and archive members), locations, fingerprints.
// Mapping (SARIF 2.1.0 section numbers):
//  - every scanned file is a top-level artifact (§3.24) whose location.uri is its report path as a
//    relative reference (or a file: URI when absolute), percent-encoded per RFC 3986 (§3.10.2);
//  - a member of an archive is a nested artifact: parentIndex = its container (§3.24.3), uri = its
//    member name relative to that container;
//  - result.locations[0] (§3.28) is always the top-level file, so a code-scanning UI can open it; a
//    byte offset in the file itself becomes region.byteOffset (§3.30.12). For a finding inside a member
//    the member chain (and pointer) is a logicalLocation (§3.33) "file!member!member#pointer", and a
//    relatedLocation (§3.27.22) points at the nested artifact with the byte offset inside the member.
// GitHub code scanning rejects a whole upload when any result lacks a location with an artifact URI
// (codeql-action#1738 "expected at least one location"), hence a primary location on every result; it
// accepts byte-offset regions (codeql-action#754) though it only previews text files.
import type { FileReport, Finding, Location } from '../types';

/** Nodes of one file listed as "not fully scanned" in toolExecutionNotifications: a zip of 100,000
 * truncated members must not make a 100,000-entry notification list. */
export const MAX_NOTIFICATIONS_PER_FILE = 20;

export interface SarifArtifactLocation { uri: string; index: number }

export interface SarifArtifact {
  location: { uri: string };
  parentIndex?: number;
  length?: number;
  roles?: string[];
  hashes?: Record<string, string>;
  properties?: Record<string, unknown>;
}

export interface SarifLogicalLocation { name: string; fullyQualifiedName: string; kind: string }

export interface SarifLocation {
  id?: number;
  physicalLocation: { artifactLocation: SarifArtifactLocation; region?: { byteOffset: number } };
  logicalLocations?: SarifLogicalLocation[];
  message?: { text: string };
}

/** Cuts text at `max` UTF-16 units without splitting a surrogate pair; marks the cut. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return text.slice(0, end) + `… [${text.length - end} more characters]`;
}

/** encodeURIComponent throws on a lone surrogate (possible in a hostile member name): replace it. */
function wellFormed(s: string): string {
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** RFC 3986 path segment: unreserved and sub-delims stay, everything else (space, '#', '?', '%',
 * ':', '\', non-ASCII as UTF-8) is percent-encoded. */
function encodeSegments(path: string): string {
  return path.split('/').map((seg) => encodeURIComponent(wellFormed(seg))).join('/');
}

/**
 * The artifact URI of a scanned file's report path. Relative paths stay relative references (GitHub
 * code scanning resolves them against the checkout); './' prefixes go. An absolute POSIX path becomes
 * file:///…, a Windows drive path file:///C:/… (its backslashes are separators there). Elsewhere a
 * backslash is an ordinary file-name character and is encoded.
 */
export function fileUri(path: string): string {
  const drive = /^([A-Za-z]):[\\/]/.exec(path);
  if (drive) return `file:///${drive[1]}:/` + encodeSegments(path.slice(3).replace(/\\/g, '/'));
  if (path.startsWith('/')) return 'file://' + encodeSegments(path);
  let rel = path;
  while (rel.startsWith('./')) rel = rel.slice(2);
  return encodeSegments(rel);
}

/** A member's URI relative to its container (§3.24.3 example: "intro.docx" inside "collections.zip"). */
export function memberUri(name: string): string {
  return encodeSegments(name);
}

export class ArtifactTable {
  readonly list: SarifArtifact[] = [];
  private readonly byPath = new Map<string, number>();

  private static key(path: readonly string[]): string {
    return JSON.stringify(path);
  }

  addFile(file: FileReport): number {
    const existing = this.byPath.get(ArtifactTable.key([file.path]));
    if (existing !== undefined) return existing;
    const a: SarifArtifact = {
      location: { uri: fileUri(file.path) },
      length: file.size,                                   // §3.24.8
      roles: ['analysisTarget'],                           // §3.24.6
      properties: { format: file.format, status: file.status, complete: file.complete },
    };
    if (file.sha256) a.hashes = { 'sha-256': file.sha256 }; // §3.24.11, hash names from the IANA registry
    return this.push([file.path], a);
  }

  /** The artifact index of `path` (root first), adding it and its containers when missing. */
  indexOf(path: readonly string[], size?: number): number {
    const found = this.byPath.get(ArtifactTable.key(path));
    if (found !== undefined) return found;
    if (path.length <= 1) return this.push([...path], { location: { uri: fileUri(path[0] ?? '') } });
    const parentIndex = this.indexOf(path.slice(0, -1));
    const a: SarifArtifact = { location: { uri: memberUri(path[path.length - 1]!) }, parentIndex };
    if (size !== undefined && Number.isSafeInteger(size) && size >= 0) a.length = size;
    return this.push([...path], a);
  }

  uriAt(index: number): string {
    return this.list[index]!.location.uri;
  }

  private push(path: string[], a: SarifArtifact): number {
    this.list.push(a);
    this.byPath.set(ArtifactTable.key(path), this.list.length - 1);
    return this.list.length - 1;
  }
}

function validOffset(n: number | undefined): n is number {
  return n !== undefined && Number.isSafeInteger(n) && n >= 0;
}

/** The result's primary location (the top-level file) and, for a member, a related location in it. */
export function resultLocation(loc: Location, artifacts: ArtifactTable, size?: number): { primary: SarifLocation; related?: SarifLocation } {
  const path = loc.path.length > 0 ? loc.path : [''];
  const rootIndex = artifacts.indexOf(path.slice(0, 1));
  const primary: SarifLocation = { physicalLocation: { artifactLocation: { uri: artifacts.uriAt(rootIndex), index: rootIndex } } };
  const nested = path.length > 1;
  if (!nested && validOffset(loc.offset)) primary.physicalLocation.region = { byteOffset: loc.offset };
  if (nested || loc.pointer !== undefined) {
    const fqn = path.join('!') + (loc.pointer !== undefined ? `#${loc.pointer}` : '');
    primary.logicalLocations = [{
      name: loc.pointer ?? path[path.length - 1]!,
      fullyQualifiedName: fqn,
      // §3.33.7 kind is open-ended: "element" for a pointer into a structure, "resource" for a member.
      kind: loc.pointer !== undefined ? 'element' : 'resource',
    }];
  }
  if (!nested) return { primary };
  const memberIndex = artifacts.indexOf(path, size);
  const related: SarifLocation = {
    id: 1,
    physicalLocation: { artifactLocation: { uri: artifacts.uriAt(memberIndex), index: memberIndex } },
    message: { text: `inside ${path.slice(1).join(' › ')}` },
  };
  if (validOffset(loc.offset)) related.physicalLocation.region = { byteOffset: loc.offset };
  return { primary, related };
}

export { fingerprint } from './fingerprint';
