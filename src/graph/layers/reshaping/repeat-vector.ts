import { defineLayer } from '../../define';
import { int } from '../../params';
import { formatShape, ShapeError } from '../../shape';
import { randInt } from '../conv/conv-shape';

/** Repeats a vector n times into a sequence. */
export const repeatVector = defineLayer({
  type: 'RepeatVector',
  category: 'Reshaping',
  description:
    'Repeats each vector n times: (None, features) → (None, n, features), e.g. to feed a decoder RNN.',
  params: { n: int({ min: 1, default: 2, help: 'How many times to repeat the input.' }) },
  outputShape: ([x], p) => {
    if (x.length !== 2) {
      const fix =
        x.length > 2
          ? {
              kind: 'insertBefore' as const,
              label: 'Insert Flatten',
              port: 0,
              layer: { type: 'Flatten', params: {} },
            }
          : undefined;
      throw new ShapeError(
        `RepeatVector needs a rank-2 input (None, features); it got ${formatShape(x)}.${fix ? ' Insert Flatten before it.' : ''}`,
        fix,
      );
    }
    return [x[0], p.n, x[1]];
  },
  paramCount: () => 0,
  sampleInputs: (rng) =>
    rng() < 0.9 ? [[null, randInt(rng, 1, 32)]] : [[null, randInt(rng, 1, 4), randInt(rng, 1, 4)]],
  sampleParams: (rng) => ({ n: randInt(rng, 1, 10) }),
});
