// Protobuf text format (saved_model.pbtxt, graph.pbtxt: tf.io.write_graph(as_text=True)). Not parsed:
// op names and string attr values are found by a line-oriented search, which is enough to judge the
// op set (text_format.cc prints every NodeDef op as `op: "Name"` on its own line) and to hand strings
// to the detectors. Findings carry byte offsets (of the UTF-8 text) instead of pointers.
import type { ScanContext } from '../../types';
import { utf8 } from '../../io/text';
import { FILE_OPS, NETWORK_OPS, PYTHON_OPS, SYSTEM_LIKE_OP, standardOps } from './policy';

/** Text graphs read into memory at most (a text graph is ~3× its binary form). */
export const MAX_PBTXT_BYTES = 256 * 1024 * 1024;
/** String values handed to the detectors per file. */
const MAX_TEXT_STRINGS = 200_000;

const OP_LINE = /^[ \t]*op:[ \t]*"((?:[^"\\\n]|\\.){1,256})"/gm;
const STRING_LINE = /^[ \t]*(?:s|string_val|placeholder):[ \t]*"((?:[^"\\\n]|\\.){4,})"/gm;
const FUNCTION_NAME = /^[ \t]*signature[ \t]*\{[ \t]*\n[ \t]*name:[ \t]*"([^"\n]{1,256})"/gm;

/** A text-format graph: starts with one of the top-level fields of the messages we read. */
export function looksLikePbtxt(text: string): boolean {
  return /^\s*(#[^\n]*\n\s*)*(saved_model_schema_version|meta_graphs|node|library|versions|meta_info_def|graph_def)\s*[:{]/.test(text);
}

export async function scanPbtxt(ctx: ScanContext<unknown>): Promise<void> {
  const size = Math.min(ctx.source.size, MAX_PBTXT_BYTES);
  const text = utf8(await ctx.read(0, size));
  if (ctx.source.size > size) ctx.limited(`text graph larger than ${MAX_PBTXT_BYTES} bytes: only the start was searched`);
  const functions = new Set<string>();
  for (const m of text.matchAll(FUNCTION_NAME)) functions.add(m[1]!);
  const counts = new Map<string, number>();
  const unknown = new Map<string, { count: number; offset: number }>();
  // Offsets are of the decoded text; identical to byte offsets for ASCII, which text format escapes to.
  for (const m of text.matchAll(OP_LINE)) {
    const op = m[1]!;
    const offset = m.index!;
    counts.set(op, (counts.get(op) ?? 0) + 1);
    const py = PYTHON_OPS.get(op);
    if (py) {
      ctx.report({ ruleId: 'tensorflow/python-op', message: `${op} op in a text graph calls Python (${py})`, offset, evidence: op });
    } else if (NETWORK_OPS.has(op)) {
      ctx.report({ ruleId: 'tensorflow/network-op', message: `${op} op in a text graph ${NETWORK_OPS.get(op)!.what}`, offset, evidence: op });
    } else if (FILE_OPS.get(op)?.emptyIsMemory) {
      // cache() with no file name keeps elements in memory; the name input is not resolved in text.
    } else if (FILE_OPS.has(op)) {
      ctx.report({ ruleId: 'tensorflow/file-access', message: `${op} op in a text graph ${FILE_OPS.get(op)!.what}`, offset, evidence: op });
    } else if (!standardOps().has(op) && !functions.has(op)) {
      const u = unknown.get(op);
      if (u) u.count++; else unknown.set(op, { count: 1, offset });
    }
  }
  for (const [op, u] of unknown) {
    ctx.report({ ruleId: SYSTEM_LIKE_OP.test(op) ? 'tensorflow/suspicious-custom-op' : 'tensorflow/nonstandard-op',
      message: `Op "${op}" is not a stock TensorFlow op (${u.count} node${u.count > 1 ? 's' : ''})`, offset: u.offset, evidence: op });
  }
  // attr { key: "output_stream" value { s: "file://..." } } (PrintV2's attr as text_format prints it)
  for (const m of text.matchAll(/key:[ \t]*"output_stream"\s*value\s*\{\s*s:[ \t]*"(file:\/\/[^"\n]*)"/g)) {
    ctx.report({ ruleId: 'tensorflow/print-to-file', message: `PrintV2 prints to ${m[1]}`, offset: m.index!, evidence: m[1]! });
  }
  // attr { key: "debug_urls" value { list { s: "file://..." } } } (tfdbg ops dump every tensor they see)
  for (const m of text.matchAll(/key:[ \t]*"debug_urls"\s*value\s*\{\s*list\s*\{\s*s:[ \t]*"((?:file|grpc):\/\/[^"\n]*)"/g)) {
    const file = m[1]!.startsWith('file:');
    ctx.report({ ruleId: 'tensorflow/file-access', message: `A debug op in a text graph ${file ? 'dumps the tensors it sees to' : 'sends the tensors it sees to'} ${m[1]}`,
      offset: m.index!, evidence: m[1]!,
      ...(file ? { severity: 'critical' as const, severityReason: 'writes to a URL, outside the model folder' } : {}) });
  }
  let n = 0;
  for (const m of text.matchAll(STRING_LINE)) {
    if (n++ >= MAX_TEXT_STRINGS) { ctx.limited(`more than ${MAX_TEXT_STRINGS} strings`); break; }
    ctx.inspectString(m[1]!, { offset: m.index! });
  }
  const sorted = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 500);
  ctx.note('opCounts', Object.fromEntries(sorted));
}
