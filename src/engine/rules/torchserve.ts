import type { RuleDef } from './types';

/** TorchServe model archives (.mar, formats/torchserve). */
export const TORCHSERVE_RULES = {
  'torchserve/custom-handler': {
    severity: 'info', title: 'TorchServe runs Python code from the archive',
    explanation: 'MAR-INF/MANIFEST.json names a handler (and possibly a model file) shipped as Python in the archive. TorchServe imports it when the model is registered, with the server\'s permissions: it is code, not data. It was scanned by the string detectors; what they find is reported on the member.',
    remediation: 'Read the handler before serving the archive; prefer TorchServe\'s built-in handlers for standard tasks.',
    cwe: [94],
  },
  'torchserve/requirements': {
    severity: 'info', title: 'TorchServe archive installs Python packages',
    explanation: 'The archive carries a requirements file. With install_py_dep_per_model=true (off by default) TorchServe runs pip install -r on it when the model is registered, so every listed package runs its install code on the server.',
    remediation: 'Keep install_py_dep_per_model off in production and pre-install reviewed dependencies.',
    cwe: [829],
  },
  'torchserve/requirements-url': {
    severity: 'warning', title: 'TorchServe requirements install from a URL or another index',
    explanation: 'The requirements file installs from a URL, a VCS (git+), a local path or an extra package index. pip fetches and runs that code at registration time, outside any reviewed package set: a common supply-chain route.',
    remediation: 'Remove the line or pin the package from your own index with hashes.',
    cwe: [829, 494],
  },
  'torchserve/missing-member': {
    severity: 'warning', title: 'TorchServe manifest names a file the archive lacks',
    explanation: 'MAR-INF/MANIFEST.json names a handler, model file, serialized file or requirements file that is not in the archive (and is not a built-in handler). TorchServe fails to load it, or picks up a file of that name from elsewhere on its path.',
    remediation: 'Rebuild the archive with torch-model-archiver.',
    cwe: [20],
  },
} as const satisfies Record<string, RuleDef>;
