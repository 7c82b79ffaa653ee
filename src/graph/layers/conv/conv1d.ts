import type { Params } from '../../types';
import { defineLayer, pickKnown } from '../../define';
import { activation, bool, int, oneOf } from '../../params';
import { channelsOf, expectSequence, randInt, scalarOf, slideWindow, stridesOrDilation } from './conv-shape';

const params = {
  filters: int({ min: 1, default: 32, help: 'Number of output channels.' }),
  kernelSize: int({ min: 1, default: 3, help: 'Length of the window along the steps.' }),
  strides: int({ min: 1, default: 1 }),
  // TF.js accepts "causal" in the config but its conv1d cannot run it, so it is not offered.
  padding: oneOf(['valid', 'same'], 'valid', '"same" keeps the number of steps (with stride 1).'),
  dilationRate: int({ min: 1, default: 1 }),
  activation: activation('linear'),
  useBias: bool(true),
};

/** A 1-D convolution over sequences (time series, text embeddings). */
export const conv1d = defineLayer({
  type: 'Conv1D',
  category: 'Convolution',
  description: 'Slides learned filters along a sequence (None, steps, channels) to detect local patterns.',
  params,
  check: stridesOrDilation,
  outputShape: ([x], p) => {
    expectSequence('Conv1D', x);
    channelsOf('Conv1D', x);
    const w = { size: [p.kernelSize], strides: [p.strides], padding: p.padding, dilation: [p.dilationRate] };
    return slideWindow('Conv1D', x, w, p.filters, 'kernel');
  },
  paramCount: ([x], p) => p.kernelSize * channelsOf('Conv1D', x) * p.filters + (p.useBias ? p.filters : 0),
  // TF.js stores kernelSize, strides and dilationRate as one-element arrays.
  fromKeras: (c) => {
    const out: Params = pickKnown(params, c);
    for (const k of ['kernelSize', 'strides', 'dilationRate'] as const) {
      const n = scalarOf(c[k]);
      if (n !== undefined && n >= 1) out[k] = n;
    }
    return out;
  },
  // Sometimes a sequence of any length (None steps), which tfjs keeps as None.
  sampleInputs: (rng) => [[null, rng() < 0.2 ? null : randInt(rng, 3, 30), randInt(rng, 1, 6)]],
  sampleParams: (rng) => {
    const dil = rng() < 0.2;
    return {
      filters: randInt(rng, 1, 16),
      kernelSize: randInt(rng, 1, 5),
      strides: dil ? 1 : randInt(rng, 1, 3),
      dilationRate: dil ? randInt(rng, 2, 3) : 1,
      padding: rng() < 0.5 ? 'valid' : 'same',
      useBias: rng() < 0.8,
    };
  },
});
