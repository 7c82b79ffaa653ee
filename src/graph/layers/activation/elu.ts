import { defineLayer } from '../../define';
import { sampleAnyRank } from './act-shape';

/** Exponential linear unit as a layer. */
export const elu = defineLayer({
  type: 'ELU',
  category: 'Activation',
  description: 'Exponential linear unit: x for positive inputs, exp(x) − 1 for negative ones.',
  // TF.js's ELU layer refuses any alpha but the default 1, so none is offered.
  params: {},
  outputShape: ([x]) => x,
  paramCount: () => 0,
  toTfjs: () => ({ className: 'ELU', config: {} }),
  sampleInputs: sampleAnyRank,
});
