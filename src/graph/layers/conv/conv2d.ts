import { defineLayer } from '../../define';
import { activation, bool, int, intTuple, oneOf } from '../../params';
import { convOutputLength, expectPositive, formatShape, lastDim, ShapeError } from '../../shape';
import type { Shape } from '../../types';

/** The fix offered when a 2-D layer receives a flat vector that is a square image. */
export function reshapeToImageFix(x: Shape) {
  const n = x.length === 2 ? x[1] : null;
  const side = n ? Math.round(Math.sqrt(n)) : 0;
  if (n && side * side === n)
    return {
      kind: 'insertBefore' as const,
      label: `Insert Reshape [${side}, ${side}, 1]`,
      port: 0,
      layer: { type: 'Reshape', params: { targetShape: [side, side, 1] } },
    };
  return undefined;
}

/** Checks a rank-4 image input (None, h, w, c) for a 2-D layer, with a fix for flat inputs. */
export function expectImage(layer: string, x: Shape): void {
  if (x.length !== 4) {
    const fix = reshapeToImageFix(x);
    throw new ShapeError(
      `${layer} needs a rank-4 input (None, h, w, c); it got ${formatShape(x)}.${fix ? ` ${fix.label} before it.` : ''}`,
      fix,
      { code: fix ? 'imageRankFix' : 'imageRank', values: { layer, got: formatShape(x) } },
    );
  }
}

/** A 2-D convolution over images. */
export const conv2d = defineLayer({
  type: 'Conv2D',
  category: 'Convolution',
  description: 'Slides learned filters over an image (None, h, w, c) to detect local patterns.',
  params: {
    filters: int({ min: 1, default: 32, help: 'Number of output channels.' }),
    kernelSize: intTuple(2, { min: 1, default: [3, 3], labels: ['h', 'w'] }),
    strides: intTuple(2, { min: 1, default: [1, 1], labels: ['h', 'w'] }),
    padding: oneOf(['valid', 'same'], 'valid', '"same" keeps the spatial size (with stride 1).'),
    dilationRate: intTuple(2, { min: 1, default: [1, 1], labels: ['h', 'w'] }),
    activation: activation('relu'),
    useBias: bool(true),
  },
  check: (p) =>
    p.strides.some((s: number) => s > 1) && p.dilationRate.some((d: number) => d > 1)
      ? 'Strides above 1 cannot be combined with a dilation rate above 1 (TF.js refuses it).'
      : null,
  outputShape: ([x], p) => {
    expectImage('Conv2D', x);
    lastDim('Conv2D', x, 'channel (last)');
    const out: Shape = [
      x[0],
      convOutputLength(x[1], p.kernelSize[0], p.padding, p.strides[0], p.dilationRate[0]),
      convOutputLength(x[2], p.kernelSize[1], p.padding, p.strides[1], p.dilationRate[1]),
      p.filters,
    ];
    expectPositive('Conv2D', x, out, 'kernel size');
    return out;
  },
  paramCount: ([x], p) =>
    p.kernelSize[0] * p.kernelSize[1] * lastDim('Conv2D', x) * p.filters + (p.useBias ? p.filters : 0),
  sampleInputs: (rng) => [
    [null, 4 + Math.floor(rng() * 12), 4 + Math.floor(rng() * 12), 1 + Math.floor(rng() * 4)],
  ],
  sampleParams: (rng) => {
    const dil = rng() < 0.2;
    const r = () => 1 + Math.floor(rng() * 3);
    return {
      filters: 1 + Math.floor(rng() * 16),
      kernelSize: [r(), r()],
      strides: dil ? [1, 1] : [r(), r()],
      dilationRate: dil ? [r(), r()] : [1, 1],
      padding: rng() < 0.5 ? 'valid' : 'same',
      useBias: rng() < 0.8,
    };
  },
});
