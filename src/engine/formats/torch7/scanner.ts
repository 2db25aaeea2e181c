// Lua Torch7 files (torch.save: .t7, .th, .net, and the .t7 models of pre-2017 zoos). torch.load
// rebuilds functions from the Lua bytecode stored in the file (File.lua readObject: loadstring on the
// dumped string), so a serialized function runs attacker code as soon as it is called, and a class
// name is looked up with torch.factory, running that class's read(). Functions are CRITICAL; classes
// outside the torch/nn families are named; tensors and storages are checked against the file size.
import type { ScanContext, Scanner } from '../../types';
import { latin1Text } from '../../io/text';
import { byteRangeName } from '../child-names';
import { parseT7 } from './parse';
import { torch7Sniffer } from './sniff';

/** Files read whole up to this size (storages are skipped, but the tree walk needs the bytes). */
const MAX_T7_BYTES = 1024 * 1024 * 1024;
/** Class-name prefixes of torch7 itself and the packages models commonly need. */
const KNOWN_FAMILIES = /^(torch|nn|cudnn|cunn|cutorch|nngraph|optim|rnn|dpnn|image|inn|fbnn|tds|nnx)\./;

export const torch7Scanner: Scanner = { ...torch7Sniffer, scan };

async function scan(ctx: ScanContext): Promise<void> {
  const size = ctx.source.size;
  const cap = Math.min(MAX_T7_BYTES, ctx.budget.limits.maxMemberBytes);
  const bytes = await ctx.read(0, Math.min(size, cap));
  const p = parseT7(bytes);
  ctx.note('objects', p.objects);
  ctx.note('tensors', p.tensors);
  ctx.note('storageBytes', p.storageBytes);
  if (p.classes.size) ctx.note('classes', Object.fromEntries([...p.classes].slice(0, 64)));
  for (const f of p.functions) {
    const printable = latin1Text(f.bytecode).match(/[\x20-\x7e]{3,}/g) ?? [];
    const sig = latin1Text(f.bytecode.subarray(0, 4));
    const head = sig.startsWith('\x1bLJ') ? 'LuaJIT' : sig === '\x1bLua' ? 'Lua' : 'unrecognised';
    ctx.report({ ruleId: 'torch7/function', offset: f.offset, evidence: `${head} bytecode, ${f.bytecode.length} bytes; names: ${printable.slice(0, 12).join(' ').slice(0, 160)}`,
      message: `The file stores a Lua ${f.kind} as bytecode, which torch.load turns back into code` });
    for (const s of printable) if (s.length >= 8) ctx.inspectString(s, { offset: f.offset, key: 'Lua bytecode constant' });
  }
  for (const [name, count] of p.classes) {
    if (!KNOWN_FAMILIES.test(name)) {
      ctx.report({ ruleId: 'torch7/unknown-class', evidence: name.slice(0, 120),
        message: `Loading the file needs the class ${name.slice(0, 120)} (${count}×), which torch.factory must find in some Lua package` });
    }
  }
  for (const s of p.strings) ctx.inspectString(s.text, { offset: s.offset });

  if (p.opaque) {
    ctx.report({ ruleId: 'scan/limit-reached', offset: p.opaque.offset, evidence: p.opaque.className.slice(0, 120),
      message: `The class ${p.opaque.className.slice(0, 120)} writes its own data, which the scanner cannot follow; the rest of the file was not read` });
    ctx.limited(`opaque class ${p.opaque.className.slice(0, 80)}`);
    return;
  }
  if (p.error) {
    if (p.error.kind === 'limit') {
      ctx.report({ ruleId: 'scan/limit-reached', offset: p.error.offset, message: `The object tree was not read to its end: ${p.error.message}` });
      ctx.limited(p.error.message);
    } else {
      ctx.report({ ruleId: 'format/malformed', offset: p.error.offset, message: `Malformed Torch7 file: ${p.error.message}` });
      ctx.limited('the Torch7 object tree is broken');
    }
    return;
  }
  if (bytes.length < size) {
    ctx.report({ ruleId: 'scan/limit-reached', offset: bytes.length, message: `Only the first ${bytes.length} bytes were read` });
    ctx.limited('file larger than the read limit');
    return;
  }
  if (p.end < size) {
    ctx.report({ ruleId: 'torch7/trailing-data', offset: p.end, evidence: `${size - p.end} bytes`, message: `${size - p.end} bytes follow the end of the Torch7 object` });
    await ctx.scanChild(byteRangeName(p.end, size), ctx.source.slice(p.end, size));
  }
}
