import type { RuleDef } from './types';

/** Rules of the config scanner (config.json, *.yaml, *.toml, *.ini beside a model). */
export const CONFIG_RULES = {
  'config/remote-code': {
    severity: 'warning', title: 'Config loads Python code from a repository',
    explanation: 'The config has an `auto_map` entry or `trust_remote_code: true`. transformers then imports modeling code (.py files) from the model repository: loading the model runs that Python. When an auto_map value names another repository ("org/repo--module.Class") the code comes from a repository you did not choose to trust.',
    remediation: 'Read the referenced Python files before loading with trust_remote_code=True, or use a model whose architecture is built into the library.',
    cwe: [94, 829],
  },
  'config/dangerous-target': {
    severity: 'critical', title: 'Hydra/NeMo _target_ names a dangerous callable',
    explanation: 'Hydra and NeMo instantiate whatever `_target_` names (hydra.utils.instantiate). A target such as os.system or subprocess.Popen runs a command when the config is loaded (CVE-2025-23304). An unknown target outside the usual ML packages is shown for review.',
    remediation: 'Do not load this config; a model config has no reason to call shell, process or eval functions.',
    cwe: [94, 502], cve: ['CVE-2025-23304'],
  },
  'config/module-class': {
    severity: 'warning', title: 'sentence-transformers modules.json imports code chosen by the model',
    explanation: 'SentenceTransformer(folder) imports the `type` of every entry in modules.json (importlib.import_module of the dotted path) and builds the module from the sub-folder named by `path`. A type outside sentence_transformers.* is code the model chooses: repository-local modeling files (fetched with trust_remote_code since sentence-transformers 6.0) or any installed package (imported directly by versions before 6.0). A dangerous callable there (os.system, subprocess.Popen) is CRITICAL; a path outside the folder is reported too.',
    remediation: 'Load the folder only if the named module classes are code you trust; prefer models built from sentence_transformers.* modules.',
    cwe: [94, 829],
  },
  'config/python-yaml-tag': {
    severity: 'critical', title: 'YAML Python object tag',
    explanation: 'The YAML uses a !!python/... tag (object, object/apply, name, module). PyYAML\'s unsafe loaders (yaml.load with Loader=Loader/UnsafeLoader, yaml.unsafe_load) import and call what the tag names, so loading the file runs code.',
    remediation: 'Do not load this file with an unsafe YAML loader; plain configs never need Python tags.',
    cwe: [502],
  },
  'config/yaml-alias-bomb': {
    severity: 'warning', title: 'YAML alias expansion bomb',
    explanation: 'The YAML references anchors so many times that expanding it would produce an enormous document ("billion laughs"). Loaders that expand aliases exhaust memory and CPU.',
    remediation: 'Do not load this file; a real config does not need thousands of alias expansions.',
    cwe: [776],
  },
} as const satisfies Record<string, RuleDef>;
