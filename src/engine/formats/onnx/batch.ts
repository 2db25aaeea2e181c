// Repeated strings of one field handed to the string detectors in batches.
import type { OnnxVisitor, TextKind } from './parse';

/**
 * Repeated strings (TensorProto.string_data, AttributeProto.strings: vocabularies, label lists of
 * 10^5 entries) go to the detectors in newline-joined batches of about this many characters, so a
 * benign tokenizer does not exhaust the per-file count of inspected strings.
 */
const STRING_BATCH_CHARS = 64 * 1024;

/** Joins consecutive repeated strings into batches for the detectors; pointers name the first index. */
export class TextBatch {
  private parts: string[] = [];
  private chars = 0;
  private first = 0;
  private next = 0;

  /** Strings added so far: the index of the next one. */
  get count(): number { return this.next; }
  private offset = 0;
  private clipped = false;

  constructor(private readonly v: OnnxVisitor, private readonly pointer: string, private readonly kind: TextKind,
    private readonly key: () => string | undefined) {}

  add(text: string, offset: number, clipped: boolean): void {
    if (!this.parts.length) { this.first = this.next; this.offset = offset; }
    this.next++;
    this.parts.push(text);
    this.chars += text.length + 1;
    this.clipped ||= clipped;
    if (this.chars >= STRING_BATCH_CHARS) this.flush();
  }

  flush(): void {
    if (!this.parts.length) return;
    const text = this.parts.join('\n');
    const key = this.key();
    const where = { pointer: `${this.pointer}/${this.first}`, offset: this.offset };
    if (text.trim().length) this.v.text(text, key === undefined ? where : { ...where, key }, this.kind, this.clipped);
    this.parts = [];
    this.chars = 0;
    this.clipped = false;
  }
}
