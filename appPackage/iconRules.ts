// Teams' rules for the two app icons, checked before packaging (Teams rejects the upload otherwise).
import { PNG } from 'pngjs';
import { ICON_SIZES } from './icons';

export function iconProblems(kind: keyof typeof ICON_SIZES, png: Buffer): string[] {
  let image: PNG;
  try {
    image = PNG.sync.read(png);
  } catch {
    return [`${kind} icon is not a PNG`];
  }
  const size = ICON_SIZES[kind];
  if (image.width !== size || image.height !== size) return [`${kind} icon is ${image.width}x${image.height}; Teams needs ${size}x${size}`];
  if (kind === 'outline') return outlineProblems(image);
  return [];
}

/** The outline icon may hold only white, at any opacity, on full transparency. */
function outlineProblems(image: PNG): string[] {
  const problems: string[] = [];
  let visible = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    const [r, g, b, a] = [image.data[i], image.data[i + 1], image.data[i + 2], image.data[i + 3]];
    if (a === 0) continue;
    visible++;
    if (r !== 255 || g !== 255 || b !== 255) {
      problems.push('outline icon has a pixel that is not white');
      break;
    }
  }
  if (visible === 0) problems.push('outline icon is empty');
  if (visible === image.width * image.height) problems.push('outline icon has no transparent background');
  return problems;
}
