import { defineLayer, pickKnown } from '../../define';
import { int, intTuple, oneOf } from '../../params';
import { formatShape, ShapeError } from '../../shape';
import type { Params, Shape } from '../../types';
import { expectImage } from '../conv/conv2d';
import { expectSequence, expectVolume, randInt, scalarOf, slideWindow } from '../conv/conv-shape';

const padding = oneOf(['valid', 'same'], 'valid', '"same" pads so that every input position is covered.');

/** Shared shape rule of 1-D pooling layers: (None, steps, c) → (None, pooled steps, c). */
export function pool1dShape(
  layer: string,
  x: Shape,
  p: { poolSize: number; strides: number; padding: string },
): Shape {
  expectSequence(layer, x);
  return slideWindow(
    layer,
    x,
    { size: [p.poolSize], strides: [p.strides], padding: p.padding },
    x[2],
    'pool window',
  );
}

/** Declares a 1-D pooling layer (MaxPooling1D, AveragePooling1D). */
export function definePooling1D(type: string, description: string) {
  const params = {
    poolSize: int({ min: 1, default: 2, help: 'Window length along the steps.' }),
    strides: int({ min: 1, default: 2, help: 'Usually equal to the pool size.' }),
    padding,
  };
  return defineLayer({
    type,
    category: 'Pooling',
    description,
    params,
    outputShape: ([x], p) => pool1dShape(type, x, p),
    paramCount: () => 0,
    // TF.js stores poolSize and strides as one-element arrays.
    fromKeras: (c) => {
      const out: Params = pickKnown(params, c);
      for (const k of ['poolSize', 'strides'] as const) {
        const n = scalarOf(c[k]);
        if (n !== undefined && n >= 1) out[k] = n;
      }
      return out;
    },
    // Sometimes a sequence of any length (None steps), which tfjs keeps as None.
    sampleInputs: (rng) => [[null, rng() < 0.2 ? null : randInt(rng, 1, 30), randInt(rng, 1, 6)]],
    sampleParams: (rng) => ({
      poolSize: randInt(rng, 1, 4),
      strides: randInt(rng, 1, 4),
      padding: pick(rng),
    }),
  });
}

/** Declares a 2-D pooling layer (MaxPooling2D, AveragePooling2D). */
export function definePooling2D(type: string, description: string) {
  return defineLayer({
    type,
    category: 'Pooling',
    description,
    params: {
      poolSize: intTuple(2, { min: 1, default: [2, 2], labels: ['h', 'w'] }),
      strides: intTuple(2, {
        min: 1,
        default: [2, 2],
        labels: ['h', 'w'],
        help: 'Usually equal to the pool size.',
      }),
      padding,
    },
    outputShape: ([x], p) => pool2dShape(type, x, p),
    paramCount: () => 0,
    sampleInputs: (rng) => [[null, randInt(rng, 1, 15), randInt(rng, 1, 15), randInt(rng, 1, 4)]],
    sampleParams: (rng) => {
      const r = () => randInt(rng, 1, 3);
      return { poolSize: [r(), r()], strides: [r(), r()], padding: pick(rng) };
    },
  });
}

/** Shared shape rule of 2-D pooling layers. */
export function pool2dShape(
  layer: string,
  x: Shape,
  p: { poolSize: number[]; strides: number[] | null; padding: string },
): Shape {
  expectImage(layer, x);
  const w = { size: p.poolSize, strides: p.strides ?? p.poolSize, padding: p.padding };
  return slideWindow(layer, x, w, x[3], 'pool window');
}

/** Declares a 3-D pooling layer (MaxPooling3D, AveragePooling3D). */
export function definePooling3D(type: string, description: string) {
  const dhw = ['d', 'h', 'w'] as const;
  return defineLayer({
    type,
    category: 'Pooling',
    description,
    params: {
      poolSize: intTuple(3, { min: 1, default: [2, 2, 2], labels: dhw }),
      strides: intTuple(3, {
        min: 1,
        default: [2, 2, 2],
        labels: dhw,
        help: 'Usually equal to the pool size.',
      }),
      padding,
    },
    outputShape: ([x], p) => {
      expectVolume(type, x);
      return slideWindow(
        type,
        x,
        { size: p.poolSize, strides: p.strides, padding: p.padding },
        x[4],
        'pool window',
      );
    },
    paramCount: () => 0,
    sampleInputs: (rng) => [
      [null, randInt(rng, 1, 8), randInt(rng, 2, 10), randInt(rng, 2, 10), randInt(rng, 1, 3)],
    ],
    sampleParams: (rng) => {
      const r = () => randInt(rng, 1, 3);
      return { poolSize: [r(), r(), r()], strides: [r(), r(), r()], padding: pick(rng) };
    },
  });
}

/** Declares a global pooling layer over the steps of a sequence (rank 3). */
export function defineGlobalPooling1D(type: string, description: string, verb: string) {
  return defineLayer({
    type,
    category: 'Pooling',
    description,
    params: {},
    outputShape: ([x]) => {
      if (x.length !== 3) {
        const hint =
          x.length === 4
            ? ` For images use ${type.replace('1D', '2D')}.`
            : x.length === 2
              ? ' Its input is already one vector per sample, so it needs no pooling.'
              : '';
        throw new ShapeError(
          `${type} ${verb} over the steps of a sequence, so it needs a rank-3 input (None, steps, channels); it got ${formatShape(x)}.${hint}`,
        );
      }
      return [x[0], x[2]];
    },
    paramCount: () => 0,
    toTfjs: () => ({ className: type, config: {} }),
    sampleInputs: (rng) =>
      rng() < 0.9
        ? [[null, rng() < 0.25 ? null : randInt(rng, 1, 20), randInt(rng, 1, 16)]]
        : [[null, randInt(rng, 1, 16)]],
  });
}

/** Declares a global pooling layer over the height and width of an image (rank 4). */
export function defineGlobalPooling2D(type: string, description: string, verb: string) {
  return defineLayer({
    type,
    category: 'Pooling',
    description,
    params: {},
    outputShape: ([x]) => {
      if (x.length !== 4) throw new ShapeError(globalPooling2dMessage(type, verb, x));
      return [x[0], x[3]];
    },
    paramCount: () => 0,
    toTfjs: () => ({ className: type, config: {} }),
    sampleInputs: (rng) =>
      rng() < 0.9
        ? [
            [
              null,
              rng() < 0.2 ? null : randInt(rng, 1, 12),
              rng() < 0.2 ? null : randInt(rng, 1, 12),
              randInt(rng, 1, 16),
            ],
          ]
        : [[null, randInt(rng, 1, 16)]],
  });
}

function globalPooling2dMessage(type: string, verb: string, x: Shape): string {
  const base = `${type} ${verb} over the height and width of an image, so it needs a rank-4 input (None, h, w, channels); it got ${formatShape(x)}.`;
  if (x.length === 3) return `${base} For a sequence use ${type.replace('2D', '1D')}.`;
  if (x.length === 2)
    return `${base} Its input is already one vector per sample, so there is nothing to pool: connect it to the output of a Conv2D or pooling layer instead.`;
  return base;
}

const pick = (rng: () => number) => (rng() < 0.5 ? 'valid' : 'same');
