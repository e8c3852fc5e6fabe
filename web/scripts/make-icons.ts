// Draws the console's home-screen icons (web/public/icon-192.png, icon-512.png)
// with a tiny PNG encoder: the house blue with a white speech bubble, the same
// shape as web/public/icon.svg. Run `npx tsx web/scripts/make-icons.ts` after
// changing the drawing; the PNGs are committed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [0x1c, 0x4f, 0x9c];
const WHITE = [0xff, 0xff, 0xff];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Buffer) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

/** Inside a rounded rectangle (units of the 100×100 drawing). */
const inRoundRect = (x: number, y: number, x0: number, y0: number, x1: number, y1: number, r: number) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
};
const inTriangle = (x: number, y: number, [ax, ay]: number[], [bx, by]: number[], [cx, cy]: number[]) => {
  const s = (px: number, py: number, qx: number, qy: number, rx: number, ry: number) =>
    (px - rx) * (qy - ry) - (qx - rx) * (py - ry);
  const d1 = s(x, y, ax!, ay!, bx!, by!);
  const d2 = s(x, y, bx!, by!, cx!, cy!);
  const d3 = s(x, y, cx!, cy!, ax!, ay!);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};
/** The drawing (same as icon.svg): the colour at a point of the 100×100 square. */
const colourAt = (x: number, y: number): number[] => {
  const bubble = inRoundRect(x, y, 22, 26, 78, 64, 9) || inTriangle(x, y, [34, 62], [34, 78], [50, 62]);
  if (!bubble) return BLUE;
  for (const dx of [36, 50, 64]) if ((x - dx) ** 2 + (y - 45) ** 2 <= 4.5 ** 2) return BLUE;
  return WHITE;
};

const png = (size: number): Buffer => {
  const S = 4;
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0];
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++) {
          const c = colourAt(((px + (sx + 0.5) / S) * 100) / size, ((py + (sy + 0.5) / S) * 100) / size);
          for (let i = 0; i < 3; i++) acc[i]! += c[i]!;
        }
      for (let i = 0; i < 3; i++) row[1 + px * 3 + i] = Math.round(acc[i]! / (S * S));
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

for (const size of [192, 512]) {
  writeFileSync(new URL(`../public/icon-${size}.png`, import.meta.url), png(size));
}
