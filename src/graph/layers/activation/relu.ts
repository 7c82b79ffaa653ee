import { defineLayer } from '../../define';
import { optionalInt } from '../../params';
import { randInt } from '../conv/conv-shape';
import { sampleAnyRank } from './act-shape';

/** Rectified linear unit as a layer, optionally capped. */
export const relu = defineLayer({
  type: 'ReLU',
  category: 'Activation',
  description: 'max(x, 0) as its own layer; with maxValue set, also caps the output (6 gives ReLU6).',
  params: {
    maxValue: optionalInt({ min: 0, default: null, help: 'Upper bound of the output; empty for none.' }),
  },
  outputShape: ([x]) => x,
  paramCount: () => 0,
  sampleInputs: sampleAnyRank,
  sampleParams: (rng) => ({ maxValue: rng() < 0.5 ? null : randInt(rng, 0, 10) }),
});
