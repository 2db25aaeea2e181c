// Builds thousands of small files inside the page and drops them at once (many-files and screenshots).
import type { Page } from '@playwright/test';

export const MANY = 2_000;

/**
 * Builds MANY small files inside the page (safetensors headers, pickles, JSON), then drops them at
 * once in a task of its own; returns performance.now() at the drop, so the test's own file building
 * can be told apart from the app's work.
 */
export async function dropMany(page: Page, count = MANY): Promise<number> {
  await page.evaluate((n) => {
    const enc = new TextEncoder();
    const safetensors = (i: number) => {
      const header = enc.encode(JSON.stringify({ __metadata__: { i: String(i) }, w: { dtype: 'F32', shape: [2], data_offsets: [0, 8] } }));
      const out = new Uint8Array(8 + header.length + 8);
      new DataView(out.buffer).setBigUint64(0, BigInt(header.length), true);
      out.set(header, 8);
      return out;
    };
    // Protocol 2 pickle calling posix.system (never unpickled): a CRITICAL finding every 100 files.
    const evil = Uint8Array.from('\x80\x02cposix\nsystem\nq\x00X\x0a\x00\x00\x00echo pwnedq\x01\x85q\x02Rq\x03.', (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    for (let i = 0; i < n; i++) {
      const name = `batch/m${String(i).padStart(4, '0')}`;
      if (i % 100 === 7) dt.items.add(new File([evil], `${name}.pkl`));
      else if (i % 3 === 0) dt.items.add(new File([enc.encode(JSON.stringify({ model_type: 'bert', i }))], `${name}.json`));
      else dt.items.add(new File([safetensors(i)], `${name}.safetensors`));
    }
    (window as unknown as { __manyFiles: DataTransfer }).__manyFiles = dt;
  }, count);
  return page.getByTestId('dropzone').evaluate((zone) => {
    const at = performance.now();
    const dt = (window as unknown as { __manyFiles: DataTransfer }).__manyFiles;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
    return at;
  });
}
