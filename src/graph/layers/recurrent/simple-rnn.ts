import { defineLayer } from '../../define';
import {
  expectSequence,
  rnnOutputShape,
  rnnParams,
  rnnWeights,
  sampleRnnParams,
  sampleSequence,
} from './rnn-shape';

/** A fully connected recurrent layer. */
export const simpleRnn = defineLayer({
  type: 'SimpleRNN',
  category: 'Recurrent',
  description:
    'The simplest recurrent layer: each step mixes the input with the previous state; for short sequences.',
  params: rnnParams(),
  outputShape: ([x], p) => {
    expectSequence('SimpleRNN', x);
    return rnnOutputShape(x, p.units, p.returnSequences);
  },
  paramCount: ([x], p) => rnnWeights(expectSequence('SimpleRNN', x), p.units, p.useBias, 1),
  sampleInputs: (rng) => [sampleSequence(rng)],
  sampleParams: sampleRnnParams,
});
