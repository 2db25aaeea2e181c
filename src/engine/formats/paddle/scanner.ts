// PaddlePaddle inference programs (.pdmodel, __model__): every operator of every block is judged.
// py_func calls Python; save/load ops touch files named in their attributes; distributed ops open
// connections. Parameter files: .pdparams/.pdopt are pickles (paddle.save) and are claimed by the
// pickle scanner by content; .pdiparams (raw LoDTensors) are swept as unknown content.
import type { ScanContext, Scanner } from '../../types';
import { clip } from '../../io/text';
import { parseProgram } from './program';
import { paddleSniffer } from './sniff';

/** Bytes of program read: inference programs are KB to a few MB (weights live in .pdiparams). */
export const MAX_PROGRAM_BYTES = 64 * 1024 * 1024;
const FILE_OPS = new Set(['save', 'load', 'save_combine', 'load_combine', 'checkpoint_notify', 'recv_save']);
const NETWORK_OPS = new Set(['send', 'recv', 'listen_and_serv', 'send_barrier', 'fetch_barrier', 'prefetch', 'distributed_lookup_table', 'send_and_recv', 'heter_listen_and_serv']);
/** Findings per rule before the rest are counted. */
const MAX_REPORTED = 64;

function escapes(path: string): boolean {
  return /^(?:[\\/]|[A-Za-z]:|~)/.test(path) || /(?:^|[\\/])\.\.(?:[\\/]|$)/.test(path);
}

async function scan(ctx: ScanContext): Promise<void> {
  const size = ctx.source.size;
  if (size > MAX_PROGRAM_BYTES) { ctx.limited(`program of ${size} bytes is over the ${MAX_PROGRAM_BYTES}-byte limit; its operators were not read`); return; }
  const program = parseProgram(await ctx.read(0, size), () => ctx.checkAborted());
  const types = new Map<string, number>();
  let reported = 0;
  for (const op of program.ops) {
    types.set(op.type, (types.get(op.type) ?? 0) + 1);
    const pointer = `/blocks/${op.block}/ops/${op.index}`;
    const where = `Operator ${op.index} of block ${op.block}`;
    if (reported < MAX_REPORTED) {
      if (op.type === 'py_func') {
        reported++;
        ctx.report({ ruleId: 'paddle/py-func', pointer, offset: op.offset, evidence: 'py_func',
          message: `${where} is py_func, which calls a Python function when the program runs` });
      } else if (FILE_OPS.has(op.type)) {
        const paths = op.attrs.filter((a) => a.name === 'file_path' || a.name === 'dir_name').flatMap((a) => a.strings);
        const bad = paths.find(escapes);
        reported++;
        ctx.report({ ruleId: 'paddle/file-op', pointer, offset: op.offset, evidence: clip(`${op.type} ${bad ?? paths[0] ?? ''}`, 200),
          ...(bad ? {} : { severity: 'info' as const, severityReason: 'the path stays inside the model folder' }),
          message: bad ? `${where} is ${op.type} on the path "${clip(bad, 120)}", outside the model folder` : `${where} is ${op.type}, which reads or writes a file when the program runs` });
      } else if (NETWORK_OPS.has(op.type)) {
        reported++;
        const endpoints = op.attrs.filter((a) => /endpoint|epmap/i.test(a.name)).flatMap((a) => a.strings);
        ctx.report({ ruleId: 'paddle/network-op', pointer, offset: op.offset, evidence: clip(`${op.type} ${endpoints.join(',')}`, 200),
          message: `${where} is the network operator ${op.type}` });
      }
    }
    for (const a of op.attrs) for (const s of a.strings) if (s.length >= 8) ctx.inspectString(s, { pointer: `${pointer}/attrs/${a.name}`, key: a.name, offset: op.offset });
  }
  ctx.note('blocks', program.blocks);
  ctx.note('ops', program.ops.length);
  ctx.note('opTypes', Object.fromEntries([...types.entries()].slice(0, 64).map(([k, v]) => [clip(k, 80), v])));
  if (program.version !== undefined) ctx.note('version', program.version);
}

export const paddleScanner: Scanner = {
  ...paddleSniffer,
  scan,
};
