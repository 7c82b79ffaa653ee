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

/**
 * Gated Recurrent Unit: three gate blocks (update, reset, candidate). TF.js 4.22 only implements the
 * reset-before variant (it throws on resetAfter: true), so there is no resetAfter param and no second bias row.
 */
export const gru = defineLayer({
  type: 'GRU',
  category: 'Recurrent',
  description: 'Gated Recurrent Unit: a lighter gated recurrent layer, often as good as LSTM.',
  params: {
    ...rnnParams(),
    recurrentActivation: oneOf(
      ACTIVATIONS,
      'hardSigmoid',
      'Applied to the gates (TF.js default: hardSigmoid).',
    ),
  },
  outputShape: ([x], p) => {
    expectSequence('GRU', x);
    return rnnOutputShape(x, p.units, p.returnSequences);
  },
  paramCount: ([x], p) => rnnWeights(expectSequence('GRU', x), p.units, p.useBias, 3),
  sampleInputs: (rng) => [sampleSequence(rng)],
  sampleParams: sampleRnnParams,
});
