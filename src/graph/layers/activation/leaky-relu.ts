import { defineLayer } from '../../define';
import { float } from '../../params';
import { sampleAnyRank } from './act-shape';

/** ReLU that lets a small slope through for negative inputs. */
export const leakyRelu = defineLayer({
  type: 'LeakyReLU',
  category: 'Activation',
  description: 'Like ReLU, but negative inputs keep a small slope alpha instead of becoming 0.',
  params: { alpha: float({ min: 0, default: 0.3, help: 'Slope for negative inputs.' }) },
  outputShape: ([x]) => x,
  paramCount: () => 0,
  sampleInputs: sampleAnyRank,
  sampleParams: (rng) => ({ alpha: Math.round(rng() * 100) / 100 }),
});
