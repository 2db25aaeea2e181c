// The weights of an OpenVINO IR live in a .bin next to the .xml (same stem; ov::Core::read_model
// finds it so). When both are in one scan, every Const layer's offset + size must fit in the .bin.
import type { FolderCheck } from '../../registry';
import { RULES } from '../../rules';
import type { Finding } from '../../types';
import { normalizePath } from '../../folder/references';

export const openvinoWeightsCheck: FolderCheck = {
  id: 'openvino-weights',
  check(files) {
    const out: ReturnType<FolderCheck['check']> = [];
    const bySize = new Map<string, number>();
    for (const f of files) bySize.set(normalizePath(f.path), f.size);
    for (const f of files) {
      const root = f.nodes[0];
      const end = root?.format === 'openvino' ? root.notes?.weightsEnd : undefined;
      if (typeof end !== 'number') continue;
      const p = normalizePath(f.path);
      const bin = p.replace(/\.xml$/i, '') + '.bin';
      const binSize = bySize.get(bin);
      if (binSize === undefined || end <= binSize) continue;
      const rule = 'openvino/bad-weights-range' as const;
      const finding: Finding = { ruleId: rule, severity: RULES[rule].severity, location: { path: [f.path] }, evidence: `needs ${end} bytes, ${bin} has ${binSize}`,
        message: `Const layers read up to byte ${end} of the weights file, which holds only ${binSize} bytes` };
      out.push({ file: f.path, finding });
    }
    return out;
  },
};
