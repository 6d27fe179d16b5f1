// Draws media/icon.png (128×128): executors over time as a step line on a dark tile. Run: node media/make-icon.mjs
// Plain Node, no dependencies: pixels → PNG (filter 0 rows, zlib, CRC-32).
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const SIZE = 128;
const px = new Uint8Array(SIZE * SIZE * 4);

function blend(x, y, [r, g, b], alpha) {
  if (x < 0 || y < 0 || x >= SIZE || y >= SIZE || alpha <= 0) return;
  const i = (y * SIZE + x) * 4;
  const a = Math.min(1, alpha);
  const da = px[i + 3] / 255;
  const out = a + da * (1 - a);
  for (const [k, c] of [
    [0, r],
    [1, g],
    [2, b],
  ])
    px[i + k] = out === 0 ? 0 : Math.round((c * a + px[i + k] * da * (1 - a)) / out);
  px[i + 3] = Math.round(out * 255);
}

/** Coverage of a pixel by a rounded square (anti-aliased by 4×4 supersampling). */
function roundedSquare(x, y, inset, radius) {
  let hits = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const fx = x + (sx + 0.5) / 4;
      const fy = y + (sy + 0.5) / 4;
      const lo = inset + radius;
      const hi = SIZE - inset - radius;
      const dx = fx < lo ? lo - fx : fx > hi ? fx - hi : 0;
      const dy = fy < lo ? lo - fy : fy > hi ? fy - hi : 0;
      if (
        fx >= inset &&
        fx <= SIZE - inset &&
        fy >= inset &&
        fy <= SIZE - inset &&
        dx * dx + dy * dy <= radius * radius
      )
        hits++;
    }
  }
  return hits / 16;
}

/** Distance from point p to segment ab. */
function segmentDistance(px_, py, ax, ay, bx, by) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((px_ - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy || 1)));
  return Math.hypot(px_ - (ax + t * vx), py - (ay + t * vy));
}

function polyline(points, width, color) {
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let d = Infinity;
      for (let i = 1; i < points.length; i++)
        d = Math.min(d, segmentDistance(x + 0.5, y + 0.5, ...points[i - 1], ...points[i]));
      blend(x, y, color, width / 2 + 0.5 - d);
    }
  }
}

// Tile.
for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) blend(x, y, [22, 36, 62], roundedSquare(x, y, 4, 22));
// Baseline and grid.
polyline(
  [
    [20, 104],
    [108, 104],
  ],
  2,
  [90, 110, 140],
);
for (const gy of [84, 64, 44])
  polyline(
    [
      [20, gy],
      [108, gy],
    ],
    1,
    [45, 62, 92],
  );
// Executors over time: ramp up, hold, scale down (a step line), with the target as a thinner line.
const steps = [
  [20, 96],
  [34, 96],
  [34, 78],
  [46, 78],
  [46, 50],
  [58, 50],
  [58, 32],
  [76, 32],
  [76, 58],
  [90, 58],
  [90, 88],
  [108, 88],
];
polyline(steps, 7, [255, 138, 36]);
polyline(
  [
    [20, 96],
    [30, 96],
    [30, 30],
    [72, 30],
    [72, 92],
    [108, 92],
  ],
  2,
  [120, 200, 255],
);

// PNG encoding.
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0;
  Buffer.from(px.buffer, y * SIZE * 4, SIZE * 4).copy(raw, y * (SIZE * 4 + 1) + 1);
}
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(fileURLToPath(new URL('./icon.png', import.meta.url)), png);
console.log(`media/icon.png: ${png.length} bytes`);
