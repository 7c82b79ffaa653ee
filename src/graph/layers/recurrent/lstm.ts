import { defineLayer } from '../../define';
import { ACTIVATIONS, oneOf } from '../../params';
import {
  expectSequence,
  rnnOutputShape,
  rnnParams,
  rnnWeights,
  sampleRnnParams,
  sampleSequence,
} from './rnn-shape';

/** Long Short-Term Memory: four gate blocks (input, forget, cell, output). */
export const lstm = defineLayer({
  type: 'LSTM',
  category: 'Recurrent',
  description: 'Long Short-Term Memory: a gated recurrent layer that remembers across long sequences.',
  params: {
    ...rnnParams(),
    recurrentActivation: oneOf(
      ACTIVATIONS,
      'hardSigmoid',
      'Applied to the gates (TF.js default: hardSigmoid).',
    ),
  },
  outputShape: ([x], p) => {
    expectSequence('LSTM', x);
    return rnnOutputShape(x, p.units, p.returnSequences);
  },
  paramCount: ([x], p) => rnnWeights(expectSequence('LSTM', x), p.units, p.useBias, 4),
  sampleInputs: (rng) => [sampleSequence(rng)],
  sampleParams: sampleRnnParams,
});
