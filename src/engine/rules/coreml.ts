import type { RuleDef } from './types';

/** Rules of the coreml scanner: Core ML model specifications (.mlmodel). */
export const COREML_RULES = {
  'coreml/custom-layer': {
    severity: 'warning', title: 'Core ML custom layer',
    explanation: 'A neural-network layer is a CustomLayerParams layer: Core ML instantiates the Objective-C/Swift class named by className (an MLCustomLayer the app must ship) and runs it. The model is only as trustworthy as that class; a model from outside can name any class linked into the app.',
    remediation: 'Check which class the app provides under that name before loading the model.',
    cwe: [470, 829],
  },
  'coreml/custom-model': {
    severity: 'warning', title: 'Core ML custom model',
    explanation: 'The model (or a model of its pipeline) is a CustomModel: Core ML instantiates the class named by className (an MLCustomModel) to do all of the work. Nothing of the computation is in the file.',
    remediation: 'Check which class the app provides under that name before loading the model.',
    cwe: [470, 829],
  },
  'coreml/linked-model': {
    severity: 'info', title: 'Core ML linked model',
    explanation: 'A LinkedModel makes Core ML load another compiled model (.mlmodelc) by file name and search path at load time. An absolute search path or one climbing out with ".." (WARNING) loads a model from outside the app bundle, which this scan did not see.',
    remediation: 'Scan the linked model too; keep search paths relative to the bundle.',
    cwe: [73, 829],
  },
} as const satisfies Record<string, RuleDef>;
