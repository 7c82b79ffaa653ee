import type { Rng } from '../../define';
import { defineLayer } from '../../define';
import { bool, intTuple } from '../../params';
import type { Fix } from '../../shape';
import { ShapeError } from '../../shape';
import type { Shape } from '../../types';
import { describeInputs } from './merge-shape';

/** An axes setting whose sizes match in both inputs, as a one-click fix. */
function axesFix(a: Shape, b: Shape): Fix | undefined {
  for (let i = 1; i < a.length; i++)
    for (let j = 1; j < b.length; j++)
      if (a[i] !== null && a[i] === b[j])
        return { kind: 'setParams', label: `Set axes to [${i}, ${j}]`, params: { axes: [i, j] } };
  return undefined;
}

/** Checks Dot's inputs and axes the way TF.js does; throws a sentence naming both shapes. */
function checkDot(a: Shape, b: Shape, axes: number[]): void {
  if (a.length > 3 || b.length > 3 || a.length < 2 || b.length < 2) {
    throw new ShapeError(
      `Dot takes inputs of rank 2 or 3 in TF.js; ${describeInputs([a, b])}. Flatten or Reshape them first.`,
    );
  }
  const [i, j] = axes;
  if (i >= a.length || j >= b.length || a[i] !== b[j]) {
    const fix = axesFix(a, b);
    throw new ShapeError(
      `Dot multiplies axis ${i} of input 1 with axis ${j} of input 2, so those sizes must be equal; ${describeInputs([a, b])}.${fix ? ` ${fix.label}.` : ''}`,
      fix,
    );
  }
}

/** Dot product of two inputs along chosen axes. */
export const dot = defineLayer({
  type: 'Dot',
  category: 'Merge',
  description:
    'Dot product of two inputs along the chosen axes, e.g. similarity of two vectors (None, d) → (None, 1).',
  params: {
    axes: intTuple(2, {
      min: 1,
      default: [1, 1],
      labels: ['input 1', 'input 2'],
      help: 'The axis of each input to multiply along.',
    }),
    normalize: bool(false, 'L2-normalise both inputs first, giving the cosine similarity.'),
  },
  inputs: { min: 2, max: 2 },
  outputShape: ([a, b], p) => {
    checkDot(a, b, p.axes);
    const out = [...a.filter((_, k) => k !== p.axes[0]), ...b.filter((_, k) => k !== p.axes[1] && k !== 0)];
    return out.length === 1 ? [...out, 1] : out;
  },
  paramCount: () => 0,
  // TF.js keeps axes as given: one number when both are equal (the usual Keras form), else a pair.
  toTfjs: (p) => ({
    className: 'Dot',
    config: { axes: p.axes[0] === p.axes[1] ? p.axes[0] : [...p.axes], normalize: p.normalize },
  }),
  sampleInputs: (rng: Rng) => {
    const d = 1 + Math.floor(rng() * 5);
    const dim = () => (rng() < 0.8 ? d : 1 + Math.floor(rng() * 5));
    const shape = (): Shape => [null, ...Array.from({ length: 1 + Math.floor(rng() * 2) }, dim)];
    return [shape(), shape()];
  },
  // Never [2, 2]: on two rank-2 inputs TF.js would not notice the missing axis and invent a shape.
  sampleParams: (rng) => ({
    axes: [
      [1, 1],
      [1, 1],
      [1, 2],
      [2, 1],
    ][Math.floor(rng() * 4)],
  }),
});
