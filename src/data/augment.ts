import type { AugmentOptions } from './types';

/** No augmentation: the starting point of the panel's controls. */
export const NO_AUGMENT: AugmentOptions = { flip: false, rotation: 0, shift: 0, zoom: 0 };

/** True when the options would change any sample. */
export function augmentsAnything(o: AugmentOptions | null): o is AugmentOptions {
  return (
    !!o &&
    (o.flip ||
      o.rotation > 0 ||
      o.shift > 0 ||
      o.zoom > 0 ||
      (o.timeMask ?? 0) > 0 ||
      (o.freqMask ?? 0) > 0 ||
      (o.noise ?? 0) > 0)
  );
}

/**
 * Randomly flips, rotates, shifts and zooms a batch of images (row-major [n, h, w, c], values kept), with
 * bilinear sampling and zeros outside. Use on training batches only; returns a new array.
 */
export function augmentImages(
  x: Float32Array,
  shape: [number, number, number, number],
  o: AugmentOptions,
  rng: () => number,
): Float32Array {
  const [n, h, w, c] = shape;
  const out = new Float32Array(x.length);
  const size = h * w * c;
  for (let i = 0; i < n; i++) {
    const angle = ((rng() * 2 - 1) * o.rotation * Math.PI) / 180;
    const scale = 1 + (rng() * 2 - 1) * o.zoom;
    const dx = (rng() * 2 - 1) * o.shift * w;
    const dy = (rng() * 2 - 1) * o.shift * h;
    const flip = o.flip && rng() < 0.5;
    const t = { cos: Math.cos(angle) / scale, sin: Math.sin(angle) / scale, dx, dy, flip };
    warp(x.subarray(i * size, (i + 1) * size), out.subarray(i * size, (i + 1) * size), h, w, c, t);
  }
  return out;
}

interface Transform {
  cos: number;
  sin: number;
  dx: number;
  dy: number;
  flip: boolean;
}

/** Inverse-maps each output pixel to the source around the image centre and samples bilinearly. */
function warp(src: Float32Array, dst: Float32Array, h: number, w: number, c: number, t: Transform): void {
  const cx = (w - 1) / 2;
  const cy = (h - 1) / 2;
  const at = (yy: number, xx: number, ch: number) =>
    yy < 0 || xx < 0 || yy >= h || xx >= w ? 0 : src[(yy * w + xx) * c + ch];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const ox = (t.flip ? w - 1 - x : x) - cx - t.dx;
      const oy = y - cy - t.dy;
      const sx = t.cos * ox + t.sin * oy + cx;
      const sy = -t.sin * ox + t.cos * oy + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      for (let ch = 0; ch < c; ch++) {
        const top = at(y0, x0, ch) * (1 - fx) + at(y0, x0 + 1, ch) * fx;
        const bottom = at(y0 + 1, x0, ch) * (1 - fx) + at(y0 + 1, x0 + 1, ch) * fx;
        dst[(y * w + x) * c + ch] = top * (1 - fy) + bottom * fy;
      }
    }
  }
}
