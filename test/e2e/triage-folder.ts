// The folder of issue 16's triage tests and screenshots: 217 small benign files, one CRITICAL pickle
// and (optionally) a zip bomb that keeps a worker busy for minutes, so it shows in "Now scanning".
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { deflateSync } from 'fflate';
import { buildZip } from '../builders/zip';

export const EVIL = Buffer.from('\x80\x02cposix\nsystem\nq\x00X\x0a\x00\x00\x00echo pwnedq\x01\x85q\x02Rq\x03.', 'latin1');

function safetensors(i: number): Buffer {
  const header = Buffer.from(JSON.stringify({ __metadata__: { i: String(i) }, w: { dtype: 'F32', shape: [2], data_offsets: [0, 8] } }));
  const out = Buffer.alloc(8 + header.length + 8);
  out.writeBigUInt64LE(BigInt(header.length), 0);
  header.copy(out, 8);
  return out;
}

export function writeFolder(dir: string, withBomb: boolean): void {
  for (let i = 0; i < 217; i++) {
    const sub = join(dir, `part${i % 4}`);
    mkdirSync(sub, { recursive: true });
    if (i % 5 === 0) writeFileSync(join(sub, `config${i}.json`), JSON.stringify({ model_type: 'bert', hidden_size: 8 + i }));
    else writeFileSync(join(sub, `m${String(i).padStart(3, '0')}.safetensors`), safetensors(i));
  }
  writeFileSync(join(dir, 'part3', 'evil.pkl'), EVIL);
  if (withBomb) {
    // 300 members of 16 MiB of zeros each (≈1000:1): 4.9 MB on disk, 4.7 GiB inflated; minutes of work.
    const zeros = new Uint8Array(16 * 1024 * 1024);
    const compressed = deflateSync(zeros, { level: 9 });
    const members = Array.from({ length: 300 }, (_, i) => ({ name: `w${i}.bin`, method: 8, compressed, data: zeros }));
    writeFileSync(join(dir, 'bomb.zip'), buildZip({ members } as Parameters<typeof buildZip>[0]));
  }
}

/** Four scan workers, as on a laptop (the pool takes hardwareConcurrency - 1). */
export async function fourWorkers(page: Page): Promise<void> {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => 5, configurable: true });
  });
}
