import type { RuleDef } from './types';

/** Rules of the torch7 scanner: Lua Torch7 serialization (torch7 File.lua). */
export const TORCH7_RULES = {
  'torch7/function': {
    severity: 'critical', title: 'Lua function stored in a Torch7 file',
    explanation: 'The file holds a Lua function as bytecode (object types 6, 7 or 8 of File.lua). torch.load rebuilds it with loadstring, and Lua bytecode can do anything Lua can (os.execute, io.popen); malformed bytecode can also break LuaJIT\'s VM. Model weights never need a function.',
    remediation: 'Do not torch.load the file; obtain the weights in a data-only format (safetensors, or a .t7 of tensors only from a trusted source).',
    cwe: [502, 94],
  },
  'torch7/unknown-class': {
    severity: 'info', title: 'Torch7 class outside the torch/nn families',
    explanation: 'The file names a class that torch.load looks up with torch.factory; the Lua package defining it must be installed, and its read() method runs while loading.',
    remediation: 'Check which package provides the class and that it comes from a trusted source.',
  },
  'torch7/trailing-data': {
    severity: 'warning', title: 'Bytes after the Torch7 object',
    explanation: 'Data follows the end of the serialized object. torch.load stops at the end of the object, so the bytes serve no loader: a place to hide a payload. They were scanned as unknown content.',
    remediation: 'Obtain the file again from its publisher.',
    cwe: [436],
  },
} as const satisfies Record<string, RuleDef>;
