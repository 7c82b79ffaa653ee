import { defineLayer } from '../../define';
import { float } from '../../params';
import { randInt } from '../conv/conv-shape';

/** Dropout that keeps the mean and variance of SELU activations. */
export const alphaDropout = defineLayer({
  type: 'AlphaDropout',
  category: 'Regularization',
  description:
    'During training, drops inputs while keeping their mean and variance; pairs with selu activations.',
  params: {
    rate: float({ min: 0, max: 1, maxExclusive: true, default: 0.1, help: 'Fraction of inputs to drop.' }),
  },
  outputShape: ([x]) => x,
  paramCount: () => 0,
  sampleInputs: (rng) => [[null, ...Array.from({ length: randInt(rng, 1, 3) }, () => randInt(rng, 1, 12))]],
  sampleParams: (rng) => ({ rate: Math.round(rng() * 90) / 100 }),
});
