import { defineLayer } from '../../define';
import { float } from '../../params';

/** Randomly zeroes a fraction of inputs during training. */
export const dropout = defineLayer({
  type: 'Dropout',
  category: 'Regularization',
  description: 'During training, sets a random fraction of inputs to 0 to reduce overfitting.',
  params: {
    rate: float({ min: 0, max: 1, maxExclusive: true, default: 0.5, help: 'Fraction of inputs to drop.' }),
  },
  outputShape: ([x]) => x,
  paramCount: () => 0,
  sampleInputs: (rng) => [[null, 1 + Math.floor(rng() * 30)]],
  sampleParams: (rng) => ({ rate: Math.round(rng() * 90) / 100 }),
});
