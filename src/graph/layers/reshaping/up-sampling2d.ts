import { defineLayer } from '../../define';
import { intTuple, oneOf } from '../../params';
import type { Shape } from '../../types';
import { expectImage } from '../conv/conv2d';
import { randInt } from '../conv/conv-shape';

/** Repeats rows and columns to enlarge an image. */
export const upSampling2d = defineLayer({
  type: 'UpSampling2D',
  category: 'Reshaping',
  description: 'Enlarges each image by repeating (or interpolating) rows and columns by a factor.',
  params: {
    size: intTuple(2, { min: 1, default: [2, 2], labels: ['h', 'w'], help: 'Upsampling factor per axis.' }),
    interpolation: oneOf(['nearest', 'bilinear'], 'nearest'),
  },
  outputShape: ([x], p) => {
    expectImage('UpSampling2D', x);
    const scale = (d: number | null, f: number) => (d === null ? null : d * f);
    const out: Shape = [x[0], scale(x[1], p.size[0]), scale(x[2], p.size[1]), x[3]];
    return out;
  },
  paramCount: () => 0,
  sampleInputs: (rng) =>
    rng() < 0.9 ? [[null, randInt(rng, 1, 10), randInt(rng, 1, 10), randInt(rng, 1, 4)]] : [[null, 16]],
  sampleParams: (rng) => ({ size: [randInt(rng, 1, 4), randInt(rng, 1, 4)] }),
});
