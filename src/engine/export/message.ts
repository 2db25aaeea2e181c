// Display-time wording shared by the app and the CLI's text output (the JSON keeps the engine's text).
// "Pickle calls subprocess.Popen: subprocess.Popen starts a process": the message names the callable
// and the policy's reason names it again. Fixed here at display time only; the sources are
// src/engine/formats/pickle/judge.ts (`Pickle calls ${g.key}: ${v.reason}`, also pickle/code-object)
// and src/engine/formats/pickle/policy.ts dangerVerdict / classifyGlobal (reasons that start with the
// display name). The JSON keeps the message as the engine wrote it.
/** One sentence per finding: a callable named twice in a row ("X: X …") is named once. Linear: the
 *  message may carry untrusted text, so no backtracking pattern runs over it. */
export function tidyMessage(message: string): string {
  const colon = message.indexOf(': ');
  if (colon <= 0) return message;
  const space = message.lastIndexOf(' ', colon - 1);
  if (space <= 0) return message; // the name must follow some words ("Pickle calls X")
  const name = message.slice(space + 1, colon);
  const after = colon + 2;
  if (!name || !message.startsWith(name, after)) return message;
  const next = message[after + name.length];
  if (next === ':') return `${message.slice(0, colon)}: ${message.slice(after + name.length + 1).trimStart()}`;
  if (next === ' ') return `${message.slice(0, colon)}, which ${message.slice(after + name.length + 1)}`;
  return message;
}
