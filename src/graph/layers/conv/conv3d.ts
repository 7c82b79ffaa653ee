import { defineLayer } from '../../define';
import { activation, bool, int, intTuple, oneOf } from '../../params';
import { channelsOf, expectVolume, randInt, slideWindow, stridesOrDilation } from './conv-shape';

const dhw = ['d', 'h', 'w'] as const;

/** A 3-D convolution over volumes or video clips. */
export const conv3d = defineLayer({
  type: 'Conv3D',
  category: 'Convolution',
  description: 'Slides learned 3-D filters over a volume or clip (None, depth, h, w, c).',
  params: {
    filters: int({ min: 1, default: 32, help: 'Number of output channels.' }),
    kernelSize: intTuple(3, { min: 1, default: [3, 3, 3], labels: dhw }),
    strides: intTuple(3, { min: 1, default: [1, 1, 1], labels: dhw }),
    padding: oneOf(['valid', 'same'], 'valid', '"same" keeps the spatial size (with stride 1).'),
    dilationRate: intTuple(3, { min: 1, default: [1, 1, 1], labels: dhw }),
    activation: activation('linear'),
    useBias: bool(true),
  },
  check: stridesOrDilation,
  outputShape: ([x], p) => {
    expectVolume('Conv3D', x);
    channelsOf('Conv3D', x);
    const w = { size: p.kernelSize, strides: p.strides, padding: p.padding, dilation: p.dilationRate };
    return slideWindow('Conv3D', x, w, p.filters, 'kernel');
  },
  paramCount: ([x], p) =>
    p.kernelSize[0] * p.kernelSize[1] * p.kernelSize[2] * channelsOf('Conv3D', x) * p.filters +
    (p.useBias ? p.filters : 0),
  sampleInputs: (rng) => [
    [null, randInt(rng, 1, 8), randInt(rng, 2, 10), randInt(rng, 2, 10), randInt(rng, 1, 3)],
  ],
  sampleParams: (rng) => {
    const dil = rng() < 0.2;
    const r = () => randInt(rng, 1, 3);
    return {
      filters: randInt(rng, 1, 8),
      kernelSize: [r(), r(), r()],
      strides: dil ? [1, 1, 1] : [r(), r(), r()],
      dilationRate: dil ? [r(), r(), r()] : [1, 1, 1],
      padding: rng() < 0.5 ? 'valid' : 'same',
      useBias: rng() < 0.8,
    };
  },
});
