/**
 * The kernel logos, generated (no binary assets in the repo): a rounded square in Pijar orange
 * with a white four-pointed spark. PNGs are encoded here with zlib (PNG = signature + IHDR +
 * IDAT + IEND chunks, each with a CRC32).
 */
import { deflateSync } from "node:zlib";

const ORANGE = [232, 119, 34];

/** Coverage of the logo shape at (x, y) in unit coordinates [0,1]: 0 transparent, 1 orange, 2 white. */
function shape(x: number, y: number): 0 | 1 | 2 {
  const r = 0.18; // corner radius
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return 0;
  // Spark: |dx|^0.5 + |dy|^0.5 <= k (an astroid-like four-pointed star).
  const dx = Math.abs(x - 0.5) / 0.36;
  const dy = Math.abs(y - 0.5) / 0.36;
  return Math.sqrt(dx) + Math.sqrt(dy) <= 1 ? 2 : 1;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** An RGBA PNG of the logo, `size` pixels square (4x4 supersampled edges). */
export function logoPng(size: number): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const ss = 4;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      let orange = 0;
      let white = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const s = shape((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          if (s === 1) orange++;
          else if (s === 2) white++;
        }
      }
      const cover = orange + white;
      const o = y * (size * 4 + 1) + 1 + x * 4;
      if (cover === 0) continue;
      for (let i = 0; i < 3; i++) raw[o + i] = Math.round((ORANGE[i]! * orange + 255 * white) / cover);
      raw[o + 3] = Math.round((255 * cover) / (ss * ss));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

/** The same logo as SVG. */
export function logoSvg(): string {
  // Astroid-like spark as a path with quadratic curves through the center.
  const c = 32;
  const a = 23;
  const spark = `M${c} ${c - a} Q${c} ${c} ${c + a} ${c} Q${c} ${c} ${c} ${c + a} Q${c} ${c} ${c - a} ${c} Q${c} ${c} ${c} ${c - a}Z`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">` +
    `<rect width="64" height="64" rx="11.5" fill="rgb(${ORANGE.join(",")})"/>` +
    `<path d="${spark}" fill="#fff"/></svg>\n`
  );
}
