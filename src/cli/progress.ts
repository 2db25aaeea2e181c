// One \r-updated status line on stderr for long scans. Shown only on a terminal, throttled, and only
// once a scan has run for a while, so short runs and CI logs stay clean.
import { formatBytes, safe } from './output-text';
import type { Writer } from './main';

/** A scan shorter than this never shows a progress line. */
const SHOW_AFTER_MS = 1000;
const REDRAW_EVERY_MS = 200;

export class ProgressLine {
  private readonly started = Date.now();
  private lastDraw = 0;
  private drawn = false;
  private doneBytes = 0;
  private doneFiles = 0;
  private readonly inFlight = new Map<string, number>();

  /** The totals are unknown in a streamed run (the walk goes on while files are scanned). */
  constructor(private readonly out: Writer | undefined, private readonly totalFiles?: number,
    private readonly totalBytes?: number) {}

  /** Bytes of `file` processed so far (the larger of hash and scan progress). */
  update(file: string, bytes: number): void {
    if (!this.out) return;
    if (bytes > (this.inFlight.get(file) ?? 0)) this.inFlight.set(file, bytes);
    this.draw(file);
  }

  fileDone(file: string, size: number): void {
    if (!this.out) return;
    this.inFlight.delete(file);
    this.doneFiles++;
    this.doneBytes += size;
    this.draw(file);
  }

  /** Erases the line (call before printing the report). */
  clear(): void {
    if (this.out && this.drawn) this.out.write('\r\x1b[K');
    this.drawn = false;
  }

  private draw(current: string): void {
    const now = Date.now();
    if (now - this.started < SHOW_AFTER_MS || now - this.lastDraw < REDRAW_EVERY_MS) return;
    this.lastDraw = now;
    let bytes = this.doneBytes;
    for (const b of this.inFlight.values()) bytes += b;
    const rate = bytes / Math.max(0.001, (now - this.started) / 1000);
    const files = this.totalFiles === undefined ? `${this.doneFiles}` : `${this.doneFiles}/${this.totalFiles}`;
    const of = this.totalBytes === undefined ? '' : ` of ${formatBytes(this.totalBytes)}`;
    let line = `modelgate: ${files} files · ${formatBytes(bytes)}${of} · ${formatBytes(rate)}/s · ${safe(current)}`;
    const width = Math.max(20, (this.out!.columns || 80) - 1);
    if (line.length > width) line = line.slice(0, width - 1) + '…';
    this.out!.write(`\r${line}\x1b[K`);
    this.drawn = true;
  }
}
