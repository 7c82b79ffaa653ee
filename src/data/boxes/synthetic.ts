import { BOXES_CLASSES, BOXES_SIDE } from '../../graph/templates-domains';
import { gaussian, makeRng } from '../rng';
import { DataError } from '../types';
import type { BoxSet } from './boxes';

/** Class names of the built-in box set, in label order. */
export const SHAPE_NAMES = ['rectangle', 'ellipse', 'triangle'] as const;

type Inside = (px: number, py: number) => boolean;

function shapeTest(kind: number, x0: number, y0: number, w: number, h: number): Inside {
  if (kind === 0) return (px, py) => px >= x0 && px < x0 + w && py >= y0 && py < y0 + h;
  if (kind === 1) {
    const [cx, cy, rx, ry] = [x0 + w / 2, y0 + h / 2, w / 2, h / 2];
    return (px, py) => ((px + 0.5 - cx) / rx) ** 2 + ((py + 0.5 - cy) / ry) ** 2 <= 1;
  }
  return (px, py) => {
    if (py < y0 || py >= y0 + h) return false;
    const half = (((py + 0.5 - y0) / h) * w) / 2;
    return Math.abs(px + 0.5 - (x0 + w / 2)) <= half;
  };
}

/**
 * Seeded synthetic localisation set: one rectangle, ellipse or triangle (8–20 px a side, any place) on a noisy
 * background with a random gradient, brighter than its surroundings by a random contrast. The box is exact.
 */
export function generateBoxes(samples: number, seed: number, side = BOXES_SIDE): BoxSet {
  if (!Number.isInteger(samples) || samples < 30 || samples > 20_000)
    throw new DataError('The number of images must be a whole number from 30 to 20,000.', {
      code: 'boxesCount',
    });
  const rng = makeRng(seed);
  const images = new Float32Array(samples * side * side);
  const boxes = new Float32Array(samples * 4);
  const labels = new Int32Array(samples);
  for (let n = 0; n < samples; n++) {
    const kind = n % BOXES_CLASSES;
    const w = 8 + Math.floor(rng() * 13);
    const h = 8 + Math.floor(rng() * 13);
    const x0 = Math.floor(rng() * (side - w + 1));
    const y0 = Math.floor(rng() * (side - h + 1));
    const inside = shapeTest(kind, x0, y0, w, h);
    const base = 0.15 + 0.2 * rng();
    const [gx, gy] = [(rng() - 0.5) * 0.2, (rng() - 0.5) * 0.2];
    const fg = base + 0.35 + 0.4 * rng();
    const off = n * side * side;
    for (let py = 0; py < side; py++) {
      for (let px = 0; px < side; px++) {
        const bg = base + gx * (px / side - 0.5) + gy * (py / side - 0.5);
        const v = (inside(px, py) ? fg : bg) + 0.08 * gaussian(rng);
        images[off + py * side + px] = Math.min(1, Math.max(0, v));
      }
    }
    boxes.set([x0 / side, y0 / side, w / side, h / side], n * 4);
    labels[n] = kind;
  }
  return { images, width: side, height: side, channels: 1, boxes, labels, classNames: [...SHAPE_NAMES] };
}
