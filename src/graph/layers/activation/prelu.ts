import { defineLayer } from '../../define';
import { intList } from '../../params';
import { formatShape, ShapeError } from '../../shape';
import type { Shape } from '../../types';
import { randInt } from '../conv/conv-shape';

/** The shape of PReLU's learned alpha: the input's feature axes, with shared axes set to 1. */
function alphaShape(x: Shape, sharedAxes: number[]): number[] {
  if (x.length < 2) throw new ShapeError(`PReLU needs a batch of samples; it got ${formatShape(x)}.`);
  const beyond = sharedAxes.filter((a) => a >= x.length);
  if (beyond.length) {
    throw new ShapeError(
      `PReLU shares axis ${beyond.join(', ')}, but the input ${formatShape(x)} only has axes 1 to ${x.length - 1}. Remove it from sharedAxes.`,
      {
        kind: 'setParams',
        label: 'Remove it from sharedAxes',
        params: { sharedAxes: sharedAxes.filter((a) => a < x.length) },
      },
    );
  }
  const unknown = x
    .map((d, i) => (i > 0 && d === null && !sharedAxes.includes(i) ? i : 0))
    .filter((i) => i > 0);
  if (unknown.length) {
    const axes = [...new Set([...sharedAxes, ...unknown])].sort((a, b) => a - b);
    throw new ShapeError(
      `PReLU learns one alpha per position, so every axis it does not share must be known; axis ${unknown.join(', ')} of ${formatShape(x)} is not. Share it (sharedAxes ${axes.join(', ')}).`,
      { kind: 'setParams', label: `Set sharedAxes to ${axes.join(', ')}`, params: { sharedAxes: axes } },
    );
  }
  return x.slice(1).map((d, i) => (sharedAxes.includes(i + 1) ? 1 : (d as number)));
}

/** Leaky ReLU whose negative slope is learned. */
export const prelu = defineLayer({
  type: 'PReLU',
  category: 'Activation',
  description: 'Leaky ReLU whose negative slope is learned, one per position unless axes are shared.',
  params: {
    sharedAxes: intList({
      default: [],
      minLength: 0,
      maxLength: 3,
      help: 'Axes that share one slope, e.g. 1, 2 for one slope per channel of an image. Empty: none.',
    }),
  },
  outputShape: ([x], p) => {
    alphaShape(x, p.sharedAxes);
    return x;
  },
  paramCount: ([x], p) => alphaShape(x, p.sharedAxes).reduce((a, b) => a * b, 1),
  toTfjs: (p) => ({
    className: 'PReLU',
    config: { sharedAxes: p.sharedAxes.length ? [...p.sharedAxes] : null },
  }),
  fromKeras: (c) => {
    const s = c.sharedAxes;
    if (s === null || s === undefined) return { sharedAxes: [] };
    if (typeof s === 'number') return { sharedAxes: [s] };
    return Array.isArray(s) && s.every((a) => Number.isInteger(a) && a >= 1)
      ? { sharedAxes: s as number[] }
      : {};
  },
  // Rank 3 or 4 so that every sampled shared axis exists; TF.js silently grows alpha for an axis beyond the rank.
  sampleInputs: (rng) => [
    [
      null,
      rng() < 0.2 ? null : randInt(rng, 1, 8),
      ...Array.from({ length: randInt(rng, 1, 2) }, () => randInt(rng, 1, 8)),
    ],
  ],
  sampleParams: (rng) => {
    const opts = [[], [1], [1, 2], [2]];
    return { sharedAxes: opts[Math.floor(rng() * opts.length)] };
  },
});
