// Pattern tables for the code-in-strings detectors: shell commands, Python code, script markup.
// Policy is data: each entry names what it finds (the finding message says it) and why it is
// narrow enough to stay quiet on model cards, licences, configs and tokenizer vocabularies.
//
// Regex safety (enforced by test/unit/detectors-strings.test.ts): no quantified group contains a
// quantifier (no `(a+)+`, `(?:x\s+){1,3}`), every "anything" run is a bounded negated class
// (`[^\n]{0,300}`), so each pattern is linear in the text with a small constant, also on hostile
// input. Lookbehinds are single-character classes.
import type { RuleId } from '../rules';
import type { Severity } from '../types';

export interface StringPattern {
  ruleId: RuleId;
  /** Names the construct in the finding message: "Shell command: download piped into a shell". */
  what: string;
  /** Global flag required (matches are iterated). */
  re: RegExp;
  /** Extra check on a match a regex cannot express cheaply; false drops it. */
  accept?: (m: RegExpExecArray) => boolean;
  /**
   * A weak signal: reported at this severity, with this reason, and only when no strong pattern of
   * the same rule matched the text.
   */
  weak?: { severity: Severity; reason: string };
}

const SHELL = 'strings/shell-command' as const;
const PY = 'strings/python-code' as const;
const MARKUP = 'strings/script-markup' as const;

/** Shell interpreters a download or decoded blob is piped into. */
const SHELLS = '(?:sudo\\s{1,8})?(?:(?:ba|z|da|k)?sh|python[23]?|perl|ruby)\\b';

export const SHELL_PATTERNS: readonly StringPattern[] = [
  { ruleId: SHELL, what: 'download piped into an interpreter',
    re: new RegExp(`\\b(?:curl|wget)\\b[^\\n|]{0,200}\\|\\s{0,8}${SHELLS}`, 'g') },
  // Download, then make it executable or run it: "wget -O /tmp/x http://h/x && chmod +x /tmp/x".
  { ruleId: SHELL, what: 'download followed by running it',
    re: /\b(?:curl|wget)\b[^\n;&]{0,200}(?:&&|;)\s{0,8}(?:sudo\s{1,8})?(?:chmod\s|(?:ba|z|da)?sh\s{1,8}\S|\.\/[\w.-])/g },
  { ruleId: SHELL, what: 'command substitution of a download',
    re: /(?:\$\(|`)\s{0,8}(?:curl|wget)\s/g },
  // A bare "wget URL" is not flagged here: README code blocks are full of them, and a URL to an
  // unexpected host is already a strings/url WARNING.
  // rm with recursive+force flags aimed at an absolute path, home, a glob or a variable. "rm" in
  // prose or "rm -rf build" in a README is not enough.
  { ruleId: SHELL, what: 'recursive forced delete',
    re: /\brm\s{1,8}(-[a-zA-Z]{1,6})(?:\s{1,8}(-[a-zA-Z]{1,6}))?\s{1,8}(?:--no-preserve-root\s{1,8})?['"]?(?:\/|~|\*|\$[{\w]|[A-Za-z]:\\)/g,
    accept: (m) => { const f = (m[1] ?? '') + (m[2] ?? ''); return /[rR]/.test(f) && f.includes('f'); } },
  { ruleId: SHELL, what: 'world-writable or executable permission change',
    re: /\bchmod\s{1,8}(?:-[Rrvf]{1,3}\s{1,8})?(?:[0-7]?777|[ugoa]{0,3}\+[rw]{0,2}[xs])\s{1,8}['"]?[/~.$\w]/g },
  { ruleId: SHELL, what: 'netcat with command execution',
    re: /\b(?:nc|ncat|netcat)(?:\.exe)?(?=\s)[^\n]{0,120}?(?:\s-[a-z]{0,3}e\s{1,8}['"]?(?:\/|cmd|powershell)|--exec\b|--sh-exec\b|\s-c\s{1,8}['"]?(?:\/bin\/|bash|sh\b))/g },
  { ruleId: SHELL, what: 'reverse shell through /dev/tcp',
    re: /\/dev\/(?:tcp|udp)\/[\w.-]{1,253}\/\d{1,5}/g },
  { ruleId: SHELL, what: 'interactive shell with redirected I/O',
    re: /\b(?:ba|z)?sh\s{1,8}-i\b[^\n]{0,80}?[<>]&/g },
  { ruleId: SHELL, what: 'encoded PowerShell command',
    re: /\b(?:powershell|pwsh)(?:\.exe)?\b[^\n]{0,200}?\s[-/](?:e|ec|en|enc|enco|encod|encode|encoded|encodedcommand)\s{1,8}[A-Za-z0-9+/]{8}/gi },
  { ruleId: SHELL, what: 'PowerShell download-and-execute',
    re: /\b(?:iex|invoke-expression)\b[^\n]{0,200}?(?:downloadstring|invoke-webrequest|\biwr\b|net\.webclient)|\b(?:downloadstring|invoke-webrequest|iwr)\b[^\n]{0,200}?\|\s{0,8}(?:iex|invoke-expression)\b/gi },
  { ruleId: SHELL, what: 'named pipe (reverse shell plumbing)',
    re: /\bmkfifo\s{1,8}[/~$\w]/g },
  { ruleId: SHELL, what: 'base64-decoded data piped into an interpreter',
    re: new RegExp(`\\bbase64\\s{1,8}(?:-d|--decode|-D)\\b[^\\n]{0,200}?\\|\\s{0,8}${SHELLS}`, 'g') },
  { ruleId: SHELL, what: 'cron persistence',
    re: /\|\s{0,8}crontab\b|\bcrontab\s{1,8}-(?=\s|$)|>{1,2}\s{0,8}\/etc\/cron|\/var\/spool\/cron\//g },
  { ruleId: SHELL, what: 'access to credential files',
    re: /\/etc\/shadow\b|\.ssh\/(?:authorized_keys|id_rsa|id_ed25519|id_ecdsa)\b/g },
];

/** Modules whose import in a data string means code that reaches the OS or the network. */
const STRONG_MODULES = 'subprocess|socket|pty|ctypes|commands|posix|nt|marshal|importlib|builtins|__builtin__|webbrowser|runpy';

export const PYTHON_PATTERNS: readonly StringPattern[] = [
  { ruleId: PY, what: `import of a process/network module`,
    re: new RegExp(`(?:^|[\\s;:(])(?:import\\s{1,8}(?:${STRONG_MODULES})\\b|from\\s{1,8}(?:${STRONG_MODULES}|os)\\s{1,8}import\\s{1,8}(?:system|popen|exec|spawn|\\*))`, 'g') },
  { ruleId: PY, what: 'os.system / os.popen / os.exec* / os.spawn* call',
    re: /\b(?:os|posix|nt)\.(?:system|popen[234]?|exec(?:l|le|lp|lpe|v|ve|vp|vpe)|spawn(?:l|le|lp|lpe|v|ve|vp|vpe)|fork|forkpty)\s{0,4}\(/g },
  { ruleId: PY, what: 'subprocess call',
    re: /\bsubprocess\.(?:Popen|call|run|check_output|check_call|getoutput|getstatusoutput)\s{0,4}\(/g },
  // eval/exec of a string literal, of a call result or of a dunder: not "model.eval()" (preceded by
  // a dot) and not "eval (see Table 2)" in prose.
  { ruleId: PY, what: 'eval/exec of code',
    re: /(?<![\w.])(?:eval|exec)\s{0,4}\(\s{0,4}(?:[bfruBFRU]{0,2}['"]|[A-Za-z_][\w.]{0,120}\s{0,4}[([]|__)/g },
  { ruleId: PY, what: 'compile() of source for exec/eval',
    re: /(?<![\w.])compile\s{0,4}\([^)\n]{0,200}?['"](?:exec|eval|single)['"]/g },
  { ruleId: PY, what: '__import__ call', re: /\b__import__\s{0,4}\(/g },
  { ruleId: PY, what: 'deserialisation of embedded bytes (pickle/marshal loads)',
    re: /\b(?:pickle|cPickle|_pickle|marshal|dill|cloudpickle|joblib)\.loads\s{0,4}\(/g },
  { ruleId: PY, what: 'reach into builtins/globals',
    re: /\bgetattr\s{0,4}\(\s{0,4}(?:__builtins__|builtins\b|__import__|globals\s{0,4}\(\)|os\b|sys\b)|\b__builtins__\s{0,4}[[.]|\bglobals\s{0,4}\(\)\s{0,4}\[/g },
  { ruleId: PY, what: 'sandbox-escape attribute chain',
    re: /\b__(?:subclasses__\s{0,4}\(|globals__\b|mro__\b|code__\b)/g },
  { ruleId: PY, what: 'dangerous library call',
    re: /\b(?:importlib\.import_module|runpy\.run_(?:path|module)|pty\.spawn|ctypes\.(?:CDLL|cdll|windll|WinDLL|LoadLibrary)|socket\.socket|socket\.create_connection|webbrowser\.open|shutil\.rmtree|code\.interact)\s{0,4}\(/g },
  // "import os" on its own is everywhere in example code (model cards set os.environ); it counts
  // only as context.
  { ruleId: PY, what: 'import of os/sys/shutil/network module',
    re: /(?:^|[\s;:(])import\s{1,8}(?:os|sys|shutil|requests|urllib|urllib2|urllib3|http\.client|ftplib|telnetlib)\b/g,
    weak: { severity: 'info', reason: 'an import alone, with no dangerous call, is common in example code' } },
];

export const MARKUP_PATTERNS: readonly StringPattern[] = [
  { ruleId: MARKUP, what: '<script> element', re: /<script\b/gi },
  // A javascript: URL, not the word "JavaScript:" followed by a space in prose.
  { ruleId: MARKUP, what: 'javascript: URL',
    re: /(?:^|[\s"'=(`>]|&#?\w{1,8};?)(?:javascript|vbscript|livescript)\s{0,4}:(?=[^\s])/gi },
  { ruleId: MARKUP, what: 'inline event handler in a tag',
    re: /<[a-zA-Z][\w:-]{0,30}(?=[\s/])[^<>]{0,500}?[\s"'/]on[a-zA-Z]{3,30}\s{0,4}=/g },
  { ruleId: MARKUP, what: 'embedded frame or object element',
    re: /<(?:iframe|frame|frameset|object|embed|applet)\b|<meta\s[^<>]{0,200}?http-equiv\s{0,4}=\s{0,4}['"]?refresh/gi },
  { ruleId: MARKUP, what: 'data: URL carrying HTML or script',
    re: /\bdata:\s{0,4}(?:text\/html|application\/(?:x-)?javascript|text\/javascript)/gi },
];

export const CODE_PATTERNS: readonly StringPattern[] = [...SHELL_PATTERNS, ...PYTHON_PATTERNS, ...MARKUP_PATTERNS];
