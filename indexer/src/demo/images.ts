/**
 * Small generated pictures for demo media: distinct per seed (so content-addressed storage sees
 * different files) and identical for the same seed (so archives compare equal across runs).
 * Encoded here rather than with pngjs: its adaptive filtering and stream plumbing cost ~1–3 ms a
 * picture, a third of a 20,000-item run; the tests decode the output with pngjs instead.
 */
import { deflateSync } from 'node:zlib';
import { Prng } from './prng.js';

const PNG_SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

const CRC_TABLE = new Int32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  CRC_TABLE[n] = c;
}

function crc32(bytes: Uint8Array): number {
  let c = -1;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

type Rgb = readonly [number, number, number];

const PALETTE: readonly Rgb[] = [
  [21, 66, 115],
  [1, 104, 155],
  [57, 135, 12],
  [202, 0, 94],
  [224, 130, 0],
  [0, 120, 110],
  [148, 112, 20],
  [66, 20, 95],
  [255, 180, 0],
  [180, 210, 230],
  [240, 240, 235],
  [40, 40, 40],
];

const PATTERNS = ['stripes', 'checker', 'circle', 'gradient', 'waves'] as const;

export function generateDemoPng(seed: number, size = 64): Uint8Array {
  const rng = new Prng(seed);
  const background = rng.pick(PALETTE);
  let foreground = rng.pick(PALETTE);
  if (foreground === background)
    foreground = PALETTE[(PALETTE.indexOf(background) + 5) % PALETTE.length] ?? [0, 0, 0];
  const pattern = rng.pick(PATTERNS);
  const period = rng.int(4, 16);
  const phase = rng.int(0, 31);
  const stride = size * 3 + 1;
  // Raw scanlines for colour type 2 (RGB), each led by filter byte 0 (none).
  const raw = Buffer.alloc(stride * size);
  const centre = size / 2;
  const radius = size * (0.2 + rng.next() * 0.25);
  // Blend levels precomputed once: the per-pixel work is then a pattern test and a table read.
  const levels = 2 * size;
  const table = new Uint8Array((levels + 1) * 3);
  for (let l = 0; l <= levels; l++) {
    for (let c = 0; c < 3; c++) {
      table[l * 3 + c] = Math.round(
        (background[c] ?? 0) + ((foreground[c] ?? 0) - (background[c] ?? 0)) * (l / levels),
      );
    }
  }
  const shade: (x: number, y: number) => number = {
    stripes: (x: number, y: number) => (Math.floor((x + y + phase) / period) % 2) * levels,
    checker: (x: number, y: number) => ((Math.floor(x / period) + Math.floor(y / period)) % 2) * levels,
    circle: (x: number, y: number) => ((x - centre) ** 2 + (y - centre) ** 2 < radius * radius ? levels : 0),
    gradient: (x: number, y: number) => x + y,
    waves: (x: number, y: number) => (y > centre + Math.sin((x + phase) / period) * (size / 8) ? levels : 0),
  }[pattern];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const l = shade(x, y) * 3;
      const i = y * stride + 1 + x * 3;
      raw[i] = table[l] ?? 0;
      raw[i + 1] = table[l + 1] ?? 0;
      raw[i + 2] = table[l + 2] ?? 0;
    }
  }
  // The seed's bits as a strip of dots along the bottom edge: different seeds never share bytes,
  // which content-addressed media storage relies on to count files.
  const seedBits = seed >>> 0;
  for (let bit = 0; bit < 32 && bit < size; bit++) {
    const i = (size - 1) * stride + 1 + bit * 3;
    const v = (seedBits >>> bit) & 1 ? 255 : 0;
    raw[i] = v;
    raw[i + 1] = v;
    raw[i + 2] = v;
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type RGB
  return new Uint8Array(
    Buffer.concat([
      PNG_SIGNATURE,
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}
