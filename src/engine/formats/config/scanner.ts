// Configs in a model folder: config.json / generation_config.json / adapter_config.json /
// preprocessor_config.json (transformers, peft), *.yaml / *.yml (Hydra, NeMo, OmegaConf, LightningCLI),
// *.toml, *.ini / *.cfg. Nothing here runs when a config is read, but loaders act on some keys:
// `auto_map` + `trust_remote_code` import Python from a repository, `_target_` is imported and
// called by hydra.utils.instantiate, and !!python tags are constructed by PyYAML's unsafe loaders.
// tokenizer_config.json and chat_template.json are configs too (they carry auto_map and secrets like
// any other); their chat templates are handed to the jinja scanner as children (hint 'jinja').
import { FormatError, type JsonValue, type ScanContext, type Scanner } from '../../types';
import { pointerKeys, pointerToken } from '../../io/json';
import { fromBytes } from '../../io/byte-source';
import { encodeUtf8, utf8Strict } from '../../io/text';
import { MAX_CONFIG_NODES, MAX_YAML_ALIAS_EXPANSION, parseConfig, type ConfigDocument } from './parse';
import { configSniffer, UNPARSED_HINT, type ConfigState } from './sniff';
import { classifyTarget, foreignRepository, needsKnowledge } from './policy';
import { PATH_LOCATORS, TARGET_KEYS, resolveTarget } from './targets';
import { pickleKnowledge } from '../pickle/knowledge-load';
import { ST_MODULES_NAME, judgeSentenceModules, modulesNeedKnowledge, sentenceModules } from './st-modules';
import { REMOTE_CODE_NOTE } from '../../folder/remote-code';
import { classifyGlobal } from '../pickle/policy';
import { findKeyedSecret } from '../../detectors/secrets';
import { isTemplateKey, templatesOf } from '../jinja/parse';

/** Configs above this size are not parsed: YAML/TOML parsing cost and the tree built grow with it.
 * Real configs are kilobytes; ModelAudit's NeMo scanner stops at 10 MB. */
export const MAX_CONFIG_BYTES = 16 * 1024 * 1024;
/** Chat templates inside a config handed to the jinja scanner per file. */
const MAX_TEMPLATES_FORWARDED = 16;

async function scan(ctx: ScanContext<ConfigState>): Promise<void> {
  const size = ctx.source.size;
  const kind = ctx.state?.kind ?? 'json';
  if (size > MAX_CONFIG_BYTES) {
    ctx.report({ ruleId: 'scan/limit-reached', message: `The ${size}-byte config is above the ${MAX_CONFIG_BYTES}-byte limit; it was not parsed` });
    ctx.limited('config above MAX_CONFIG_BYTES');
    return;
  }
  const bytes = await ctx.read(0, size);
  let doc: ConfigDocument;
  try {
    const decoded = utf8Strict(bytes);
    if (decoded === null) throw new FormatError('the config is not valid UTF-8', 0);
    doc = parseConfig(decoded.replace(/^\uFEFF/, ''), bytes, kind, ctx.budget.limits.maxJsonDepth);
  } catch (e) {
    // A config that does not parse may be a text head with a payload appended (binary after the JSON):
    // the fallback sweep still looks at every byte before the file is reported malformed.
    if (e instanceof FormatError) await ctx.scanChild(`${ctx.head.name}#unparsed`, ctx.source, UNPARSED_HINT);
    throw e;
  }
  ctx.checkAborted();
  ctx.note('configKind', kind);

  judgeYamlShape(ctx, doc);
  for (const d of doc.duplicates) {
    ctx.report({ ruleId: 'format/malformed', pointer: d.pointer, offset: d.offset, severity: 'info',
      severityReason: 'a repeated key is ambiguous, not malicious',
      message: `The config repeats the key ${d.pointer}; loaders keep the last value` });
  }
  const walk = new Walk(ctx, doc.roots.length === 1);
  doc.roots.forEach((root, i) => walk.visitRoot(root, doc.roots.length > 1 ? `/${i}` : ''));
  await judgeTargets(ctx, walk.targets);
  const modules = ctx.head.name.split('/').pop()!.toLowerCase() === ST_MODULES_NAME && doc.roots.length === 1 ? sentenceModules(doc.roots[0]!) : [];
  if (modules.length) judgeSentenceModules(ctx, modules, modulesNeedKnowledge(modules) ? await pickleKnowledge() : null);
  const code = new Set([...walk.codeRefs, ...modules.map((m) => m.type).filter((t) => !t.startsWith('sentence_transformers.'))]
    .map(localCodeFile).filter((f): f is string => f !== null));
  if (code.size) ctx.note(REMOTE_CODE_NOTE, [...code].slice(0, 50));
  if (doc.truncated) ctx.limited(`config above ${MAX_CONFIG_NODES} values`);
  const templates = [...rootTemplates(ctx, doc), ...walk.templates];
  ctx.note('templates', templates.slice(0, MAX_TEMPLATES_FORWARDED).map((t) => t.pointer));
  if (templates.length > MAX_TEMPLATES_FORWARDED) ctx.limited(`more than ${MAX_TEMPLATES_FORWARDED} chat templates`);
  for (const t of templates.slice(0, MAX_TEMPLATES_FORWARDED)) {
    await ctx.scanChild(`${ctx.head.name}#${t.pointer}`, fromBytes(encodeUtf8(t.text)), 'jinja');
  }
  noteFacts(ctx, doc);
}

/**
 * Chat templates at the top of a tokenizer_config.json / chat_template.json: a string, a list of
 * {name, template} (several named templates) or a name → template map, as transformers reads them.
 * A template of another type, or a repeated template key, cannot be checked and is said so.
 */
function rootTemplates(ctx: ScanContext<ConfigState>, doc: ConfigDocument): Array<{ pointer: string; text: string }> {
  const root = doc.roots.length === 1 ? doc.roots[0] : undefined;
  if (root === null || root === undefined || typeof root !== 'object' || Array.isArray(root)) return [];
  const { found, odd } = templatesOf(root);
  for (const pointer of odd) {
    ctx.report({ ruleId: 'jinja/unparseable', pointer, message: `The chat template at ${pointer} is not a string, so it could not be checked` });
  }
  for (const d of doc.duplicates) {
    if (d.pointer.split('/').length === 2 && isTemplateKey(d.pointer.slice(1))) {
      ctx.report({ ruleId: 'jinja/unparseable', pointer: d.pointer, offset: d.offset,
        message: `The JSON repeats the key ${d.pointer}; loaders disagree on which template wins, only the last was checked` });
    }
  }
  return found.map((t) => ({ pointer: t.pointer, text: t.text }));
}

function judgeYamlShape(ctx: ScanContext<ConfigState>, doc: ConfigDocument): void {
  for (const { tag, pointer } of doc.tags) {
    const py = /^tag:yaml\.org,2002:python\/([a-z_/]+)(?::(.*))?$/.exec(tag);
    if (!py) continue;
    const [, what, callable] = py;
    let why = '';
    if (callable) {
      const dot = callable.lastIndexOf('.');
      const v = classifyGlobal(dot < 0 ? 'builtins' : callable.slice(0, dot), dot < 0 ? callable : callable.slice(dot + 1));
      why = `: ${v.reason}`;
    }
    ctx.report({ ruleId: 'config/python-yaml-tag', pointer: pointer || '/', evidence: `!!python/${what}${callable ? `:${callable}` : ''}`,
      message: `The YAML tag !!python/${what}${callable ? `:${callable}` : ''} makes PyYAML's unsafe loaders build a Python object${why}` });
  }
  const custom = doc.tags.filter((t) => !t.tag.startsWith('tag:yaml.org,2002:python/'));
  if (custom.length) ctx.note('customTags', [...new Set(custom.map((t) => t.tag.slice(0, 100)))].slice(0, 20));
  if (doc.aliasBomb) {
    ctx.report({ ruleId: 'config/yaml-alias-bomb',
      message: `Expanding the YAML aliases takes more than ${MAX_YAML_ALIAS_EXPANSION} alias resolutions (billion-laughs expansion)` });
  }
}

function topKey(pointer: string): string {
  return pointerKeys(pointer)[0] ?? '';
}

/** A callable the loader would import: where it is written and what it resolves to. */
interface PendingTarget {
  key: string;
  /** As written, and as the loader sees it (interpolations resolved). */
  written: string;
  target: string;
  pointer: string;
  partial: boolean;
  /** The Hydra locator that imports this path (its `path` argument), if it is one. */
  locator?: string;
}

/**
 * The file in the model folder a class reference loads: transformers' get_class_from_dynamic_module splits
 * "module.Class" at its one dot and imports <module>.py from the repository (dynamic_module_utils.py);
 * another shape is not a repository file.
 */
function localCodeFile(ref: string): string | null {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\.[A-Za-z_][A-Za-z0-9_]*$/.exec(ref.trim());
  return m ? `${m[1]}.py` : null;
}

class Walk {
  readonly templates: Array<{ pointer: string; text: string }> = [];
  readonly targets: PendingTarget[] = [];
  /** Class references whose code comes from the model's repository (auto_map, custom_pipelines). */
  readonly codeRefs: string[] = [];
  private remoteNoted = false;
  private root: JsonValue = null;
  private rootPointer = '';

  /** @param rootTemplatesTaken top-level template keys are rootTemplates' (single-document files). */
  constructor(private readonly ctx: ScanContext<ConfigState>, private readonly rootTemplatesTaken: boolean) {}

  visitRoot(root: JsonValue, pointer: string): void {
    this.root = root;
    this.rootPointer = pointer;
    this.visit(root, pointer, 0, '');
  }

  visit(v: JsonValue, pointer: string, depth: number, key: string): void {
    if (typeof v === 'string') {
      this.ctx.inspectString(v, { pointer, key });
      const keyed = findKeyedSecret(key, v);
      if (keyed) {
        this.ctx.report({ ruleId: keyed.ruleId, message: keyed.message, evidence: keyed.evidence, pointer,
          severity: keyed.severity, severityReason: keyed.severityReason });
      }
      // Top-level templates come from rootTemplates (all their shapes); deeper ones are forwarded here.
      if (isTemplateKey(key) && !(this.rootTemplatesTaken && isTemplateKey(topKey(pointer)))) this.templates.push({ pointer, text: v });
      return;
    }
    if (v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) { v.forEach((x, i) => this.visit(x, `${pointer}/${i}`, depth + 1, key)); return; }
    for (const k of Object.keys(v)) {
      const child = v[k]!;
      const at = `${pointer}/${pointerToken(k)}`;
      if (k === 'auto_map') this.autoMap(child, at);
      else if (k === 'custom_pipelines') this.customPipelines(child, at);
      else if (k === 'trust_remote_code' && (child === true || child === 'true' || child === 'True')) {
        this.ctx.report({ ruleId: 'config/remote-code', pointer: at, evidence: `trust_remote_code: ${String(child)}`,
          message: 'trust_remote_code is true: loading runs Python from the repository' });
      } else if (TARGET_KEYS.has(k) && typeof child === 'string') {
        this.target(k, child, at, v);
      }
      this.visit(child, at, depth + 1, k);
    }
  }

  private autoMap(map: JsonValue, pointer: string): void {
    if (map === null || typeof map !== 'object' || Array.isArray(map)) return;
    const refs: Array<{ cls: string; ref: string; at: string }> = [];
    for (const cls of Object.keys(map)) {
      const val = map[cls]!;
      const at = `${pointer}/${pointerToken(cls)}`;
      const list = Array.isArray(val) ? val.map((x, i) => ({ x, at: `${at}/${i}` })) : [{ x: val, at }];
      for (const { x, at: p } of list) if (typeof x === 'string') refs.push({ cls, ref: x, at: p });
    }
    this.reportRemote(refs, 'auto_map');
    if (!this.remoteNoted) { this.ctx.note('autoMap', refs.slice(0, 50).map((r) => `${r.cls}=${r.ref}`)); this.remoteNoted = true; }
  }

  /**
   * transformers' `custom_pipelines` ({task: {impl: "module.Class", ...}}): pipeline(task) loads `impl`
   * through get_class_from_dynamic_module, as auto_map (transformers/pipelines/__init__.py).
   */
  private customPipelines(map: JsonValue, pointer: string): void {
    if (map === null || typeof map !== 'object' || Array.isArray(map)) return;
    const refs: Array<{ cls: string; ref: string; at: string }> = [];
    for (const task of Object.keys(map)) {
      const spec = map[task];
      if (spec !== null && typeof spec === 'object' && !Array.isArray(spec) && typeof spec.impl === 'string') {
        refs.push({ cls: task, ref: spec.impl, at: `${pointer}/${pointerToken(task)}/impl` });
      }
    }
    this.reportRemote(refs, 'custom_pipelines');
  }

  private reportRemote(refs: ReadonlyArray<{ cls: string; ref: string; at: string }>, key: string): void {
    for (const r of refs) {
      const repo = foreignRepository(r.ref);
      if (!repo && this.codeRefs.length < 50) this.codeRefs.push(r.ref);
      if (repo) {
        this.ctx.report({ ruleId: 'config/remote-code', pointer: r.at, evidence: r.ref, severity: 'critical',
          severityReason: 'the code comes from another repository',
          message: `${key} ${r.cls} loads ${r.ref.slice(repo.length + 2)} from another repository, ${repo}: loading runs its Python` });
      } else {
        this.ctx.report({ ruleId: 'config/remote-code', pointer: r.at, evidence: r.ref,
          message: `${key} ${r.cls} → ${r.ref}: loading runs Python from the repository` });
      }
    }
  }

  /** Queues the target (interpolations resolved) and, for a Hydra locator, the path it imports. */
  private target(key: string, written: string, pointer: string, owner: { [k: string]: JsonValue }): void {
    const ownerKeys = pointerKeys(pointer.slice(this.rootPointer.length)).slice(0, -1);
    const partial = owner._partial_ === true;
    const { text } = resolveTarget(written, this.root, ownerKeys);
    this.targets.push({ key, written, target: text.trim(), pointer, partial });
    if (!PATH_LOCATORS.has(text.trim())) return;
    const args = owner._args_;
    const [arg, at] = typeof owner.path === 'string' ? [owner.path, `${pointer.slice(0, pointer.lastIndexOf('/'))}/path`]
      : Array.isArray(args) && typeof args[0] === 'string' ? [args[0], `${pointer.slice(0, pointer.lastIndexOf('/'))}/_args_/0`] : [undefined, ''];
    if (arg === undefined) return;
    const path = resolveTarget(arg, this.root, ownerKeys).text.trim();
    this.targets.push({ key: 'path', written: arg, target: path, pointer: at, partial: false, locator: text.trim() });
  }
}

/**
 * Judges the queued targets. The knowledge base is loaded only when the reviewed lists leave a target
 * unknown (it is shared with the pickle scanner and loaded once per process).
 */
async function judgeTargets(ctx: ScanContext<ConfigState>, targets: readonly PendingTarget[]): Promise<void> {
  const knowledge = targets.some((t) => needsKnowledge(t.target)) ? await pickleKnowledge() : null;
  for (const t of targets) {
    const verdict = classifyTarget(t.target, knowledge);
    if (verdict.level === 'safe') continue;
    // What the file says, and what the loader resolves it to when they differ.
    const shown = t.written.trim() === t.target ? t.target : `${t.written.trim()} (resolves to ${t.target})`;
    const partial = t.partial ? ' (as a partial, called later)' : '';
    const what = t.locator
      ? `${t.locator} imports ${shown} and hands it to the objects the config builds`
      : `${t.key} ${shown}${partial} is instantiated by Hydra/NeMo`;
    if (verdict.level === 'dangerous') {
      ctx.report({ ruleId: 'config/dangerous-target', pointer: t.pointer, evidence: t.target, message: `${what}: ${verdict.reason}` });
    } else {
      ctx.report({ ruleId: 'config/dangerous-target', pointer: t.pointer, evidence: t.target, severity: 'warning',
        severityReason: 'an unknown callable, not a known dangerous one',
        message: t.locator ? `${what}; it ${verdict.reason}` : `${t.key} ${shown}${partial} ${verdict.reason}; Hydra/NeMo import and call it` });
    }
  }
}

function noteFacts(ctx: ScanContext<ConfigState>, doc: ConfigDocument): void {
  const root = doc.roots[0];
  if (root === null || root === undefined || typeof root !== 'object' || Array.isArray(root)) return;
  if (typeof root.model_type === 'string') ctx.note('modelType', root.model_type.slice(0, 100));
  const arch = root.architectures;
  if (Array.isArray(arch)) ctx.note('architectures', arch.filter((a): a is string => typeof a === 'string').slice(0, 10).map((a) => a.slice(0, 100)));
}

export const configScanner: Scanner<ConfigState> = { ...configSniffer, scan };
