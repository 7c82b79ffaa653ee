import { defineLayer } from '../../define';
import type { Shape } from '../../types';
import { expectImage } from '../conv/conv2d';
import { randInt } from '../conv/conv-shape';
import { fromNested, sampleSides, sideParams, toNested } from './side-params';

const grow = (d: number | null, a: number, b: number) => (d === null ? null : d + a + b);

/** Adds rows and columns of zeros around an image. */
export const zeroPadding2d = defineLayer({
  type: 'ZeroPadding2D',
  category: 'Reshaping',
  description:
    'Adds rows and columns of zeros around each image, e.g. to keep borders through a convolution.',
  params: sideParams(1, 'of zeros added'),
  outputShape: ([x], p) => {
    expectImage('ZeroPadding2D', x);
    const out: Shape = [x[0], grow(x[1], p.top, p.bottom), grow(x[2], p.left, p.right), x[3]];
    return out;
  },
  paramCount: () => 0,
  toTfjs: (p) => ({ className: 'ZeroPadding2D', config: { padding: toNested(p) } }),
  fromKeras: (c) => fromNested(c.padding),
  sampleInputs: (rng) =>
    rng() < 0.9 ? [[null, randInt(rng, 1, 12), randInt(rng, 1, 12), randInt(rng, 1, 4)]] : [[null, 16]],
  sampleParams: (rng) => sampleSides(rng, 3),
});
