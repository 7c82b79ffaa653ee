import { defineLayer } from '../../define';
import { intList } from '../../params';
import { formatShape, ShapeError } from '../../shape';
import { randInt } from '../conv/conv-shape';

/** Reorders the axes after the batch. */
export const permute = defineLayer({
  type: 'Permute',
  category: 'Reshaping',
  description: 'Reorders the axes of each sample, e.g. dims 2, 1 turns (None, 10, 64) into (None, 64, 10).',
  params: {
    dims: intList({
      default: [2, 1],
      minLength: 1,
      maxLength: 4,
      help: 'The new order of axes 1…n (the batch stays first).',
    }),
  },
  check: (p) => {
    const sorted = [...p.dims].sort((a, b) => a - b);
    return sorted.every((d, i) => d === i + 1)
      ? null
      : `dims must list each axis from 1 to ${p.dims.length} once, e.g. ${[...sorted.keys()].map((i) => p.dims.length - i).join(', ')}. Received: ${p.dims.join(', ')}`;
  },
  outputShape: ([x], p) => {
    if (x.length !== p.dims.length + 1) {
      throw new ShapeError(
        `Permute with dims ${p.dims.join(', ')} reorders ${p.dims.length} axes, so it needs a rank-${p.dims.length + 1} input; it got ${formatShape(x)}.`,
      );
    }
    return [x[0], ...p.dims.map((d) => x[d])];
  },
  paramCount: () => 0,
  sampleInputs: (rng) => [[null, ...Array.from({ length: rng() < 0.7 ? 2 : 3 }, () => randInt(rng, 1, 9))]],
  sampleParams: (rng) => {
    const n = rng() < 0.7 ? 2 : 3;
    const dims = Array.from({ length: n }, (_, i) => i + 1);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [dims[i], dims[j]] = [dims[j], dims[i]];
    }
    return { dims };
  },
});
