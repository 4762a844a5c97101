// Draws the PWA icons (a white house on the brand blue) as PNGs into web/public/icons.
// Run once with `npx tsx web/scripts/icons.ts`; the PNGs are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [11, 92, 173];
const WHITE = [255, 255, 255];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** `inside(x, y)` in unit coordinates (0..1) says whether a pixel is the house; `round` rounds the corners. */
function icon(size: number, padding: number, round: boolean): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const house = (x: number, y: number) => {
    const u = (x - padding) / (1 - 2 * padding);
    const v = (y - padding) / (1 - 2 * padding);
    const roof = v >= 0.12 && v <= 0.5 && Math.abs(u - 0.5) <= (v - 0.12) * 1.2 + 0.02;
    const walls = u >= 0.2 && u <= 0.8 && v >= 0.45 && v <= 0.88;
    const door = u >= 0.43 && u <= 0.57 && v >= 0.64 && v <= 0.88;
    return (roof || walls) && !door;
  };
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const fx = (x + 0.5) / size;
      const fy = (y + 0.5) / size;
      const r = 0.18;
      const cx = Math.min(Math.max(fx, r), 1 - r);
      const cy = Math.min(Math.max(fy, r), 1 - r);
      const outside = round && Math.hypot(fx - cx, fy - cy) > r;
      const colour = house(fx, fy) ? WHITE : BLUE;
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = colour[0]!;
      raw[o + 1] = colour[1]!;
      raw[o + 2] = colour[2]!;
      raw[o + 3] = outside ? 0 : 255;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = new URL('../public/icons/', import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL('icon-192.png', dir), icon(192, 0.12, true));
writeFileSync(new URL('icon-512.png', dir), icon(512, 0.12, true));
// Maskable icons keep their content in the central 80 % safe zone and fill the whole square.
writeFileSync(new URL('icon-maskable-512.png', dir), icon(512, 0.22, false));
writeFileSync(new URL('apple-touch-icon.png', dir), icon(180, 0.14, false));
console.log('icons written');
