import type { RuleDef } from './types';

/** Rules of the flax scanner: Flax/JAX msgpack checkpoints (flax/serialization.py) and Orbax folders. */
export const FLAX_RULES = {
  'flax/embedded-payload': {
    severity: 'warning', title: 'Pickle, program or archive stored in a Flax checkpoint',
    explanation: 'A leaf of the msgpack tree holds a pickle, an executable or a zip instead of tensor data. flax.serialization restores it as plain bytes, but code that unpickles, runs or extracts that leaf after loading executes whatever it contains; a real training state has no reason to carry one. The payload was scanned as a child; its own findings say what it does.',
    remediation: 'Do not use the leaf; obtain the checkpoint from its publisher or re-export the weights with flax.serialization.to_bytes.',
    cwe: [502, 506],
  },
  'flax/object-array': {
    severity: 'warning', title: 'Object-dtype array in a msgpack checkpoint',
    explanation: 'An array is declared with dtype object, whose data is a pickle: msgpack-numpy decodes such arrays with pickle.loads, and numcodecs-style readers do the same. Flax itself refuses to write object arrays (_ndarray_to_bytes raises), so a Flax ndarray extension of dtype object is hand-made. The data was scanned as a pickle child.',
    remediation: 'Load only numeric arrays; re-export the checkpoint with flax.serialization.to_bytes from a trusted copy.',
    cwe: [502],
  },
  'flax/unknown-ext': {
    severity: 'warning', title: 'Unknown MessagePack extension type',
    explanation: 'Flax writes extension types 1 (ndarray), 2 (complex) and 3 (numpy scalar) only. Another code is restored as an opaque ExtType, or handed to whatever ext_hook the loading code registered, which may deserialize it with pickle. Its payload was checked for pickles, programs and archives.',
    remediation: 'Find out which tool wrote the extension before loading the file with a custom ext_hook.',
    cwe: [502],
  },
  'flax/bad-ndarray': {
    severity: 'warning', title: 'Malformed Flax ndarray extension',
    explanation: 'An ndarray or numpy-scalar extension does not hold the (shape, dtype, buffer) triple Flax writes, or its buffer does not match shape × dtype. flax.serialization.from_bytes fails on it; a hand-made or corrupted file.',
    remediation: 'Re-download or re-export the checkpoint.',
    cwe: [20],
  },
  'flax/unknown-dtype': {
    severity: 'info', title: 'Unrecognised dtype in a Flax ndarray',
    explanation: 'The dtype name of an ndarray extension is not one numpy or ml_dtypes gives numeric arrays, so its size could not be checked. np.dtype(name) interprets it when the checkpoint is loaded.',
    remediation: 'Check which tool wrote the checkpoint.',
  },
  'flax/trailing-data': {
    severity: 'warning', title: 'Bytes after the msgpack document',
    explanation: 'Data follows the end of the checkpoint\'s msgpack document. msgpack.unpackb refuses such files (ExtraData), so the bytes serve no loader: they are a place to hide a payload, or the file is two documents glued together. They were scanned as unknown content.',
    remediation: 'Obtain the file again; flax.serialization.to_bytes writes exactly one document.',
    cwe: [436],
  },
  'flax/deep-nesting': {
    severity: 'warning', title: 'Msgpack nesting too deep',
    explanation: 'Maps and arrays are nested deeper than any checkpoint needs. Recursive decoders (msgpack-python\'s unpacker, flax\'s tree walks) exhaust their stack on such input; the scan stopped at the limit and the rest of the file was not walked.',
    remediation: 'Do not load the file.',
    cwe: [674],
  },
  'flax/absurd-length': {
    severity: 'warning', title: 'Msgpack length larger than the file',
    explanation: 'A string, byte string, extension, array or map declares more bytes or items than the rest of the file holds. Decoders that pre-allocate by the declared size can be made to reserve gigabytes; the file is truncated or hand-made.',
    remediation: 'Re-download the file and compare its hash with the publisher\'s.',
    cwe: [789, 130],
  },
  'flax/zarr-object-array': {
    severity: 'warning', title: 'Zarr array of Python objects',
    explanation: 'A zarr .zarray declares dtype object (|O) or a pickle codec. zarr-python decodes such chunks through numcodecs\' object codecs; the Pickle codec calls pickle.loads on each chunk, so reading the array can run code. Orbax and TensorStore never write object arrays. Text and bytes arrays whose codec rebuilds values without pickle (vlen-utf8, vlen-bytes, vlen-array, json2, msgpack2) are reported at INFO.',
    remediation: 'Do not read the array with zarr-python; obtain the checkpoint from its publisher.',
    cwe: [502],
  },
  'flax/ocdbt-opaque': {
    severity: 'info', title: 'OCDBT data file not decoded',
    explanation: 'TensorStore\'s OCDBT files (manifest.ocdbt, d/<hash>) hold the B+tree and chunk data of an Orbax checkpoint, usually zstd-compressed. The scanner recognises their header but does not decode the tree; the tree description (_METADATA) is checked instead.',
    remediation: 'None needed; restore Orbax checkpoints with orbax-checkpoint, which reads only numeric arrays from them.',
  },
} as const satisfies Record<string, RuleDef>;
