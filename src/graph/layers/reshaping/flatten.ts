import { defineLayer } from '../../define';
import { featureSize, formatShape, ShapeError } from '../../shape';

/** Flattens every axis after the batch into one. */
export const flatten = defineLayer({
  type: 'Flatten',
  category: 'Reshaping',
  description: 'Flattens each sample into one vector, e.g. (None, 13, 13, 32) → (None, 5408).',
  params: {},
  outputShape: ([x]) => {
    if (x.length < 2) throw new ShapeError(`Flatten needs a batch of samples; it got ${formatShape(x)}.`);
    const n = featureSize(x);
    if (n === null) throw new ShapeError(`Flatten needs every dimension known; it got ${formatShape(x)}.`);
    return [null, n];
  },
  paramCount: () => 0,
  toTfjs: () => ({ className: 'Flatten', config: {} }),
  sampleInputs: (rng) => [
    [null, ...Array.from({ length: 2 + Math.floor(rng() * 2) }, () => 1 + Math.floor(rng() * 9))],
  ],
});
