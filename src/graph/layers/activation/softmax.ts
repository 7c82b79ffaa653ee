import { defineLayer } from '../../define';
import { int } from '../../params';
import { formatShape, ShapeError } from '../../shape';
import { sampleAnyRank } from './act-shape';

/** Softmax as a layer. */
export const softmax = defineLayer({
  type: 'Softmax',
  category: 'Activation',
  description: 'Turns the values along the last axis into probabilities that sum to 1.',
  params: {
    // Keras' default. TF.js's own default is 1, which only works on rank-2 inputs, so the value is always sent.
    axis: int({ min: -1, default: -1, help: 'The axis to normalise; TF.js supports only the last (-1).' }),
  },
  check: (p) =>
    p.axis === 0 ? 'axis 0 is the batch; softmax must run along a feature axis, usually -1.' : null,
  outputShape: ([x], p) => {
    const last = x.length - 1;
    if (p.axis !== -1 && p.axis !== last) {
      // TF.js computes the symbolic shape but its softmax op throws at run time for any axis but the last.
      throw new ShapeError(
        `Softmax can only normalise the last axis in TF.js (axis -1${last > 0 ? ` or ${last}` : ''} for ${formatShape(x)}); it is set to axis ${p.axis}.`,
        { kind: 'setParams', label: 'Set axis to -1', params: { axis: -1 } },
      );
    }
    return x;
  },
  paramCount: () => 0,
  sampleInputs: sampleAnyRank,
  // Only -1: TF.js accepts any axis symbolically and fails later when it runs, which the catalog's symbolic
  // cross-check cannot see; activation.test.ts runs the other axes on real tensors.
  sampleParams: () => ({ axis: -1 }),
});
