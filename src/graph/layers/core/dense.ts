import { defineLayer } from '../../define';
import { activation, bool, int } from '../../params';
import { expectMinRank, lastDim } from '../../shape';

/** A fully connected layer applied to the last axis. */
export const dense = defineLayer({
  type: 'Dense',
  category: 'Core',
  description: 'Fully connected layer: every output unit sees every input feature of the last axis.',
  params: {
    units: int({ min: 1, default: 32, help: 'Number of output units.' }),
    activation: activation('linear'),
    useBias: bool(true),
  },
  outputShape: ([x], p) => {
    expectMinRank('Dense', x, 2, '(None, features)');
    lastDim('Dense', x, 'feature (last)');
    return [...x.slice(0, -1), p.units];
  },
  paramCount: ([x], p) => lastDim('Dense', x) * p.units + (p.useBias ? p.units : 0),
  sampleInputs: (rng) => [
    [null, ...(rng() < 0.3 ? [1 + Math.floor(rng() * 6)] : []), 1 + Math.floor(rng() * 40)],
  ],
  sampleParams: (rng) => ({ units: 1 + Math.floor(rng() * 64), useBias: rng() < 0.7 }),
});
