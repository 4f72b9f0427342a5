// Draws the app's two icons and writes them next to the manifest (`npx tsx appPackage/icons.ts`).
// The PNGs are committed; a test checks they still match this drawing.
//   color.png    192x192: the white symbol on the accent color (Teams rounds the corners itself)
//   outline.png   32x32: the same symbol in white on a transparent background, nothing else
// The symbol: a mentor and a smaller mentee side by side, the mentee cut free of the mentor by a
// thin gap so the two shapes read apart even at 32 pixels.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

export const ACCENT_COLOR = '#0F6E6E';
export const ICON_FILES = { color: 'color.png', outline: 'outline.png' } as const;
export const ICON_SIZES = { color: 192, outline: 32 } as const;

interface Circle {
  cx: number;
  cy: number;
  r: number;
}
const within = (c: Circle, x: number, y: number, grow = 0) => (x - c.cx) ** 2 + (y - c.cy) ** 2 <= (c.r + grow) ** 2;

// Unit square, y down. Bodies are the upper halves of circles.
const mentor = { head: { cx: 0.36, cy: 0.27, r: 0.15 }, body: { cx: 0.36, cy: 0.95, r: 0.3 } };
const mentee = { head: { cx: 0.7, cy: 0.44, r: 0.11 }, body: { cx: 0.7, cy: 0.95, r: 0.22 } };
const GAP = 0.05;

function figure(f: typeof mentor, x: number, y: number, grow = 0): boolean {
  return within(f.head, x, y, grow) || (y <= f.body.cy && within(f.body, x, y, grow));
}

function inSymbol(x: number, y: number): boolean {
  if (y > 0.95) return false;
  if (figure(mentee, x, y)) return true;
  return figure(mentor, x, y) && !figure(mentee, x, y, GAP);
}

const SUPERSAMPLING = 4;

/** Share of the pixel covered by the symbol, for anti-aliased edges. */
function coverage(px: number, py: number, box: { offset: number; size: number }): number {
  let hits = 0;
  for (let i = 0; i < SUPERSAMPLING; i++) {
    for (let j = 0; j < SUPERSAMPLING; j++) {
      const x = (px + (i + 0.5) / SUPERSAMPLING - box.offset) / box.size;
      const y = (py + (j + 0.5) / SUPERSAMPLING - box.offset) / box.size;
      if (x >= 0 && x <= 1 && y >= 0 && y <= 1 && inSymbol(x, y)) hits++;
    }
  }
  return hits / SUPERSAMPLING ** 2;
}

function draw(size: number, box: { offset: number; size: number }, paint: (c: number) => [number, number, number, number]): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      png.data.set(paint(coverage(x, y, box)), (y * size + x) * 4);
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

export function renderColorIcon(): Buffer {
  const size = ICON_SIZES.color;
  const accent = [1, 3, 5].map((i) => parseInt(ACCENT_COLOR.slice(i, i + 2), 16));
  const blend = (c: number) => accent.map((a) => Math.round(a + (255 - a) * c)) as [number, number, number];
  return draw(size, { offset: 40, size: 112 }, (c) => [...blend(c), 255]);
}

export function renderOutlineIcon(): Buffer {
  return draw(ICON_SIZES.outline, { offset: 2, size: 28 }, (c) => [255, 255, 255, Math.round(255 * c)]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  writeFileSync(`${dir}${ICON_FILES.color}`, renderColorIcon());
  writeFileSync(`${dir}${ICON_FILES.outline}`, renderOutlineIcon());
  console.log(`Wrote ${dir}${ICON_FILES.color} and ${dir}${ICON_FILES.outline}`);
}
