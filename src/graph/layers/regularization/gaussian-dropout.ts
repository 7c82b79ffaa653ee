import { defineLayer } from '../../define';
import { float } from '../../params';
import { randInt } from '../conv/conv-shape';

/** Multiplies inputs by Gaussian noise centred on 1 during training. */
export const gaussianDropout = defineLayer({
  type: 'GaussianDropout',
  category: 'Regularization',
  description: 'During training, multiplies every input by noise centred on 1 (a smooth form of dropout).',
  params: {
    rate: float({
      min: 0,
      max: 1,
      maxExclusive: true,
      default: 0.1,
      help: 'Drop probability, as in Dropout.',
    }),
  },
  outputShape: ([x]) => x,
  paramCount: () => 0,
  sampleInputs: (rng) => [[null, ...Array.from({ length: randInt(rng, 1, 3) }, () => randInt(rng, 1, 12))]],
  sampleParams: (rng) => ({ rate: Math.round(rng() * 90) / 100 }),
});
