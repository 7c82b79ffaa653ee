import { defineLayer } from '../../define';
import { activation, bool, int, intTuple, oneOf } from '../../params';
import { expectImage } from './conv2d';
import { channelsOf, randInt, slideWindow } from './conv-shape';

/** A convolution that filters each input channel on its own. */
export const depthwiseConv2d = defineLayer({
  type: 'DepthwiseConv2D',
  category: 'Convolution',
  description: 'Filters each channel of an image on its own; outputs channels × depthMultiplier channels.',
  params: {
    kernelSize: intTuple(2, { min: 1, default: [3, 3], labels: ['h', 'w'] }),
    strides: intTuple(2, { min: 1, default: [1, 1], labels: ['h', 'w'] }),
    padding: oneOf(['valid', 'same'], 'valid', '"same" keeps the spatial size (with stride 1).'),
    depthMultiplier: int({ min: 1, default: 1, help: 'Output channels per input channel.' }),
    // TF.js's DepthwiseConv2D ignores dilationRate in both its shape and its op, so it is not offered.
    activation: activation('linear'),
    useBias: bool(true),
  },
  outputShape: ([x], p) => {
    expectImage('DepthwiseConv2D', x);
    const c = channelsOf('DepthwiseConv2D', x);
    const w = { size: p.kernelSize, strides: p.strides, padding: p.padding };
    return slideWindow('DepthwiseConv2D', x, w, c * p.depthMultiplier, 'kernel');
  },
  paramCount: ([x], p) => {
    const out = channelsOf('DepthwiseConv2D', x) * p.depthMultiplier;
    return p.kernelSize[0] * p.kernelSize[1] * out + (p.useBias ? out : 0);
  },
  sampleInputs: (rng) => [[null, randInt(rng, 1, 14), randInt(rng, 1, 14), randInt(rng, 1, 6)]],
  sampleParams: (rng) => {
    const r = () => randInt(rng, 1, 3);
    return {
      kernelSize: [r(), r()],
      strides: [r(), r()],
      depthMultiplier: randInt(rng, 1, 3),
      padding: rng() < 0.5 ? 'valid' : 'same',
      useBias: rng() < 0.8,
    };
  },
});
