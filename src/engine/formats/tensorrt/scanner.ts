// TensorRT engines (.engine/.plan/.trt). The format is undocumented and bound to one TensorRT build, so
// this scanner reads only what is public (header.ts: magic tag, two version words, Ultralytics' metadata
// prefix) and otherwise works on strings: plugin creator names (TensorRT's own, from the OSS plugin
// library, are INFO; any other means the engine only loads with a custom plugin library, native code
// from outside the file: WARNING) and shared-library names. Then the generic sweep. The layer graph,
// weights, kernels and the plugin records' fields are not decoded, so the node is always incomplete.
import type { ScanContext, Scanner } from '../../types';
import { clip, latin1Text } from '../../io/text';
import { parseJson, isJsonObject } from '../../io/json';
import { FormatError } from '../../types';
import { sweepRecognised } from '../unknown/scanner';
import { BUILTIN_PLUGINS } from './builtin-plugins';
import { readHeader, type EngineHeader } from './header';
import { tensorrtSniffer } from './sniff';

/** Bytes searched for names: plugin records and library names sit in the serialized engine, usually in
 * its first megabytes (weights follow); bounds the string search on a multi-GB engine. */
export const NAME_SCAN_BYTES = 16 * 1024 * 1024;
/** Names reported per kind. */
const MAX_LISTED = 32;
const LIBRARY = /[\w.+-]{1,120}\.(?:so(?:\.\d{1,4}){0,3}|dll|dylib)(?![\w.])/g;
/** TensorRT's and CUDA's own libraries: an engine naming them names the runtime itself, not foreign code. */
const RUNTIME_LIBRARY = /^(?:lib)?(?:nvinfer(?:_plugin|_lean|_dispatch|_vc_plugin|_builder_resource)?|nvonnxparser|nvparsers|myelin|cudnn\w*|cublas(?:Lt)?|cudart|nvrtc\w*|nvJitLink)(?:[._-][\w.]*)?\.(?:so|dll|dylib)/;
/** Plugin creator names as TensorRT and plugin authors spell them: "..._TRT", "...Plugin", "...PluginDynamic". */
const PLUGIN_CANDIDATE = /\b[A-Za-z][\w]{1,80}_TRT\b|\b[A-Z][A-Za-z0-9]{1,80}Plugin(?:Dynamic|V\d)?\b/g;
/** Names of TensorRT's plugin interfaces, not creators (NvInferRuntimePlugin.h). */
const INTERFACE_NAMES = new Set(['IPluginV2', 'IPluginV3', 'PluginV2', 'PluginV3', 'IPluginV2DynamicExt', 'IPluginV2IOExt', 'IPluginV2Ext']);
/** One pass over the text for the built-in names, longest first so a prefix does not shadow a name. */
const BUILTIN = new RegExp(`(?<![\\w])(?:${[...BUILTIN_PLUGINS.keys()].sort((a, b) => b.length - a.length).join('|')})(?![\\w])`, 'g');

function collect(text: string, re: RegExp, limit = MAX_LISTED): Map<string, number> {
  const out = new Map<string, number>();
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) if (!out.has(m[0]) && out.size < limit) out.set(m[0], m.index);
  return out;
}

async function scan(ctx: ScanContext): Promise<void> {
  const size = ctx.source.size;
  let header = readHeader(ctx.head.bytes, size);
  // A metadata prefix longer than the head: read up to the engine's tag and look again.
  if (header.metadata && !header.magic) header = readHeader(await ctx.read(0, Math.min(size, header.engineOffset + 12)), size);
  noteHeader(ctx, header);
  // The tag is known, so an engine that ends before its two version words was cut short.
  if (header.magic && !header.words) throw new FormatError(`the engine ends inside its ${header.magic} header`, header.engineOffset);
  if (header.metadata) await inspectMetadata(ctx, header.metadata, header.magic !== null);

  const text = latin1Text(await ctx.read(0, Math.min(size, NAME_SCAN_BYTES)));
  const builtin = collect(text, BUILTIN, BUILTIN_PLUGINS.size);
  if (builtin.size) {
    ctx.report({ ruleId: 'tensorrt/builtin-plugin', offset: builtin.values().next().value, evidence: clip([...builtin.keys()].join(', '), 300),
      message: `The engine names ${builtin.size} plugin${builtin.size === 1 ? '' : 's'} of TensorRT's own plugin library` });
  }
  const custom = [...collect(text, PLUGIN_CANDIDATE, MAX_LISTED * 4)].filter(([n]) => !BUILTIN_PLUGINS.has(n) && !INTERFACE_NAMES.has(n) && !isBuiltinPart(n, builtin));
  for (const [name, at] of custom.slice(0, MAX_LISTED)) {
    ctx.report({ ruleId: 'tensorrt/custom-plugin', offset: at, evidence: clip(name, 120),
      message: `The engine names the plugin ${clip(name, 120)}, which TensorRT does not ship: it needs a custom plugin library` });
  }
  const libraries = collect(text, LIBRARY);
  ctx.note('runtimeLibraries', [...libraries.keys()].filter((l) => RUNTIME_LIBRARY.test(l)));
  for (const [lib, at] of libraries) {
    if (RUNTIME_LIBRARY.test(lib)) continue;
    ctx.report({ ruleId: 'tensorrt/library-reference', offset: at, evidence: clip(lib, 120), message: `The engine names the shared library ${clip(lib, 120)}` });
  }
  ctx.note('plugins', { builtin: [...builtin.keys()], other: custom.map(([n]) => n) });
  const searched = Math.min(size, NAME_SCAN_BYTES);
  ctx.report({ ruleId: 'tensorrt/not-parsed', message: `TensorRT engine: only the header words and the strings of the first ${searched} bytes were read; layers, weights, kernels and plugin record fields were not decoded` });
  ctx.limited(`TensorRT engine structure not decoded (header, plugin names and strings only${searched < size ? `; names searched in the first ${searched} bytes` : ''})`);
  await sweepRecognised(ctx); // executables and strings in what the decoder skips
}

/** "EfficientNMS_TRT" inside "EfficientNMS_TRTPlugin"-like spellings is the built-in name, not a new one. */
function isBuiltinPart(name: string, builtin: Map<string, number>): boolean {
  for (const b of builtin.keys()) if (name.startsWith(b) && /^(?:Plugin|Creator)?$/.test(name.slice(b.length))) return true;
  return false;
}

function noteHeader(ctx: ScanContext, h: EngineHeader): void {
  ctx.note('engineOffset', h.engineOffset);
  ctx.note('magic', h.magic);
  if (h.words) ctx.note('headerWords', h.words);
  if (h.magic) {
    ctx.report({ ruleId: 'tensorrt/engine-header', offset: h.engineOffset, evidence: `${h.magic} ${h.words ? h.words.join(' ') : ''}`.trim(),
      message: `TensorRT engine tag "${h.magic}"${h.words ? ` with version words ${h.words[0]} and ${h.words[1]}` : ''}: it loads only on the TensorRT release that built it` });
  } else {
    ctx.report({ ruleId: 'tensorrt/engine-header', offset: h.engineOffset,
      message: `No "ptrt"/"ftrt" tag at byte ${h.engineOffset}: recognised as a TensorRT engine by its name only` });
  }
}

/** Ultralytics' JSON prefix through the strict JSON parser (ultralytics exporter: int32 LE length, then
 * json.dumps of the metadata). When the engine's tag follows it, it is a prefix for certain and broken JSON
 * is malformed; otherwise it is only noted. Its strings reach the detectors through the generic sweep. */
async function inspectMetadata(ctx: ScanContext, m: { start: number; length: number }, confirmed: boolean): Promise<void> {
  const bytes = await ctx.read(m.start, m.length);
  try {
    const doc = parseJson(bytes, { maxDepth: ctx.budget.limits.maxJsonDepth });
    if (isJsonObject(doc.value)) ctx.note('metadataKeys', Object.keys(doc.value).slice(0, 64));
  } catch (e) {
    if (!(e instanceof FormatError)) throw e;
    if (confirmed) throw new FormatError(`the Ultralytics metadata prefix is not valid JSON: ${e.message}`, m.start);
    ctx.note('metadata', `not valid JSON: ${e.message}`);
  }
}

export const tensorrtScanner: Scanner = {
  ...tensorrtSniffer,
  scan,
};
