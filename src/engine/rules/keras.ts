import type { RuleDef } from './types';

/**
 * Rules of the keras scanner (HDF5 .h5/.hdf5 models and Keras 3 .keras zips). Sources: Keras
 * saving/serialization_lib.py, layers/core/lambda_layer.py, utils/torch_utils.py (keras 3.15) and the
 * GHSA/CVE records named in each rule.
 */
export const KERAS_RULES = {
  'keras/lambda-bytecode': {
    severity: 'critical', title: 'Keras Lambda with marshalled Python bytecode',
    explanation: 'A Lambda (or any "__lambda__" object) stores a Python function as base64 marshal data. Loading the model rebuilds the function from that bytecode (python_utils.func_load), so whoever made the file chooses code that runs on your machine. Keras before 2.13 had no safe_mode at all (CVE-2024-3660); Keras 3 before 3.11.3 ignored safe_mode for HDF5 files (CVE-2025-9905); later versions run it once safe_mode=False or enable_unsafe_deserialization() is used. The names and constants listed are what the bytecode references, read without running it.',
    remediation: 'Do not load the model unless you wrote it. Rebuild the layer in code, or replace the Lambda by a registered layer class, and load only the weights.',
    cwe: [502, 94], cve: ['CVE-2024-3660', 'CVE-2025-9905'], aliases: ['S1103'],
  },
  'keras/lambda-source': {
    severity: 'warning', title: 'Keras Lambda defined by name or source text',
    explanation: 'A Lambda layer names its function as text (source such as "lambda x: ...", or a function name plus a module). Keras imports or rebuilds that function when the model loads. It is CRITICAL when the text reaches eval/exec/os/subprocess/__import__ and similar.',
    remediation: 'Check what the function is; prefer a registered layer class over Lambda layers in shared models.',
    cwe: [94], cve: ['CVE-2024-3660'], aliases: ['S1103'],
  },
  'keras/dangerous-import': {
    severity: 'critical', title: 'Keras config imports a dangerous module or function',
    explanation: 'A config object names a module and class or function (module/class_name, registered_name, fn_module, a Lambda\'s module) that runs commands, loads code or touches the system (os.system, subprocess, builtins.eval, importlib ...). deserialize_keras_object imports it while loading; before Keras 3.9 even safe_mode=True allowed any module (CVE-2025-1550).',
    remediation: 'Do not load the model. A genuine model only references keras, tensorflow or its own registered classes.',
    cwe: [502, 470], cve: ['CVE-2025-1550'],
  },
  'keras/custom-import': {
    severity: 'warning', title: 'Keras config refers to code outside Keras',
    explanation: 'A layer, function or object comes from a module that is not keras/tensorflow/tf_keras (a custom package or __main__). Loading needs that code installed and runs its from_config; a malicious package name in a config is how CVE-2025-1550 attacks started.',
    remediation: 'Check that the module is code you trust and have installed from a trusted source.',
    cwe: [829], cve: ['CVE-2025-1550'],
  },
  'keras/get-file': {
    severity: 'critical', title: 'Keras config calls keras.utils.get_file',
    explanation: 'get_file downloads a URL to a chosen path (and can extract archives). Reached from a config it writes attacker files during loading; Keras 3.0.0 through 3.10.0 allowed it under safe_mode (CVE-2025-8747), and it chains into code execution.',
    remediation: 'Do not load the model; nothing in a model config should download files.',
    cwe: [73, 494], cve: ['CVE-2025-8747'],
  },
  'keras/unsafe-deserialization': {
    severity: 'critical', title: 'Keras config turns safe_mode off',
    explanation: 'The config reaches keras.config.enable_unsafe_deserialization (or carries a safe_mode=False marker), which switches off the checks that block Lambda bytecode and pickles for the rest of the load. Before Keras 3.11 a config could call it (CVE-2025-9906).',
    remediation: 'Do not load the model; a model has no business changing the loader\'s safety settings.',
    cwe: [693, 502], cve: ['CVE-2025-9906'],
  },
  'keras/torch-module-wrapper': {
    severity: 'critical', title: 'Keras TorchModuleWrapper holds a pickled torch module',
    explanation: 'TorchModuleWrapper.from_config base64-decodes its "module" field and calls torch.load(weights_only=False) on it: a pickle, which runs code. Keras 3.11.0 to 3.11.2 did so even with safe_mode=True (CVE-2025-49655). The decoded bytes are scanned as a child of this file.',
    remediation: 'Do not load the model unless you made it; see the child report for what the pickle calls.',
    cwe: [502], cve: ['CVE-2025-49655'],
  },
  'keras/invalid-config': {
    severity: 'warning', title: 'Keras config that is not valid JSON',
    explanation: 'model_config, training_config or config.json does not parse as JSON (or is not an object). Keras refuses to load it; its contents were only swept as text, so the structural checks did not run.',
    remediation: 'Re-save the model with Keras, or inspect the config by hand.',
  },
  'keras/external-link': {
    severity: 'warning', title: 'HDF5 link to another file',
    explanation: 'An HDF5 external link points at an object in a different file. Readers that follow it (h5py does) open a path chosen by the file\'s author, outside what was scanned.',
    remediation: 'Check the target path; genuine Keras files never contain external links.',
    cwe: [73],
  },
  'keras/vocabulary-file': {
    severity: 'warning', title: 'Keras lookup layer reads its vocabulary from a file path',
    explanation: 'StringLookup, IntegerLookup, TextVectorization (any IndexLookup) take a "vocabulary" that may be a file path; rebuilding the layer reads that file (through tf.io.gfile, a gs:// or http(s):// URI too) into the vocabulary, where get_vocabulary() returns it. A config that names /etc/passwd or a key file copies it into the model. Recent Keras refuses such a path in safe mode (keras-team/keras#23050); older versions and safe_mode=False read it.',
    remediation: 'Check the path; a model saved by Keras keeps its vocabulary in the config or its assets, not as a path on your machine.',
    cwe: [73, 200],
  },
  'keras/unexpected-member': {
    severity: 'info', title: 'Unexpected member in a .keras archive',
    explanation: 'Keras 3 writes config.json, metadata.json, model.weights.h5 (or .npz) and assets/. Anything else is not read by Keras, but travels with the model (scripts, binaries); it is scanned like any other member.',
    remediation: 'Check why the archive carries this file.',
  },
  'keras/external-data': {
    severity: 'warning', title: 'HDF5 dataset whose data is read from another file',
    explanation: 'A dataset keeps its data outside this file: an External Data Files message (h5py create_dataset(..., external=[...])) or a virtual dataset mapping datasets of other files (create_virtual_dataset). Reading the dataset makes libhdf5 open those files, so a file name that is absolute, climbs with "..", or is a UNC or URL path reads whatever the author chose (/etc/passwd into a weight, from which it can leak through the model\'s outputs); on Windows a UNC path (\\\\host\\share) sends the user\'s NTLM credentials to that host. A plain relative name is a file shipped beside the model: INFO, and the folder scan checks that it is there.',
    remediation: 'Do not load the model unless the named files are ones you expect. Keras never writes external or virtual datasets; re-save the weights as ordinary datasets.',
    cwe: [73, 200],
  },
} as const satisfies Record<string, RuleDef>;
