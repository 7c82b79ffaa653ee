import { defineLayer } from '../../define';
import { activation, bool, int, intTuple, oneOf } from '../../params';
import { deconvOutputLength } from '../../shape';
import type { Shape } from '../../types';
import { expectImage } from './conv2d';
import { channelsOf, randInt } from './conv-shape';

/** A transposed 2-D convolution ("deconvolution") that upsamples images. */
export const conv2dTranspose = defineLayer({
  type: 'Conv2DTranspose',
  category: 'Convolution',
  description: 'Learned upsampling: the transpose of Conv2D, growing (None, h, w, c) by the strides.',
  params: {
    filters: int({ min: 1, default: 32, help: 'Number of output channels.' }),
    kernelSize: intTuple(2, { min: 1, default: [3, 3], labels: ['h', 'w'] }),
    strides: intTuple(2, {
      min: 1,
      default: [1, 1],
      labels: ['h', 'w'],
      help: 'Upsampling factor per axis.',
    }),
    padding: oneOf(['valid', 'same'], 'valid', '"same" multiplies the size by the strides exactly.'),
    // TF.js's Conv2DTranspose has no dilation and no outputPadding, so neither is offered.
    activation: activation('linear'),
    useBias: bool(true),
  },
  outputShape: ([x], p) => {
    expectImage('Conv2DTranspose', x);
    channelsOf('Conv2DTranspose', x);
    const out: Shape = [
      x[0],
      deconvOutputLength(x[1], p.kernelSize[0], p.padding, p.strides[0]),
      deconvOutputLength(x[2], p.kernelSize[1], p.padding, p.strides[1]),
      p.filters,
    ];
    return out;
  },
  paramCount: ([x], p) =>
    p.kernelSize[0] * p.kernelSize[1] * channelsOf('Conv2DTranspose', x) * p.filters +
    (p.useBias ? p.filters : 0),
  sampleInputs: (rng) => [[null, randInt(rng, 1, 12), randInt(rng, 1, 12), randInt(rng, 1, 4)]],
  sampleParams: (rng) => {
    const r = () => randInt(rng, 1, 4);
    return {
      filters: randInt(rng, 1, 16),
      kernelSize: [r(), r()],
      strides: [randInt(rng, 1, 3), randInt(rng, 1, 3)],
      padding: rng() < 0.5 ? 'valid' : 'same',
      useBias: rng() < 0.8,
    };
  },
});
