import { augmentImages } from './augment';
import type { AugmentOptions, DomainInfo, SampleFormat } from './types';

/** One augmentation control of the data panel. */
export type AugmentControl = 'flip' | 'rotation' | 'shift' | 'zoom' | 'timeMask' | 'freqMask' | 'noise';

/** What decides which augmentations fit: a loaded dataset has all three. */
export interface AugmentTarget {
  format: SampleFormat;
  inputDtype: 'float32' | 'int32';
  domain?: DomainInfo;
}

/**
 * The augmentations that make sense for a kind of data: geometric ones for pictures; for spectrograms shifts and
 * stretches (time and pitch), SpecAugment-style masks and noise, never a mirror or a rotation (a word read
 * backwards is not the same word); noise for tables and series; nothing for ids (tokens, users, items); only
 * noise for pictures with boxes, whose boxes would not move with the picture.
 */
export function augmentControls({ format, inputDtype, domain }: AugmentTarget): AugmentControl[] {
  if (inputDtype === 'int32' || domain?.kind === 'ratings') return [];
  if (domain?.kind === 'boxes') return ['noise'];
  switch (format.kind) {
    case 'image':
      return ['flip', 'rotation', 'shift', 'zoom', 'noise'];
    case 'spectrogram':
      return ['shift', 'zoom', 'timeMask', 'freqMask', 'noise'];
    case 'table':
    case 'series':
      return ['noise'];
    default:
      return [];
  }
}

const OFF: Required<AugmentOptions> = {
  flip: false,
  rotation: 0,
  shift: 0,
  zoom: 0,
  timeMask: 0,
  freqMask: 0,
  noise: 0,
};

/** The options with every control that does not fit the data turned off; null when nothing is left on. */
export function fitAugment(target: AugmentTarget, o: AugmentOptions | null): AugmentOptions | null {
  if (!o) return null;
  const allowed = new Set<AugmentControl>(augmentControls(target));
  const out = { ...OFF };
  for (const k of Object.keys(OFF) as AugmentControl[]) {
    if (allowed.has(k) && o[k] !== undefined) (out as Record<AugmentControl, unknown>)[k] = o[k];
  }
  return Object.values(out).some((v) => v !== false && v !== 0) ? out : null;
}

/** A standard normal draw from a uniform generator (Box–Muller). */
function gaussian(rng: () => number): number {
  const u = Math.max(rng(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/**
 * Blanks (sets to 0, the mean of z-scored inputs) one random band of rows and one of columns per sample of a
 * [n, h, w, c] batch, each up to `timeMask`·h rows and `freqMask`·w columns wide (SpecAugment). In place.
 */
export function maskBands(
  x: Float32Array,
  shape: [number, number, number, number],
  o: AugmentOptions,
  rng: () => number,
): void {
  const [n, h, w, c] = shape;
  const size = h * w * c;
  for (let i = 0; i < n; i++) {
    const base = i * size;
    const rows = Math.floor(rng() * ((o.timeMask ?? 0) * h + 1));
    const r0 = Math.floor(rng() * (h - rows + 1));
    x.fill(0, base + r0 * w * c, base + (r0 + rows) * w * c);
    const cols = Math.floor(rng() * ((o.freqMask ?? 0) * w + 1));
    const c0 = Math.floor(rng() * (w - cols + 1));
    for (let r = 0; r < h && cols > 0; r++) {
      const at = base + (r * w + c0) * c;
      x.fill(0, at, at + cols * c);
    }
  }
}

/**
 * Augments one training batch of float inputs (`shape` includes the batch): the geometric transforms and masks
 * for [n, h, w, c] batches, then noise for any shape. Returns a new array; `x` is untouched.
 */
export function augmentBatch(
  x: Float32Array,
  shape: number[],
  o: AugmentOptions,
  rng: () => number,
): Float32Array {
  let out = x;
  if (shape.length === 4) {
    const s4 = shape as [number, number, number, number];
    const geometric = o.flip || o.rotation > 0 || o.shift > 0 || o.zoom > 0;
    out = geometric ? augmentImages(x, s4, o, rng) : Float32Array.from(x);
    if ((o.timeMask ?? 0) > 0 || (o.freqMask ?? 0) > 0) maskBands(out, s4, o, rng);
  }
  const noise = o.noise ?? 0;
  if (noise > 0) {
    if (out === x) out = Float32Array.from(x);
    for (let i = 0; i < out.length; i++) out[i] += noise * gaussian(rng);
  }
  return out;
}
