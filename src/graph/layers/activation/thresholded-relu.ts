import { defineLayer } from '../../define';
import { float } from '../../params';
import { sampleAnyRank } from './act-shape';

/** Passes values above a threshold, zeroes the rest. */
export const thresholdedRelu = defineLayer({
  type: 'ThresholdedReLU',
  category: 'Activation',
  description: 'Keeps values above the threshold theta and sets the rest to 0.',
  params: { theta: float({ min: 0, default: 1, help: 'Values at or below it become 0.' }) },
  outputShape: ([x]) => x,
  paramCount: () => 0,
  sampleInputs: sampleAnyRank,
  sampleParams: (rng) => ({ theta: Math.round(rng() * 300) / 100 }),
});
