import { defineLayer } from '../../define';
import { float } from '../../params';
import { randInt } from '../conv/conv-shape';

/** Adds zero-mean Gaussian noise during training. */
export const gaussianNoise = defineLayer({
  type: 'GaussianNoise',
  category: 'Regularization',
  description:
    'During training, adds zero-centred Gaussian noise to every input value (a data augmentation).',
  params: { stddev: float({ min: 0, default: 0.1, help: 'Standard deviation of the noise.' }) },
  outputShape: ([x]) => x,
  paramCount: () => 0,
  sampleInputs: (rng) => [[null, ...Array.from({ length: randInt(rng, 1, 3) }, () => randInt(rng, 1, 12))]],
  sampleParams: (rng) => ({ stddev: Math.round(rng() * 100) / 100 }),
});
