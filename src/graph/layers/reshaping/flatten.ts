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
    if (n === null) {
      // A None axis (a sequence of any length) has no fixed number of values to lay out in one vector.
      const pool =
        x.length === 3 ? 'GlobalAveragePooling1D' : x.length === 4 ? 'GlobalAveragePooling2D' : null;
      const instead = pool ? `Replace Flatten with ${pool}, which averages over that axis, or give` : 'Give';
      throw new ShapeError(
        `Flatten needs every dimension known; it got ${formatShape(x)}, where None is a size that varies. ${instead} the Input a fixed size there.`,
        undefined,
        {
          code: pool ? 'flattenUnknownPool' : 'flattenUnknown',
          values: { got: formatShape(x), pool: pool ?? '' },
        },
      );
    }

    return [null, n];
  },
  paramCount: () => 0,
  toTfjs: () => ({ className: 'Flatten', config: {} }),
  sampleInputs: (rng) => [
    // Mostly rank 3–4; sometimes rank 2, to cross-check the refusal against tfjs.
    // Sometimes a None axis, to cross-check that refusal too.
    [
      null,
      ...Array.from({ length: 1 + Math.floor(rng() * 3) }, () =>
        rng() < 0.1 ? null : 1 + Math.floor(rng() * 9),
      ),
    ],
  ],
});
