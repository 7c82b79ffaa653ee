import { defineLayer } from '../../define';
import { activation, bool, int, intTuple, oneOf } from '../../params';
import { expectImage } from './conv2d';
import { channelsOf, randInt, slideWindow, stridesOrDilation } from './conv-shape';

/** A depthwise convolution per channel followed by a 1×1 pointwise convolution. */
export const separableConv2d = defineLayer({
  type: 'SeparableConv2D',
  category: 'Convolution',
  description:
    'A cheaper Conv2D: filters each channel on its own, then mixes channels with a 1×1 convolution.',
  params: {
    filters: int({ min: 1, default: 32, help: 'Number of output channels.' }),
    kernelSize: intTuple(2, { min: 1, default: [3, 3], labels: ['h', 'w'] }),
    strides: intTuple(2, { min: 1, default: [1, 1], labels: ['h', 'w'] }),
    padding: oneOf(['valid', 'same'], 'valid', '"same" keeps the spatial size (with stride 1).'),
    dilationRate: intTuple(2, { min: 1, default: [1, 1], labels: ['h', 'w'] }),
    depthMultiplier: int({ min: 1, default: 1, help: 'Depthwise output channels per input channel.' }),
    activation: activation('linear'),
    useBias: bool(true),
  },
  check: stridesOrDilation,
  outputShape: ([x], p) => {
    expectImage('SeparableConv2D', x);
    channelsOf('SeparableConv2D', x);
    const w = { size: p.kernelSize, strides: p.strides, padding: p.padding, dilation: p.dilationRate };
    return slideWindow('SeparableConv2D', x, w, p.filters, 'kernel');
  },
  paramCount: ([x], p) => {
    const mid = channelsOf('SeparableConv2D', x) * p.depthMultiplier;
    return p.kernelSize[0] * p.kernelSize[1] * mid + mid * p.filters + (p.useBias ? p.filters : 0);
  },
  // TF.js 4.22's SeparableConv2D.getConfig() omits depthMultiplier, so a saved model.json loses it; keep the
  // catalog's round trip honest by sampling only 1 here (conv.test.ts cross-checks larger multipliers).
  sampleInputs: (rng) => [[null, randInt(rng, 3, 14), randInt(rng, 3, 14), randInt(rng, 1, 4)]],
  sampleParams: (rng) => {
    const dil = rng() < 0.2;
    const r = () => randInt(rng, 1, 3);
    return {
      filters: randInt(rng, 1, 16),
      kernelSize: [r(), r()],
      strides: dil ? [1, 1] : [r(), r()],
      dilationRate: dil ? [r(), r()] : [1, 1],
      depthMultiplier: 1,
      padding: rng() < 0.5 ? 'valid' : 'same',
      useBias: rng() < 0.8,
    };
  },
});
