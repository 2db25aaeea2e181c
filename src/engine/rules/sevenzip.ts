import type { RuleDef } from './types';

/** Rules of the sevenzip scanner (7z archives, read with 7-Zip compiled to WASM). */
export const SEVENZIP_RULES = {
  'sevenzip/encrypted-headers': {
    severity: 'warning', title: '7z archive with encrypted member list',
    explanation: 'The archive was written with header encryption (7z -mhe=on): without the password not even the member names can be read, so nothing inside was scanned. Wrapping a payload this way hides it from every scanner; a model publisher has no need for it.',
    remediation: 'Obtain the password from the publisher, extract the archive in a sandbox and scan what it holds; otherwise do not use it.',
    aliases: ['S604'],
  },
  'sevenzip/not-extracted': {
    severity: 'warning', title: '7z member could not be extracted',
    explanation: 'A member listed in the archive could not be extracted on its own (7-Zip could not select it by name, or it produced no data), so its content was not scanned. The scan is incomplete.',
    remediation: 'Extract the archive with 7-Zip in a sandbox and scan the extracted files.',
  },
} as const satisfies Record<string, RuleDef>;
