import type { RuleDef } from './types';

/** Rules of the numpy scanner (.npy, and .npz members). */
export const NUMPY_RULES = {
  'numpy/object-array': {
    severity: 'info', title: 'NumPy object array (pickled data)',
    explanation: 'The array has dtype object, so numpy stores its data as a pickle and np.load(allow_pickle=True) unpickles it: loading can run code (CVE-2019-6446). The pickle was scanned as a child; its own findings say whether it calls anything dangerous.',
    remediation: 'Load with allow_pickle=False unless the source is trusted; prefer numeric dtypes.',
    cwe: [502], cve: ['CVE-2019-6446'],
  },
  'numpy/size-mismatch': {
    severity: 'warning', title: 'Array data size differs from its header',
    explanation: 'The shape and dtype in the .npy header do not account for the data in the file: it is truncated, or bytes follow the array that np.load never reads (a place to smuggle a payload). Extra bytes were scanned as unknown content.',
    remediation: 'Obtain the file again; a file written by np.save has exactly shape x itemsize bytes of data.',
    cwe: [20, 436],
  },
} as const satisfies Record<string, RuleDef>;
