// sentence-transformers' modules.json: the list of modules a SentenceTransformer folder is built from.
// Loading imports each entry's `type` (sentence_transformers/util/misc.py import_module_class →
// import_from_string: importlib.import_module of the dotted path) and builds it from the folder named by
// `path`. A type outside `sentence_transformers.*` is code chosen by the model: since sentence-transformers
// 6.0 it needs trust_remote_code=True (a repository-local `modeling_x.Class` is fetched from the
// repository through transformers' dynamic modules); before 6.0 a local folder imported it directly.
import type { JsonValue, ScanContext } from '../../types';
import { pointerToken } from '../../io/json';
import { classifyTarget } from './policy';
import { escapesFolder } from '../../folder/references';
import type { ConfigState } from './sniff';
import type { Knowledge } from '../pickle/knowledge/types';

export const ST_MODULES_NAME = 'modules.json';
/** Entries judged per file: real folders list 2-5 modules. */
const MAX_MODULE_ENTRIES = 256;

interface ModuleEntry { type: string; path: string | undefined; at: string }

/** The entries of a modules.json document (an array of {idx, name, path, type}), or [] for another shape. */
export function sentenceModules(root: JsonValue): ModuleEntry[] {
  if (!Array.isArray(root)) return [];
  const out: ModuleEntry[] = [];
  root.slice(0, MAX_MODULE_ENTRIES).forEach((e, i) => {
    if (e === null || typeof e !== 'object' || Array.isArray(e) || typeof e.type !== 'string') return;
    out.push({ type: e.type, path: typeof e.path === 'string' ? e.path : undefined, at: `/${i}` });
  });
  return out;
}

/** Whether judging the entries may need the knowledge base. */
export function modulesNeedKnowledge(entries: readonly ModuleEntry[]): boolean {
  return entries.some((e) => !e.type.startsWith('sentence_transformers.') && classifyTarget(e.type).level === 'unknown');
}

export function judgeSentenceModules(ctx: ScanContext<ConfigState>, entries: readonly ModuleEntry[], knowledge: Knowledge | null): void {
  ctx.note('sentenceTransformerModules', entries.slice(0, 20).map((e) => e.type.slice(0, 200)));
  for (const e of entries) {
    const typeAt = `${e.at}/${pointerToken('type')}`;
    if (!e.type.startsWith('sentence_transformers.')) {
      const v = classifyTarget(e.type, knowledge);
      if (v.level === 'dangerous') {
        ctx.report({ ruleId: 'config/module-class', pointer: typeAt, evidence: e.type, severity: 'critical',
          severityReason: 'the module class is a dangerous callable',
          message: `sentence-transformers imports ${e.type} as a module class when it loads the folder: ${v.reason}` });
      } else {
        ctx.report({ ruleId: 'config/module-class', pointer: typeAt, evidence: e.type,
          message: `sentence-transformers imports ${e.type} as a module class: code chosen by the model (trust_remote_code since 6.0; imported directly before)` });
      }
    }
    if (e.path !== undefined && escapesFolder(e.path)) {
      ctx.report({ ruleId: 'config/module-class', pointer: `${e.at}/path`, evidence: e.path,
        message: `A sentence-transformers module is loaded from ${JSON.stringify(e.path)}, outside the model folder` });
    }
  }
}
