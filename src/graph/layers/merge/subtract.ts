import type { Rng } from '../../define';
import { defineLayer } from '../../define';
import { ShapeError } from '../../shape';
import type { Shape } from '../../types';
import { describeInputs, elementwiseShape, sampleMergeInputs } from './merge-shape';

/**
 * Subtracts its second input from its first (Keras' `layers.Subtract`). TF.js 4.22 has no such class: the
 * studio ships a small vetted one with the same class name (src/compile/custom-layers.ts), which the
 * compiler, the exports and the server all register.
 */
export const subtract = defineLayer({
  type: 'Subtract',
  category: 'Merge',
  description:
    'Subtracts its second input from its first, element by element (a − b), e.g. a difference of branches.',
  params: {},
  inputs: { min: 2, max: 2 },
  outputShape: (xs) => {
    if (xs.length !== 2) {
      throw new ShapeError(
        `Subtract takes exactly 2 inputs (a − b); it got ${xs.length}: ${describeInputs(xs)}.`,
      );
    }
    return elementwiseShape('Subtract', xs);
  },
  paramCount: () => 0,
  toTfjs: () => ({ className: 'Subtract', config: {} }),
  // Two shapes, mostly equal, sometimes broadcastable or mismatched, as for the other element-wise merges.
  sampleInputs: (rng: Rng): Shape[] => sampleMergeInputs(rng).slice(0, 2),
});
