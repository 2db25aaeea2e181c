import type { RuleDef } from './types';

/** Chat templates (Jinja2): parsed to an AST, never rendered. Rules flag what only an SSTI attack needs. */
export const JINJA_RULES = {
  'jinja/dunder-access': {
    severity: 'critical', title: 'Chat template reaches Python internals (dunder access)',
    explanation: 'The template names a Python dunder attribute (__class__, __mro__, __subclasses__, __globals__, __builtins__, __import__ ...), directly, through a string key, or through a name built from strings or escapes. No chat template needs these; they are the ladder from a template object to os.system. transformers renders chat templates in a sandbox, but llama-cpp-python did not (CVE-2024-34359: code execution on loading a GGUF).',
    remediation: 'Do not load this model. Replace the chat template with the one published by the model author.',
    cwe: [1336, 94], cve: ['CVE-2024-34359'],
  },
  'jinja/dynamic-attribute': {
    severity: 'critical', title: 'Chat template looks up attributes by computed name',
    explanation: 'The template uses the attr() filter, getattr(), or a computed key built from strings (~, +, join, format, replace, chr). These hide an attribute name from plain-text filters; chat templates index messages with literal keys.',
    remediation: 'Do not load this model. Replace the chat template with the one published by the model author.',
    cwe: [1336, 94],
  },
  'jinja/global-escape': {
    severity: 'critical', title: 'Chat template reaches through a Jinja global',
    explanation: 'The template reads an attribute of a Jinja global object (cycler, joiner, namespace, lipsum, range, dict). Their attributes lead to the Python module globals (cycler.__init__.__globals__.os), a well-known Jinja sandbox escape route; chat templates only call namespace() and range().',
    remediation: 'Do not load this model. Replace the chat template with the one published by the model author.',
    cwe: [1336, 94],
  },
  'jinja/dangerous-name': {
    severity: 'critical', title: 'Chat template names a code-execution primitive',
    explanation: 'The template refers to os, subprocess, popen, system, eval, exec, import or a similar primitive, as a name, an attribute or a key. A chat template only formats messages; these names only serve running commands.',
    remediation: 'Do not load this model. Replace the chat template with the one published by the model author.',
    cwe: [1336, 78],
  },
  'jinja/ssti-probe': {
    severity: 'warning', title: 'Chat template uses a web-framework object',
    explanation: 'The template refers to request, config, self, url_for or get_flashed_messages: objects of Flask templates that server-side template injection payloads use to reach Python globals. Chat-template renderers do not provide them.',
    remediation: 'Review the template; replace it with the one published by the model author.',
    cwe: [1336],
  },
  'jinja/unparseable': {
    severity: 'warning', title: 'Chat template does not parse',
    explanation: 'The template is not valid Jinja for the parser used by chat-template renderers, so it could not be checked. Loaders may fail, or a laxer engine may render what this scanner could not read.',
    remediation: 'Check the template; replace it with the one published by the model author.',
    cwe: [20],
  },
} as const satisfies Record<string, RuleDef>;
