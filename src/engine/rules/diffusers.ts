import type { RuleDef } from './types';

/** diffusers pipeline folders (model_index.json, scheduler/component configs; formats/diffusers). */
export const DIFFUSERS_RULES = {
  'diffusers/remote-code': {
    severity: 'warning', title: 'diffusers pipeline loads Python code from the repository',
    explanation: 'model_index.json (or a component config) points diffusers at code instead of its own classes: a component ["my_module", "MyClass"] whose library is neither diffusers, transformers nor a diffusers pipeline module loads <component>/my_module.py; a `_class_name` of the form ["pipeline", "MyPipeline"] or a `custom_pipeline` loads a pipeline file. DiffusionPipeline.from_pretrained imports that file (with trust_remote_code=True, which such repositories ask users to pass): it runs with the user\'s permissions. CRITICAL when the code file is in the scanned folder and uses os or subprocess, or when the code comes from another repository.',
    remediation: 'Read the code file before loading; load the pipeline with trust_remote_code=False, or use only standard diffusers components.',
    cwe: [94, 829],
  },
} as const satisfies Record<string, RuleDef>;
