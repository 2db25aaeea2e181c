import type { RuleDef } from './types';

/** Rules of the tar scanner (names, links, duplicates, limits and hidden data reuse archive/*). */
export const TAR_RULES = {
  'tar/special-file': {
    severity: 'warning', title: 'Device file or FIFO inside a tar archive',
    explanation: 'A member is a character or block device node or a named pipe. Extracted as root, a device node gives raw access to disks or memory (/dev/sda, /dev/mem); a FIFO blocks any program that reads it. Model archives have no use for them.',
    remediation: 'Do not extract this archive as root; extract with a filter that refuses special files (Python tarfile filter="data").',
    cwe: [732],
  },
} as const satisfies Record<string, RuleDef>;
