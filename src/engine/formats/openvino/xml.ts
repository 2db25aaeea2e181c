// A small strict XML reader for OpenVINO IR (.xml). IR files are plain elements and attributes
// (openvino/src/frontends/ir: pugixml reads them); nothing in them needs a DTD. The reader never
// expands entities: the five predefined ones and character references are decoded, any other
// `&name;` is kept as written and reported, and a DOCTYPE (where entity bombs and external
// entities live, CWE-776/611) is skipped unread and reported. Events only, no tree: memory stays
// bounded by the deepest open path. Malformed markup throws FormatError.
import { FormatError } from '../../types';

/** Open elements at once: IR nests net/layers/layer/data and bodies of Loop/If/TensorIterator a few levels deep. */
export const MAX_XML_DEPTH = 256;
/** Elements read before giving up: a 7B-parameter IR has ~50k layers of ~10 elements each. */
export const MAX_XML_ELEMENTS = 2_000_000;

export interface XmlProblem { kind: 'doctype' | 'unknown-entity'; offset: number; text: string }

export interface XmlHandler {
  open(name: string, attrs: Record<string, string>, stack: readonly string[], offset: number): void;
  close?(name: string, stack: readonly string[]): void;
  text?(text: string, stack: readonly string[], offset: number): void;
  problem(p: XmlProblem): void;
}

const NAME = /^[A-Za-z_:][-A-Za-z0-9_.:]*/;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(raw: string, offset: number, h: XmlHandler): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9A-Fa-f]{1,6}|#[0-9]{1,7}|[A-Za-z_][-A-Za-z0-9_.]*);/g, (m, ent: string) => {
    if (ent[0] === '#') {
      const code = ent[1] === 'x' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    const p = PREDEFINED[ent];
    if (p !== undefined) return p;
    h.problem({ kind: 'unknown-entity', offset, text: m });
    return m; // never expanded
  });
}

function expect(cond: boolean, msg: string, at: number): asserts cond {
  if (!cond) throw new FormatError(`XML: ${msg}`, at);
}

/** Reads `src` and calls the handler per element; `tick` runs every few thousand elements (abort checks). */
export function readXml(src: string, h: XmlHandler, tick: () => void = () => {}): { elements: number } {
  const stack: string[] = [];
  let i = src.charCodeAt(0) === 0xfeff ? 1 : 0;
  let elements = 0;
  let sawRoot = false;
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    const textEnd = lt === -1 ? src.length : lt;
    if (textEnd > i) {
      const t = src.slice(i, textEnd);
      if (stack.length === 0) expect(t.trim() === '', 'text outside the root element', i);
      else if (h.text && t.trim() !== '') h.text(decode(t, i, h), stack, i);
    }
    if (lt === -1) break;
    i = lt;
    if (src.startsWith('<!--', i)) {
      const e = src.indexOf('-->', i + 4);
      expect(e !== -1, 'unterminated comment', i);
      i = e + 3;
    } else if (src.startsWith('<?', i)) {
      const e = src.indexOf('?>', i + 2);
      expect(e !== -1, 'unterminated processing instruction', i);
      i = e + 2;
    } else if (src.startsWith('<![CDATA[', i)) {
      const e = src.indexOf(']]>', i + 9);
      expect(e !== -1 && stack.length > 0, 'bad CDATA section', i);
      h.text?.(src.slice(i + 9, e), stack, i);
      i = e + 3;
    } else if (src.startsWith('<!DOCTYPE', i)) {
      expect(!sawRoot, 'DOCTYPE after the root element', i);
      // Skipped unread: the internal subset ([...]) may hold '>' inside declarations.
      let j = i + 9; let bracket = 0; let quote = '';
      for (; j < src.length; j++) {
        const c = src[j]!;
        if (quote) { if (c === quote) quote = ''; } else if (c === '"' || c === "'") quote = c;
        else if (c === '[') bracket++;
        else if (c === ']') bracket--;
        else if (c === '>' && bracket <= 0) break;
      }
      expect(j < src.length, 'unterminated DOCTYPE', i);
      h.problem({ kind: 'doctype', offset: i, text: src.slice(i, Math.min(j + 1, i + 200)) });
      i = j + 1;
    } else if (src[i + 1] === '/') {
      const m = NAME.exec(src.slice(i + 2, i + 2 + 512));
      expect(m !== null, 'bad closing tag', i);
      const name = m[0];
      expect(stack[stack.length - 1] === name, `closing </${name}> does not match <${stack[stack.length - 1] ?? ''}>`, i);
      let j = i + 2 + name.length;
      while (j < src.length && /\s/.test(src[j]!)) j++;
      expect(src[j] === '>', 'bad closing tag', i);
      stack.pop();
      h.close?.(name, stack);
      i = j + 1;
    } else {
      const m = NAME.exec(src.slice(i + 1, i + 1 + 512));
      expect(m !== null, 'bad start tag', i);
      expect(!(sawRoot && stack.length === 0), 'a second root element', i);
      const name = m[0];
      let j = i + 1 + name.length;
      const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
      for (;;) {
        const ws = j;
        while (j < src.length && /\s/.test(src[j]!)) j++;
        if (src[j] === '>' || src.startsWith('/>', j)) break;
        expect(j > ws, 'attributes must be separated by white space', j);
        const a = NAME.exec(src.slice(j, j + 512));
        expect(a !== null, 'bad attribute name', j);
        j += a[0].length;
        while (/\s/.test(src[j] ?? '')) j++;
        expect(src[j] === '=', 'attribute without a value', j);
        j++;
        while (/\s/.test(src[j] ?? '')) j++;
        const q = src[j];
        expect(q === '"' || q === "'", 'unquoted attribute value', j);
        const e = src.indexOf(q, j + 1);
        expect(e !== -1, 'unterminated attribute value', j);
        const raw = src.slice(j + 1, e);
        expect(!raw.includes('<'), "'<' in an attribute value", j);
        expect(!(a[0] in attrs), `duplicate attribute ${a[0]}`, j);
        attrs[a[0]] = decode(raw, j, h);
        j = e + 1;
      }
      expect(j < src.length, 'unterminated start tag', i);
      sawRoot = true;
      elements++;
      expect(elements <= MAX_XML_ELEMENTS, 'too many elements', i);
      if ((elements & 4095) === 0) tick();
      const selfClosing = src[j] === '/';
      h.open(name, attrs, stack, i);
      if (selfClosing) { h.close?.(name, stack); i = j + 2; }
      else {
        stack.push(name);
        expect(stack.length <= MAX_XML_DEPTH, 'elements nested too deeply', i);
        i = j + 1;
      }
    }
  }
  expect(stack.length === 0, `<${stack[stack.length - 1] ?? ''}> is never closed`, src.length);
  expect(sawRoot, 'no root element', 0);
  return { elements };
}
