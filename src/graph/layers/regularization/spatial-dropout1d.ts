import { defineLayer } from '../../define';
import { float } from '../../params';
import { formatShape, ShapeError } from '../../shape';
import { randInt } from '../conv/conv-shape';

/** Drops whole channels of a sequence during training. */
export const spatialDropout1d = defineLayer({
  type: 'SpatialDropout1D',
  category: 'Regularization',
  description:
    'During training, drops whole channels of a sequence (None, steps, channels) rather than single values.',
  params: {
    rate: float({ min: 0, max: 1, maxExclusive: true, default: 0.5, help: 'Fraction of channels to drop.' }),
  },
  outputShape: ([x]) => {
    if (x.length !== 3) {
      throw new ShapeError(
        `SpatialDropout1D needs a rank-3 input (None, steps, channels); it got ${formatShape(x)}.${x.length === 2 ? ' For a flat vector use Dropout.' : ''}`,
      );
    }
    return x;
  },
  paramCount: () => 0,
  sampleInputs: (rng) =>
    rng() < 0.9 ? [[null, randInt(rng, 1, 20), randInt(rng, 1, 16)]] : [[null, randInt(rng, 1, 16)]],
  sampleParams: (rng) => ({ rate: Math.round(rng() * 90) / 100 }),
});
