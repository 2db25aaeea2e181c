// diffusers pipeline folders: model_index.json maps each component folder to [library, class]; diffusers
// imports the class from that library, from diffusers.pipelines.<library>, or, when the repository holds
// <component>/<library>.py, from that file (pipeline_loading_utils.py _get_custom_components_and_folders).
// `_class_name` as [module, class] and `custom_pipeline` load a pipeline file. This scanner names every
// piece of code such a config makes diffusers import (diffusers/remote-code WARNING; CRITICAL for code
// from another repository), and records the code files as `references` so the folder report links them;
// folder.ts raises a reference to a present code file that uses os/subprocess to CRITICAL.
import type { JsonValue, ScanContext, Scanner } from '../../types';
import { isJsonObject, parseJson, pointerToken } from '../../io/json';
import { clip } from '../../io/text';
import { LOADABLE_LIBRARIES, PIPELINE_MODULES } from './modules';
import { diffusersSniffer } from './sniff';
import { REMOTE_CODE_NOTE } from '../../folder/remote-code';

/** A Hub repository id ("owner/name"): code fetched from somewhere other than the scanned repository. */
const REPO_ID = /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/;
const MODULE_NAME = /^[A-Za-z_][\w.]*$/;
type Obj = { [k: string]: JsonValue };

async function scan(ctx: ScanContext): Promise<void> {
  const bytes = await ctx.read(0, ctx.source.size);
  const doc = parseJson(bytes, { maxDepth: ctx.budget.limits.maxJsonDepth }).value; // FormatError → malformed
  if (!isJsonObject(doc)) return void ctx.note('diffusers', 'not a JSON object');
  const code: Array<{ path: string; kind: string }> = [];
  const remote = (pointer: string, message: string, evidence: string, critical?: string) => ctx.report({
    ruleId: 'diffusers/remote-code', pointer, evidence: clip(evidence, 200), message,
    ...(critical ? { severity: 'critical' as const, severityReason: critical } : {}),
  });

  const cls = doc._class_name;
  if (typeof cls === 'string') ctx.note('class', clip(cls, 120));
  if (typeof doc._diffusers_version === 'string') ctx.note('diffusersVersion', clip(doc._diffusers_version, 40));
  if (Array.isArray(cls) && typeof cls[0] === 'string' && typeof cls[1] === 'string' && MODULE_NAME.test(cls[0])) {
    const file = `${cls[0]}.py`;
    code.push({ path: file, kind: 'diffusers custom pipeline' });
    remote('/_class_name', `The pipeline class is ${clip(cls[1], 80)} from "${clip(file, 120)}": loading imports that file as code`, `${cls[0]}.${cls[1]}`);
  }
  const custom = doc.custom_pipeline;
  if (typeof custom === 'string') {
    if (REPO_ID.test(custom)) {
      remote('/custom_pipeline', `custom_pipeline loads pipeline code from another repository, "${clip(custom, 120)}"`, custom,
        'the code comes from another repository, which can change it at any time');
    } else {
      const file = custom.endsWith('.py') ? custom : `${custom}.py`;
      code.push({ path: file, kind: 'diffusers custom pipeline' });
      remote('/custom_pipeline', `custom_pipeline "${clip(custom, 120)}" makes diffusers import a pipeline file (from the repository or diffusers' community pipelines)`, custom);
    }
  }
  if (ctx.head.name === 'model_index.json') judgeComponents(ctx, doc, code, remote);
  if (code.length) {
    ctx.note('references', code);
    ctx.note(REMOTE_CODE_NOTE, code.map((c) => c.path));
  }
}

function judgeComponents(ctx: ScanContext, doc: Obj, code: Array<{ path: string; kind: string }>,
  remote: (pointer: string, message: string, evidence: string) => void): void {
  const components: Record<string, JsonValue> = {};
  for (const [key, v] of Object.entries(doc)) {
    if (key.startsWith('_') || !Array.isArray(v) || v.length !== 2) continue;
    components[key] = v;
    const [lib, name] = v;
    if (typeof lib !== 'string' || typeof name !== 'string') continue; // [null, null]: component left out
    if (LOADABLE_LIBRARIES.has(lib) || PIPELINE_MODULES.has(lib)) continue;
    const file = `${key}/${lib}.py`;
    code.push({ path: file, kind: 'diffusers custom component' });
    remote(`/${pointerToken(key)}`, `Component "${clip(key, 80)}" is ${clip(name, 80)} from "${clip(lib, 80)}", neither diffusers nor transformers: loading imports "${clip(file, 120)}" (or the installed module ${clip(lib, 80)}) as code`, `${lib}.${name}`);
  }
  ctx.note('components', components);
}

export const diffusersScanner: Scanner = {
  ...diffusersSniffer,
  scan,
};
