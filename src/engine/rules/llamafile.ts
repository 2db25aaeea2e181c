import type { RuleDef } from './types';

/** llamafile / Actually Portable Executable (formats/llamafile). */
export const LLAMAFILE_RULES = {
  'llamafile/executable': {
    severity: 'warning', title: 'This file is a program (Actually Portable Executable)',
    explanation: 'The file starts with the Actually Portable Executable header (Cosmopolitan Libc: "MZqFpD=\'", "jartsr=\'" or "APEDBG=\'"), a DOS/PE header that is also a shell script, so it runs natively on Linux, macOS, Windows and the BSDs. A llamafile is such a program with the model weights (a GGUF) in a zip at its end. Running it runs whatever native code it holds; no scanner can tell what that code does. The zip members (weights, chat template, default arguments) are scanned.',
    remediation: 'Run llamafiles only from publishers you trust, or extract the GGUF (`unzip x.llamafile model.gguf`) and load it with your own llama.cpp build.',
    cwe: [506],
  },
} as const satisfies Record<string, RuleDef>;
