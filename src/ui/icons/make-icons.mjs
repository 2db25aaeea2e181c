// Writes the PWA icons (public/icons/*.png) with nothing but zlib: a calm shield-like mark on a
// solid background. Run: node src/ui/icons/make-icons.mjs. The PNGs are committed; this is how they were made.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x / size, y / size);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0; // 8-bit RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const BG = [22, 50, 79, 255];     // deep slate blue
const FG = [236, 242, 248, 255];  // off-white
const ACCENT = [72, 187, 143, 255];

/** A gate: two posts and a lintel, with a check bar; `s` shrinks the mark into the maskable safe zone. */
function mark(s) {
  return (u, v) => {
    const x = (u - 0.5) / s + 0.5, y = (v - 0.5) / s + 0.5;
    const inBox = (x0, y0, x1, y1) => x >= x0 && x < x1 && y >= y0 && y < y1;
    if (inBox(0.22, 0.22, 0.78, 0.32)) return FG;                               // lintel
    if (inBox(0.22, 0.32, 0.34, 0.80) || inBox(0.66, 0.32, 0.78, 0.80)) return FG; // posts
    if (inBox(0.40, 0.58, 0.60, 0.66)) return ACCENT;                             // bar
    return null;
  };
}
function icon(size, { maskable }) {
  const m = mark(maskable ? 0.7 : 1);
  return png(size, (u, v) => {
    const hit = m(u, v);
    if (hit) return hit;
    if (maskable) return BG;
    // rounded-square background for the plain icon
    const r = 0.18, dx = Math.max(r - u, u - (1 - r), 0), dy = Math.max(r - v, v - (1 - r), 0);
    return dx * dx + dy * dy <= r * r ? BG : [0, 0, 0, 0];
  });
}

const out = new URL('../../../public/icons/', import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL('icon-192.png', out), icon(192, { maskable: false }));
writeFileSync(new URL('icon-512.png', out), icon(512, { maskable: false }));
writeFileSync(new URL('maskable-512.png', out), icon(512, { maskable: true }));
writeFileSync(new URL('apple-touch-icon.png', out), icon(180, { maskable: true }));
console.log('icons written');
