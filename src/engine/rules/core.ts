import type { RuleDef } from './types';

/** Rules about the file itself and about the scan: identity, limits, failures. */
export const CORE_RULES = {
  'file/empty': {
    severity: 'info', title: 'Empty file',
    explanation: 'The file has no content. A model file that is empty is usually a failed download or a placeholder.',
    remediation: 'Fetch the file again from its source and compare its size and hash with the published ones.',
  },
  'file/git-lfs-pointer': {
    severity: 'warning', title: 'Git LFS pointer instead of the model',
    explanation: 'This is a Git LFS pointer, not the model: the real file was never downloaded, so nothing of the model was scanned.',
    remediation: 'Fetch the real file (git lfs pull, or download it from the hub) and scan that.',
    cwe: [693],
  },
  'file/html-document': {
    severity: 'warning', title: 'HTML page where a model was expected',
    explanation: 'The file is an HTML document, typically an error or login page saved by a failed download. It is not the model, and HTML can carry script.',
    remediation: 'Download the model again and check that the URL points at the file itself.',
    cwe: [434],
  },
  'file/extension-mismatch': {
    severity: 'warning', title: 'Content does not match the file extension',
    explanation: 'The bytes say one format and the name says another. Loaders pick a code path by name, so a mismatch is how a pickle travels as ".safetensors" or an archive as ".bin".',
    remediation: 'Treat the file as what its content says. Ask the publisher why the name differs.',
    cwe: [646], aliases: ['S901'],
  },
  'file/unrecognized-format': {
    severity: 'info', title: 'Format not recognised',
    explanation: 'No format scanner recognised this content; only the generic checks (embedded executables, suspicious strings) ran over it.',
    remediation: 'If this is a model format modelgate should understand, report it; otherwise review the file by hand.',
    aliases: ['S903'],
  },
  'file/too-large': {
    severity: 'warning', title: 'File above the size limit was not scanned',
    explanation: 'The file is larger than the configured maximum file size, so it was not scanned. Nothing is known about it.',
    remediation: 'Raise the maximum file size and scan again.',
    aliases: ['S904'],
  },
  'format/malformed': {
    severity: 'warning', title: 'Malformed file',
    explanation: 'The file claims a format but does not follow it, so parts of it could not be checked. Malformed is not malicious, but parsers disagree on broken files and attackers use that.',
    remediation: 'Re-export the model with its framework, or obtain it again from a trusted source.',
    cwe: [20], aliases: ['S902'],
  },
  'scan/limit-reached': {
    severity: 'warning', title: 'Scan cut short by a limit',
    explanation: 'A safety limit (size, depth, member count, decompressed bytes) stopped the scan before it covered everything. What was not scanned may hide a payload.',
    remediation: 'Review the limit that was reached; raise it if the file is legitimately that large, and scan again.',
    cwe: [400],
  },
  'scan/timeout': {
    severity: 'warning', title: 'Scan timed out',
    explanation: 'The scan of this file did not finish in the allotted time, so the file was not fully checked.',
    remediation: 'Scan the file again with a longer timeout.',
    cwe: [400],
  },
  'scan/cancelled': {
    severity: 'info', title: 'Scan cancelled',
    explanation: 'The scan of this file was cancelled before it finished; the file was not fully checked.',
    remediation: 'Scan the file again.',
  },
  'scan/internal-error': {
    severity: 'warning', title: 'Scanner failure',
    explanation: 'The scanner failed on this content. The content was not fully checked. This is a modelgate bug or an input built to break scanners.',
    remediation: 'Report the failure with the file if it can be shared; review the file by other means.',
  },
  'scan/unreadable': {
    severity: 'warning', title: 'File could not be read',
    explanation: 'The file could not be read from disk or from the browser, so it was not scanned.',
    remediation: 'Check permissions and that the file still exists, then scan again.',
  },
  'supply-chain/blacklisted-name': {
    severity: 'critical', title: 'Matches a blacklisted pattern',
    explanation: 'A file name, member name or metadata string matches a pattern on your blacklist.',
    remediation: 'Do not load this model until the match is explained.',
    aliases: ['S1001'],
  },
} as const satisfies Record<string, RuleDef>;
