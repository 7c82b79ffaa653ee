import { defineLayer } from '../../define';
import { featureSize, formatShape, ShapeError } from '../../shape';

/** Flattens every axis after the batch into one. */
export const flatten = defineLayer({
  type: 'Flatten',
  category: 'Reshaping',
  description: 'Flattens each sample into one vector, e.g. (None, 13, 13, 32) → (None, 5408).',
  params: {},
  outputShape: ([x]) => {
    // TF.js refuses rank-2 input (min_ndim=3), so a flat vector is an error here too.
    if (x.length < 3)
      throw new ShapeError(
        `Flatten needs an input of rank 3 or more (None, …, …); it got ${formatShape(x)}, which is already flat. Remove this Flatten.`,
        undefined,
        { code: 'flattenFlat', values: { got: formatShape(x) } },
      );
    const n = featureSize(x);
    if (n === null)
      throw new ShapeError(`Flatten needs every dimension known; it got ${formatShape(x)}.`, undefined, {
        code: 'flattenUnknown',
        values: { got: formatShape(x) },
      });

    return [null, n];
  },
  paramCount: () => 0,
  toTfjs: () => ({ className: 'Flatten', config: {} }),
  sampleInputs: (rng) => [
    // Mostly rank 3–4; sometimes rank 2, to cross-check the refusal against tfjs.
    [null, ...Array.from({ length: 1 + Math.floor(rng() * 3) }, () => 1 + Math.floor(rng() * 9))],
  ],
});
