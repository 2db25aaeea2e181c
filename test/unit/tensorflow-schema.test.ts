// The generated TensorFlow decoders and tables: static code only (the app's CSP forbids eval), an op
// set from TensorFlow's registry, and the path policy the file-op rules rely on.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadStandardOps, unusualPath } from '../../src/engine/formats/tensorflow/policy';
import { TF_VERSION } from '../../src/engine/formats/tensorflow/ops.generated';

const SCHEMA = join(process.cwd(), 'src/engine/formats/tensorflow/schema');

describe('tensorflow schema: generated code is CSP-safe', () => {
  it('tf.js builds no code at run time (no Function(), eval, reflection) and imports only protobufjs/minimal', () => {
    const js = readFileSync(join(SCHEMA, 'tf.js'), 'utf8');
    expect(js).not.toMatch(/(^|[^A-Za-z_.$])(Function|eval)\s*\(/m);
    expect(js).not.toMatch(/codegen|fromJSON|\.fromObject|Root\b/);
    expect([...js.matchAll(/^import .* from "([^"]+)"/gm)].map((m) => m[1])).toEqual(['protobufjs/minimal.js']);
  });

  it('records the TensorFlow version it was generated from', () => {
    expect(readFileSync(join(SCHEMA, 'VERSION'), 'utf8').trim()).toBe(`tensorflow ${TF_VERSION}`);
  });
});

describe('tensorflow policy', () => {
  it('the standard op set comes from the registry: stock and internal ops in, invented ones out', async () => {
    const ops = await loadStandardOps();
    expect(ops.size).toBeGreaterThan(1500);
    for (const op of ['MatMul', 'Conv2D', '_Arg', '_Retval', 'StatefulPartitionedCall', 'SaveV2']) expect(ops.has(op)).toBe(true);
    for (const op of ['ShellExecute', 'LoadLibrary', 'Addons>GeluActivation', '']) expect(ops.has(op)).toBe(false);
  });

  it('paths that leave the model folder are named; plain relative ones pass', () => {
    expect(unusualPath('/etc/passwd')).toBe('an absolute path');
    expect(unusualPath('C:\\Windows\\x.dll')).toBe('an absolute path');
    expect(unusualPath('\\\\host\\share\\x')).toBe('an absolute path');
    expect(unusualPath('gs://bucket/ckpt')).toBe('a URL');
    expect(unusualPath('~/.ssh/authorized_keys')).toBe('a home-relative path');
    expect(unusualPath('assets/../../x')).toBe('a path climbing with ".."');
    expect(unusualPath('variables/variables')).toBeNull();
    expect(unusualPath('vocab..txt')).toBeNull();
  });
});
