import type { RuleDef } from './types';

/** Cross-format detectors: embedded executables and suspicious strings. */
export const DETECTOR_RULES = {
  'executable/pe': {
    severity: 'critical', title: 'Windows executable embedded',
    explanation: 'A Windows PE executable (DOS header, PE signature and a valid COFF header) is embedded in the file. Model files have no reason to carry programs; a loader bug or a second stage can run it.',
    remediation: 'Do not use this file. Extract the executable in a sandbox for analysis.',
    cwe: [506], aliases: ['S501'],
  },
  'executable/elf': {
    severity: 'critical', title: 'ELF executable embedded',
    explanation: 'A Linux/Unix ELF executable or shared library (valid ELF header) is embedded in the file.',
    remediation: 'Do not use this file. Extract the executable in a sandbox for analysis.',
    cwe: [506], aliases: ['S502'],
  },
  'executable/macho': {
    severity: 'critical', title: 'Mach-O executable embedded',
    explanation: 'A macOS Mach-O executable (thin or fat, with a valid header) is embedded in the file.',
    remediation: 'Do not use this file. Extract the executable in a sandbox for analysis.',
    cwe: [506], aliases: ['S503'],
  },
  'executable/script': {
    severity: 'critical', title: 'Script with an interpreter line embedded',
    explanation: 'A script starting with "#!" and an interpreter path (sh, bash, python, perl, ...) is embedded in the file.',
    remediation: 'Do not use this file; read the script to learn what it does.',
    cwe: [506], aliases: ['S504'],
  },
  'strings/shell-command': {
    severity: 'warning', title: 'Shell command in model data',
    explanation: 'A string looks like a shell command (download-and-run, rm -rf, reverse shell, chmod +x ...). Metadata is not executed by loaders, but tooling that renders or evaluates it can be, and a benign model has no reason to carry it.',
    remediation: 'Find out what reads this string and why it is there.',
    cwe: [78], aliases: ['S504'],
  },
  'strings/python-code': {
    severity: 'warning', title: 'Python code in model data',
    explanation: 'A string contains Python that imports os/subprocess or calls eval/exec/compile/__import__. Tools that eval metadata would run it.',
    remediation: 'Find out what reads this string and why it is there.',
    cwe: [94], aliases: ['S507'],
  },
  'strings/script-markup': {
    severity: 'warning', title: 'Script markup in model data',
    explanation: 'A string holds HTML script (<script>, javascript: URLs, event handlers). Model hubs and viewers that render metadata unescaped run it (stored XSS).',
    remediation: 'Remove the markup; never render model metadata as HTML.',
    cwe: [79], aliases: ['S508'],
  },
  'strings/url': {
    severity: 'warning', title: 'URL to an unexpected host',
    explanation: 'A string holds a URL whose host is not a well-known model or code host. Such URLs are used to fetch second stages or to exfiltrate data.',
    remediation: 'Check the host and what would fetch it.',
    cwe: [829], aliases: ['S309'],
  },
  'strings/url-known-host': {
    severity: 'info', title: 'URL to a well-known host',
    explanation: 'A string holds a URL on a well-known model or code host (Hugging Face, GitHub, PyPI, ...). Usually documentation.',
    remediation: 'None needed unless the URL is fetched at load time.',
    aliases: ['S309'],
  },
  'strings/ip-address': {
    severity: 'warning', title: 'Raw IP address in model data',
    explanation: 'A string holds a literal public IP address, as command-and-control and exfiltration endpoints do.',
    remediation: 'Check what would connect to it.',
    cwe: [829], aliases: ['S308'],
  },
  'strings/encoded-payload': {
    severity: 'warning', title: 'Encoded blob that decodes to code',
    explanation: 'A base64, hex or \\xNN-escaped string decodes to code, a script, a pickle or an executable. Encoding is how payloads hide from pattern scanners.',
    remediation: 'Decode the string in a sandbox and review it.',
    cwe: [506], aliases: ['S601', 'S602'],
  },
  'strings/secret': {
    severity: 'warning', title: 'Credential in model data',
    explanation: 'A string holds what looks like a live credential: a cloud key (AWS, GCP, Azure), a GitHub/GitLab/Slack/Hugging Face/OpenAI/Anthropic token, a private key, a JWT or a database URL with a password. Anyone who downloads the model gets it. The evidence shows the credential masked.',
    remediation: 'Revoke and rotate the credential, then remove it from the file.',
    cwe: [798],
  },
  'strings/escaped-text': {
    severity: 'info', title: 'Escaped characters in model data',
    explanation: 'A string is written with \\xNN or \\uNNNN escapes, a common way to disguise text from simple scanners.',
    remediation: 'Unescape and review the string.',
    aliases: ['S605'],
  },
} as const satisfies Record<string, RuleDef>;
