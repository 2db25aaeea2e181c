import type { RuleDef } from './types';

const REVIEW = 'Do not load this file with pickle, torch.load (without weights_only=True), joblib.load or numpy.load(allow_pickle=True). Obtain the model in a format that cannot run code (safetensors, ONNX, GGUF) or from a publisher you trust, and compare the hash with the published one.';

/** Rules of the pickle engine (formats/pickle): what a pickle would import, call and mutate when loaded. */
export const PICKLE_RULES = {
  'pickle/dangerous-call': {
    severity: 'critical', title: 'Pickle calls a dangerous function when loaded',
    explanation: 'Unpickling calls this function with the arguments shown (REDUCE, INST, OBJ or NEWOBJ). It runs commands, evaluates code, opens files or connections, or loads more code: loading the file runs the attacker\'s action with your privileges.',
    remediation: REVIEW, cwe: [502], aliases: ['S201', 'S101', 'S104'],
  },
  'pickle/dangerous-import': {
    severity: 'critical', title: 'Pickle imports a dangerous callable',
    explanation: 'Unpickling imports this module attribute (GLOBAL, STACK_GLOBAL or INST). Nothing in an ML model needs it; an imported callable can be invoked through other objects (map, a constructor, __setstate__) even where no direct call is visible.',
    remediation: REVIEW, cwe: [502], aliases: ['S206', 'S205'],
  },
  'pickle/non-allowlisted-call': {
    severity: 'warning', title: 'Pickle calls a function outside the known-safe list',
    explanation: 'Unpickling calls this callable, which is not on modelgate\'s list of known-safe ML classes and functions. It may be a legitimate class of the library that wrote the model, or a gadget that does something harmful with the arguments shown.',
    remediation: 'Check that the callable belongs to a library you trust and that the model needs it. If in doubt, load the file in a sandbox or ask the publisher for safetensors.',
    cwe: [502], aliases: ['S201'],
  },
  'pickle/unknown-class-constructed': {
    severity: 'info', title: 'Pickle constructs a class no analysed library defines',
    explanation: 'NEWOBJ or copyreg._reconstructor makes an instance of this class with its __new__ only; __init__ does not run. torch.save(model) writes every user-defined nn.Module this way. Loading still imports the module that defines the class, which runs that module\'s code.',
    remediation: 'Make sure the module named is one you have installed and trust.',
    cwe: [502],
  },
  'pickle/program-callable': {
    severity: 'info', title: 'Pickle calls a name of the loading program',
    explanation: 'The callable is looked up in __main__, the script that loads the file (a user Enum, a learning-rate helper bound by functools.partial). Pickle resolves it in that process, so the file cannot bring its own code there; loading fails where the program does not define the name.',
    remediation: 'Check that the names listed are your own program\'s.',
    cwe: [502],
  },
  'pickle/unresolved-callable': {
    severity: 'warning', title: 'Pickle calls something that cannot be resolved statically',
    explanation: 'The callable of a REDUCE/NEWOBJ/OBJ comes from a memo key that was never stored, an extension code, a persistent id or a non-callable value. CPython usually fails on such pickles, but other loaders differ, and scanners that give up here have been bypassed.',
    remediation: 'Treat the file as untrusted; do not load it outside a sandbox.',
    cwe: [502], aliases: ['S902'],
  },
  'pickle/unresolved-import': {
    severity: 'warning', title: 'Pickle imports a name that cannot be resolved statically',
    explanation: 'STACK_GLOBAL takes its module and name from the stack; here they are not both constant strings (missing memo key, wrong type, or computed by a call). A name computed at load time hides what is imported; a wrong type is a known scanner-confusion trick.',
    remediation: 'Treat the file as untrusted; do not load it outside a sandbox.',
    cwe: [502], aliases: ['S205'],
  },
  'pickle/callable-from-call': {
    severity: 'critical', title: 'Pickle calls a callable produced by another call',
    explanation: 'The function invoked is itself the result of a call (getattr(obj, name)(...), operator.attrgetter(...)(...), methodcaller chains). Model serializers do not write this shape; it is how payloads reach os.system and eval through allowlisted names.',
    remediation: REVIEW, cwe: [502], aliases: ['S201', 'S115'],
  },
  'pickle/module-attribute-write': {
    severity: 'critical', title: 'Pickle modifies an imported module, class or function',
    explanation: 'BUILD, SETITEM or APPEND is applied to an imported object rather than to a new one: loading the file rewrites attributes of a module or class (for example aliasing torch._utils names to builtins.eval, or editing numpy.__builtins__), so later imports in the same process run attacker-chosen code.',
    remediation: REVIEW, cwe: [502, 915], aliases: ['S207', 'S208'],
  },
  'pickle/code-object': {
    severity: 'critical', title: 'Pickle builds a Python code object or function',
    explanation: 'dill and cloudpickle serialize functions as code objects (types.CodeType, _create_code, _make_function). Loading the file builds the function, and the bytecode runs when the object is used, or immediately through __reduce__.',
    remediation: 'Only load dill/cloudpickle files you produced yourself. For models, use a format that stores weights only.',
    cwe: [502, 94], aliases: ['S104'],
  },
  'pickle/decode-exec-chain': {
    severity: 'critical', title: 'Pickle decodes data and executes or unpickles it',
    explanation: 'A decoder (base64, hex, zlib, codecs) feeds pickle.loads, marshal.loads, eval or exec: the real payload is encoded to hide it from scanners. The decoded payload was scanned too when its constant was in the file.',
    remediation: REVIEW, cwe: [502, 94], aliases: ['S213', 'S601'],
  },
  'pickle/nested-load': {
    severity: 'warning', title: 'Pickle loads a file it names',
    explanation: 'Unpickling calls a data loader (scipy.io.loadmat, a LightGBM or XGBoost Booster with model_file, numpy.fromfile or memmap, safetensors load_file) on a path the pickle chose. The file is parsed as data, not run, but it is data the attacker picks: a file planted beside the model, a local secret whose content ends up in the loaded object, or input for a bug in a native parser. Loaders that can run code (pickle, joblib, torch.load, numpy.load with allow_pickle) are dangerous calls instead.',
    remediation: 'Find out why the model reads another file when it is loaded and scan that file too; re-export the model without it.',
    cwe: [73, 502],
  },
  'pickle/joblib-array-unresolved': {
    severity: 'warning', title: 'joblib array of unresolvable size',
    explanation: 'joblib writes NumPy array data raw inside the pickle, right after a NumpyArrayWrapper, and reads as many bytes as its dtype and shape say. Here they are computed, cut, or of a kind the scanner does not size, so it cannot tell where joblib resumes unpickling: opcodes hidden inside the array bytes would run unseen. joblib.dump never writes such a wrapper.',
    remediation: REVIEW, cwe: [502, 436],
  },
  'pickle/nested-pickle': {
    severity: 'warning', title: 'Pickle carries another pickle',
    explanation: 'A bytes or string constant holds a pickle (raw, base64, hex or zlib). It was scanned as a child; findings inside it are reported on the child. Serializers rarely embed pickles; attackers do, to hide a payload from scanners that do not decode constants.',
    remediation: 'Review the child findings.',
    cwe: [502], aliases: ['S213'],
  },
  'pickle/ext-code': {
    severity: 'warning', title: 'Pickle uses the copyreg extension registry',
    explanation: 'EXT1/EXT2/EXT4 load a callable by number from copyreg\'s extension registry, which is empty in standard Python; the name it refers to cannot be known from the file. No model serializer writes these opcodes.',
    remediation: 'Treat the file as untrusted; do not load it outside a sandbox.',
    cwe: [502], aliases: ['S902'],
  },
  'pickle/frame-mismatch': {
    severity: 'warning', title: 'Pickle frames disagree with its opcodes',
    explanation: 'A FRAME length does not match the opcodes (an opcode straddles a frame end, a frame starts inside another, or a frame claims more bytes than exist). CPython\'s C unpickler ignores frame lengths while the pure-Python one enforces them: scanners that trust the frame see different opcodes than the loader runs.',
    remediation: 'Re-export the model with a standard pickler; treat this file as crafted.',
    cwe: [436], aliases: ['S902'],
  },
  'pickle/bytes-after-stop': {
    severity: 'warning', title: 'Data after the end of the pickle',
    explanation: 'Bytes follow the STOP opcode that are neither another pickle nor data of a known layout. pickle.load stops at STOP, but a second load, another tool, or a polyglot trick reads on; payloads are hidden there.',
    remediation: 'Find out what the trailing data is; re-export the model if it is not expected.',
    cwe: [506], aliases: ['S902'],
  },
  'pickle/truncated': {
    severity: 'warning', title: 'Pickle truncated',
    explanation: 'The pickle ends before its STOP opcode (or inside an argument). Loading fails, but only after every opcode before the cut has run: a call seen before the cut is reported at its own severity.',
    remediation: 'Download the file again; if it is still cut short, treat it as crafted.',
    cwe: [20], aliases: ['S902'],
  },
  'pickle/unknown-opcode': {
    severity: 'warning', title: 'Pickle contains an invalid opcode',
    explanation: 'A byte that is not a pickle opcode appears where an opcode is expected. The loader fails there; opcodes before it have run. Scanners that stop at the first error have been bypassed with payloads placed before broken bytes.',
    remediation: 'Treat the file as crafted or corrupted; do not load it.',
    cwe: [20], aliases: ['S902'],
  },
  'pickle/protocol-unknown': {
    severity: 'warning', title: 'Pickle protocol above the highest known',
    explanation: 'The PROTO opcode names a protocol newer than 5. Current Python refuses it; it is a crafted header or a scanner-confusion attempt.',
    remediation: 'Treat the file as crafted.',
    cwe: [20], aliases: ['S902'],
  },
} as const satisfies Record<string, RuleDef>;
