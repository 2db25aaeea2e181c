// Flax/JAX checkpoints: msgpack state dicts (flax.serialization) and the files of Orbax checkpoint
// folders (metadata JSON, zarr .zarray, OCDBT data). Dispatch only; each kind has its own module.
import type { Scanner } from '../../types';
import { flaxSniffer, type FlaxState } from './sniff';
import { scanMsgpack } from './checkpoint';
import { scanOcdbt, scanOrbaxMetadata, scanZarray } from './orbax';
import { hasPickleMagic, pickleStartsAt } from '../pickle/nested';

/** `<pointer> [bytes a-b]`: a payload child (checkpoint.ts names them so). */
const PAYLOAD_NAME = /\[bytes (\d+)-(\d+)\]$/;

export const flaxScanner: Scanner<FlaxState> = {
  ...flaxSniffer,
  async scan(ctx) {
    switch (ctx.state.kind) {
      case 'msgpack': return scanMsgpack(ctx);
      case 'orbax-metadata': return scanOrbaxMetadata(ctx);
      case 'zarray': return scanZarray(ctx);
      case 'ocdbt': return scanOcdbt(ctx);
    }
  },
  // Payload children are byte ranges of the checkpoint; decoded (base64/zlib) ones cannot be re-opened.
  async open(ctx, name) {
    const m = PAYLOAD_NAME.exec(name);
    if (!m) return null;
    const start = Number(m[1]);
    const end = Number(m[2]);
    if (!(start <= end && end <= ctx.source.size)) return null;
    const source = ctx.source.slice(start, end);
    const head = await source.read(0, Math.min(end - start, 4096));
    return hasPickleMagic(head) || pickleStartsAt(head, 0, end - start) ? { source, hint: 'pickle' } : { source };
  },
};
