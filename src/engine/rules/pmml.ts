import type { RuleDef } from './types';

/** Rules of the pmml scanner: PMML XML documents (dmg.org). */
export const PMML_RULES = {
  'pmml/external-entity': {
    severity: 'critical', title: 'External XML entity in a PMML document (XXE)',
    explanation: 'The DOCTYPE declares an entity whose content is a SYSTEM or PUBLIC resource, or names an external DTD. An XML parser that resolves external entities (older JAXP defaults, lxml with resolve_entities, some PMML loaders) reads that local file or fetches that URL while loading the model and may put its content into the model or an error message: file disclosure and server-side request forgery. PMML defines no DTD; producers never write one. The scanner never resolves it.',
    remediation: 'Do not load the document; if you must, use a parser with DTDs and external entities disabled, and remove the DOCTYPE.',
    cwe: [611, 918],
  },
  'pmml/entity-expansion': {
    severity: 'warning', title: 'Exponential entity expansion (billion laughs)',
    explanation: 'Internal entities reference each other so that expanding one produces an enormous text. A parser that expands entities exhausts memory and CPU loading the document. The scanner measures the expansion without performing it.',
    remediation: 'Do not load the document with a parser that expands entities; remove the DOCTYPE.',
    cwe: [776, 400],
  },
  'pmml/entity-declaration': {
    severity: 'info', title: 'Entity declarations in a PMML document',
    explanation: 'The DOCTYPE declares internal entities. PMML defines no DTD and producers write none; entities make the text a parser sees differ from the text on disk.',
    remediation: 'Find out which tool wrote the document.',
    cwe: [436],
  },
} as const satisfies Record<string, RuleDef>;
