import type { RuleDef } from './types';

/** Rules of the openvino scanner: OpenVINO IR topology files (.xml; weights in the sibling .bin). */
export const OPENVINO_RULES = {
  'openvino/custom-layer': {
    severity: 'warning', title: 'Layer type outside the OpenVINO opsets',
    explanation: 'A layer names an operation type, or an opset version, that is not part of OpenVINO\'s public opsets 1..16. ov::Core can only read such a model after the application registers an extension (core.add_extension with a shared library path, or a Python extension class) that implements it; that library is native code that runs when the model is loaded and inferred. The model is only as trustworthy as that extension.',
    remediation: 'Find out which extension the model needs and where it comes from; do not load extension libraries shipped next to an untrusted model.',
    cwe: [829, 94],
  },
  'openvino/internal-op': {
    severity: 'info', title: 'Runtime-internal operation in an IR',
    explanation: 'A layer uses an operation version OpenVINO defines for its own transformations (internal, ie_internal_opset, ...). These are built into the runtime and need no extension; they usually mean the IR was saved after compilation passes.',
    remediation: 'None needed.',
  },
  'openvino/library-reference': {
    severity: 'warning', title: 'Shared library named in an OpenVINO IR',
    explanation: 'An attribute or runtime-info value of the IR names a shared library (.so, .dll, .dylib). The IR format has no field that loads libraries, but tools that wrap OpenVINO read such values to decide which extension to pass to core.add_extension, which loads and runs the library.',
    remediation: 'Do not load a library named by an untrusted model; check where the value came from.',
    cwe: [114, 829],
  },
  'openvino/doctype': {
    severity: 'warning', title: 'DOCTYPE or entity in an OpenVINO IR',
    explanation: 'The XML declares a document type or uses a non-predefined entity. The OpenVINO serializer never writes either; DTDs are where entity-expansion bombs (billion laughs) and external entities that read local files live (XXE). The scanner did not expand them; other XML tools reading the file might.',
    remediation: 'Do not open the file with XML tools that process DTDs; re-export the IR with ov.save_model.',
    cwe: [776, 611],
  },
  'openvino/bad-weights-range': {
    severity: 'warning', title: 'Constant outside the weights file',
    explanation: 'A Const layer\'s offset and size are not valid numbers or point past the end of the sibling .bin file. OpenVINO refuses such an IR (or, with mmap-ed weights in old releases, reads outside the buffer); a truncated download or a hand-made file.',
    remediation: 'Re-download the .xml and .bin pair and compare their hashes with the publisher\'s.',
    cwe: [125, 20],
  },
} as const satisfies Record<string, RuleDef>;
