import type { RuleDef } from './types';

/** Rules of the onnx scanner (onnx.proto of onnx 1.23.1; ONNX Runtime is the reference loader). */
export const ONNX_RULES = {
  'onnx/python-op': {
    severity: 'critical', title: 'ONNX operator that runs Python',
    explanation: 'A node uses a Python-backed operator (PyOp, PythonOp, PyCustomOp ...). ONNX Runtime\'s PyOp imports the module and calls the function named in the node\'s attributes; onnxruntime-extensions\' Python ops call functions registered by the host program. Whoever loads such a model with those runtimes runs Python code the model chooses.',
    remediation: 'Do not run the model with a runtime that has Python operators enabled. Re-export it without Python operators, or review the named module and function.',
    cwe: [94, 829],
  },
  'onnx/custom-domain-op': {
    severity: 'warning', title: 'Operator from an unknown custom domain',
    explanation: 'A node uses an operator from a domain that is neither the standard ONNX set nor a well-known runtime\'s contrib set. Running it needs a custom-operator library (a native shared library registered with the runtime), which executes arbitrary native code; the model does not say where that library comes from.',
    remediation: 'Find out which library implements the domain and review it before registering it with the runtime.',
    cwe: [829],
  },
  'onnx/contrib-domain-op': {
    severity: 'info', title: 'Operator from a well-known contrib domain',
    explanation: 'A node uses an operator shipped with ONNX Runtime, ONNX-ML, PyTorch\'s exporter or onnxruntime-extensions (compiled kernels, no code in the model). Listed so the runtime a model needs is visible.',
    remediation: 'None needed; load the model with the runtime that provides the domain.',
  },
  'onnx/external-data-traversal': {
    severity: 'critical', title: 'External data path leaves the model\'s folder',
    explanation: 'A tensor keeps its data in an external file whose location is absolute, contains "..", a drive letter or a UNC path. onnx.load and ONNX Runtime resolve it against the model\'s folder, so the model reads any file the loading user can read (/etc/passwd, SSH keys) into a tensor, from which it can leak through the model\'s outputs; older onnx versions followed such paths unchecked (CVE-2022-25882, CVE-2024-27318), and re-saving such a model writes outside the folder (CVE-2025-51480).',
    remediation: 'Do not load the model. Legitimate external data is a plain relative file name next to the model.',
    cwe: [22, 23, 36],
    cve: ['CVE-2022-25882', 'CVE-2024-27318', 'CVE-2025-51480'],
  },
  'onnx/external-data-no-location': {
    severity: 'warning', title: 'External data without a location',
    explanation: 'A tensor is marked EXTERNAL but its external_data has no "location" key. onnx.load and ONNX Runtime refuse it; a hand-made file.',
    remediation: 'Re-export the model with onnx.save_model(..., save_as_external_data=True).',
    cwe: [20],
  },
  'onnx/external-data-bad-range': {
    severity: 'warning', title: 'External data offset or length is invalid',
    explanation: 'A tensor\'s external_data offset or length is not a non-negative integer, is absurdly large, or disagrees with the size its dimensions and type require. Loaders that trust it read past the tensor, into other tensors or past the file.',
    remediation: 'Re-export the model; onnx writes offset and length as decimal integers matching the tensor size.',
    cwe: [20, 125],
  },
  'onnx/external-data-url': {
    severity: 'warning', title: 'External data location is a URL',
    explanation: 'A tensor names its external data with a URL (file:///etc/passwd, http://host/w.bin) instead of a file name. onnx.load (1.23) and ONNX Runtime do not fetch URLs: they join the text to the model\'s folder like any relative path (<folder>/file:/etc/passwd) and load only if a folder shaped like the URL ships with the model. A converter or hub tool that resolves URLs would read the named local file or remote resource into the tensor; no exporter writes one.',
    remediation: 'Do not load the model with tools that resolve URLs. Legitimate external data is a plain relative file name next to the model.',
    cwe: [22, 918],
  },
  'onnx/tensor-size-mismatch': {
    severity: 'warning', title: 'Tensor raw_data size differs from its shape',
    explanation: 'A tensor\'s raw_data holds a different number of bytes than its dimensions and data type require. Exporters never write this; runtimes that trust the shape read out of bounds, and a scanner and a loader see different weights.',
    remediation: 'Do not load the model; obtain it again from its publisher.',
    cwe: [125, 787],
  },
  'onnx/absurd-dims': {
    severity: 'warning', title: 'Tensor with absurd dimensions',
    explanation: 'A tensor declares negative dimensions, more than 64 of them, or a product beyond 2^53 elements. Runtimes that multiply them overflow and allocate or index wrongly.',
    remediation: 'Do not load the model; obtain it again from its publisher.',
    cwe: [190, 789],
  },
  'onnx/declared-size-past-end': {
    severity: 'warning', title: 'Protobuf field longer than its enclosing message',
    explanation: 'A length-delimited field declares more bytes than remain in its message or the file: a truncated download or a hand-made file. Parsers that allocate by the declared length can be made to reserve gigabytes.',
    remediation: 'Re-download the model and compare its hash with the publisher\'s.',
    cwe: [789, 125],
  },
  'onnx/nesting-too-deep': {
    severity: 'warning', title: 'Subgraphs nested too deep',
    explanation: 'If/Loop/Scan bodies are nested deeper than any exporter writes. Recursive loaders run out of stack; the deeper subgraphs were not scanned.',
    remediation: 'Treat the model as suspect and inspect it in a sandbox.',
    cwe: [674],
  },
  'onnx/unknown-fields': {
    severity: 'info', title: 'Fields onnx.proto does not define',
    explanation: 'The model carries protobuf fields that are not part of onnx.proto. Loaders skip them silently, so they can hide a payload that travels with the model; newer ONNX versions may also add fields.',
    remediation: 'Check which tool wrote the model; re-saving it with onnx drops nothing known.',
    cwe: [436],
  },
  'onnx/ort-format': {
    severity: 'info', title: 'ONNX Runtime ORT-format model (not parsed)',
    explanation: 'The file is an ONNX Runtime mobile ".ort" model (a flatbuffer with identifier ORTM). Its graph is not parsed by this scanner, so the scan is incomplete.',
    remediation: 'Scan the .onnx model it was converted from.',
  },
} as const satisfies Record<string, RuleDef>;
