/** Spectrogram pictures: time left to right, low frequencies at the bottom, quiet dark and loud bright. */

/** Colour stops of a perceptually even dark-blue → green → yellow map (close to matplotlib's viridis). */
const STOPS: [number, number, number][] = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];

function colour(t: number, out: Uint8ClampedArray, at: number): void {
  const x = Math.max(0, Math.min(1, t)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(x));
  const f = x - i;
  for (let c = 0; c < 3; c++) out[at + c] = STOPS[i][c] + (STOPS[i + 1][c] - STOPS[i][c]) * f;
  out[at + 3] = 255;
}

/**
 * RGBA pixels of a frames × bins feature map (frame after frame, as the model input): `frames` wide and `bins`
 * high, scaled between the map's own minimum and maximum.
 */
export function spectrogramImage(
  values: ArrayLike<number>,
  frames: number,
  bins: number,
): { width: number; height: number; rgba: Uint8ClampedArray } {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < frames * bins; i++) {
    lo = Math.min(lo, values[i]);
    hi = Math.max(hi, values[i]);
  }
  const span = hi - lo || 1;
  const rgba = new Uint8ClampedArray(frames * bins * 4);
  for (let f = 0; f < frames; f++)
    for (let b = 0; b < bins; b++)
      colour((values[f * bins + b] - lo) / span, rgba, ((bins - 1 - b) * frames + f) * 4);
  return { width: frames, height: bins, rgba };
}
