import type { RuleDef } from './types';

/** Zip-specific layout oddities: where the archive sits in the file and which readers find it. */
export const ZIP_RULES = {
  'zip/prefixed-data': {
    severity: 'warning', title: 'Bytes before the zip archive',
    explanation: 'The archive does not start at offset 0: a self-extractor stub, a program or junk comes first. Python\'s zipfile (and anything built on it: numpy.load of .npz, Keras, skops) finds the archive from its end and opens it anyway, while tools that check the first bytes see something else, so one file can be two things to two readers. torch.load needs \'PK\\3\\4\' at offset 0; with a prefix it unpickles the file from the start as a legacy checkpoint instead. The prefix is scanned on its own.',
    remediation: 'Re-create the archive from its members; a model archive made by a library starts at offset 0.',
    cwe: [436],
  },
  'zip/concatenated': {
    severity: 'warning', title: 'Two zip archives back to back',
    explanation: 'A complete zip archive is followed by another. Readers that locate the end record (Python\'s zipfile, miniz, 7-Zip) open the last archive; streaming readers that walk local headers from the start (Java\'s ZipInputStream, some web and CI tools) read the first. When the two hold different members, a scanner and a loader can see different models: CRITICAL. Both archives are scanned.',
    remediation: 'Do not load the file; re-create the archive from trusted members.',
    cwe: [436],
  },
  'zip/spanning-marker': {
    severity: 'info', title: 'Zip starts with a spanning marker',
    explanation: 'The archive starts with the 4-byte split-archive marker (\'PK\\7\\8\' or \'PK00\', APPNOTE 8.5.3-8.5.4) that some archivers write when a split archive fits in one piece. Readers skip it; it is noted because it moves the first member off offset 0.',
    remediation: 'Nothing to do.',
  },
} as const satisfies Record<string, RuleDef>;
