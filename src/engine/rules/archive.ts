import type { RuleDef } from './types';

/** Rules for containers (zip now; tar, 7z and compressed wrappers later). */
export const ARCHIVE_RULES = {
  'archive/path-traversal': {
    severity: 'critical', title: 'Archive member escapes the extraction folder',
    explanation: 'A member name contains ".." segments that climb out of the folder it is extracted to ("zip slip"). Extracting it overwrites files elsewhere: shell start-up files, Python packages, SSH keys.',
    remediation: 'Do not extract this archive. A legitimate model archive never needs ".." in member names.',
    cwe: [22], aliases: ['S405'],
  },
  'archive/absolute-path': {
    severity: 'critical', title: 'Archive member with an absolute path',
    explanation: 'A member name is an absolute path (/etc/..., C:\\..., \\\\server\\...). Naive extractors write it there, outside any target folder.',
    remediation: 'Do not extract this archive.',
    cwe: [22, 36], aliases: ['S405'],
  },
  'archive/symlink': {
    severity: 'warning', title: 'Link inside an archive',
    explanation: 'A member is a symbolic or hard link. Extracted, it redirects later reads or writes to its target. A link that resolves inside the archive (a Hugging Face cache snapshot\'s snapshots/<rev>/x -> ../../blobs/<sha256>) is INFO; one whose target could not be read stays WARNING; links that escape or point at system paths are archive/symlink-escape.',
    remediation: 'Inspect the link target before extracting; prefer extractors that refuse links.',
    cwe: [59], aliases: ['S406'],
  },
  'archive/symlink-escape': {
    severity: 'critical', title: 'Link pointing outside the archive or at system files',
    explanation: 'A symbolic or hard link member points outside the extraction folder or at a system location (/etc, /usr, C:\\Windows, ...). Extracting it and then writing through it overwrites that location.',
    remediation: 'Do not extract this archive.',
    cwe: [59, 22], aliases: ['S406', 'S408'],
  },
  'archive/encrypted-member': {
    severity: 'info', title: 'Encrypted archive member could not be inspected',
    explanation: 'The member is encrypted, so its content could not be scanned. The scan of this file is incomplete.',
    remediation: 'Obtain the password from the publisher, extract the member in a sandbox and scan it.',
    aliases: ['S604'],
  },
  'archive/false-encryption-flag': {
    severity: 'warning', title: 'Archive member claims encryption but is plain',
    explanation: 'The member\'s flags say it is encrypted, yet its bytes are ordinary data. Scanners that skip encrypted members miss it while loaders that ignore the flag read it: a known scanner bypass.',
    remediation: 'Treat the archive as hostile; its member was scanned as plain data.',
    cwe: [436],
  },
  'archive/duplicate-name': {
    severity: 'warning', title: 'Two archive members with the same name',
    explanation: 'Different tools pick different copies of a duplicated name: a scanner may check the first while a loader uses the last.',
    remediation: 'Reject archives with duplicate member names.',
    cwe: [436],
  },
  'archive/name-mismatch': {
    severity: 'warning', title: 'Central directory and local header disagree',
    explanation: 'A member\'s name, size or method differs between the central directory and its local header. Tools that read one or the other see different archives: a parser differential used to hide members.',
    remediation: 'Treat the archive as hostile and rebuild it from trusted parts.',
    cwe: [436],
  },
  'archive/hidden-data': {
    severity: 'warning', title: 'Data outside any archive member',
    explanation: 'Bytes before the first member or between members belong to no member: a polyglot file or smuggled content that extractors never show.',
    remediation: 'Inspect the extra bytes; a clean export has none.',
    cwe: [436], aliases: ['S908'],
  },
  'archive/too-many-members': {
    severity: 'warning', title: 'Too many archive members',
    explanation: 'The archive has more members than the limit; the rest were not scanned. Huge member counts exhaust extractors and scanners.',
    remediation: 'Raise the member limit if the archive is legitimate, and scan again.',
    cwe: [400],
  },
  'archive/nesting-too-deep': {
    severity: 'warning', title: 'Archives nested too deep',
    explanation: 'Archives inside archives beyond the depth limit were not opened. Deep nesting is how recursive bombs and hidden payloads evade scanners.',
    remediation: 'Extract the inner archive by hand in a sandbox and scan it.',
    cwe: [674, 409],
  },
  'archive/compression-bomb': {
    severity: 'warning', title: 'Compression bomb',
    explanation: 'A member expands far beyond its compressed size (or past the output cap). Extracting it exhausts disk or memory.',
    remediation: 'Do not extract this member.',
    cwe: [409], aliases: ['S410'],
  },
  'archive/overlapping-members': {
    severity: 'warning', title: 'Archive members share bytes',
    explanation: 'Two members\' data ranges overlap. No archiver writes this: it is the "overlapping files" zip bomb (many entries reusing one block of compressed data, so a small file expands to terabytes) or a trick to show different tools different content.',
    remediation: 'Do not extract this archive.',
    cwe: [409, 436],
  },
  'archive/inconsistent-directory': {
    severity: 'warning', title: 'Archive directory records disagree',
    explanation: 'The end-of-archive records disagree with the central directory (member counts differ, or several end records could be the real one). Tools that trust different records list different members: a parser differential used to hide content.',
    remediation: 'Treat the archive as hostile and rebuild it from trusted parts.',
    cwe: [436],
  },
  'archive/crc-mismatch': {
    severity: 'warning', title: 'Member checksum does not match',
    explanation: 'The member\'s CRC-32 does not match its content: it was modified after the archive was written, or crafted so that strict and lax extractors disagree.',
    remediation: 'Obtain the archive again from a trusted source.',
    cwe: [354],
  },
  'archive/unsupported-method': {
    severity: 'warning', title: 'Member compressed with an unsupported method',
    explanation: 'The member uses a compression method modelgate cannot decode, so its content was not scanned.',
    remediation: 'Extract the member with a tool that supports the method, in a sandbox, and scan it.',
  },
} as const satisfies Record<string, RuleDef>;
