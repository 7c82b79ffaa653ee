import type { SpecContext } from '../../define';
import { defineLayer, nested } from '../../define';
import { defaultsOf, layerParam } from '../../params';
import { formatShape, ShapeError } from '../../shape';
import type { NestedLayer, Shape } from '../../types';
import { dense } from '../core/dense';
import { nestedFromKeras, nestedResult, nestedToTfjs } from './nested';

/** Layers whose output is defined per time step (no merge, wrapper or input layers). */
const PER_STEP_TYPES = [
  'Dense',
  'Activation',
  'Dropout',
  'Flatten',
  'Reshape',
  'RepeatVector',
  'Conv1D',
  'Conv2D',
  'Conv2DTranspose',
  'SeparableConv2D',
  'DepthwiseConv2D',
  'MaxPooling1D',
  'MaxPooling2D',
  'AveragePooling1D',
  'AveragePooling2D',
  'GlobalMaxPooling1D',
  'GlobalAveragePooling1D',
  'GlobalMaxPooling2D',
  'GlobalAveragePooling2D',
  'UpSampling2D',
  'ZeroPadding2D',
  'Cropping2D',
  'BatchNormalization',
  'LayerNormalization',
  'SimpleRNN',
  'LSTM',
  'GRU',
] as const;

/** Types the cross-check samples: they exist in the catalog and accept the sampled (None, t, h, w, c) input. */
const SAMPLED_TYPES = [
  'Dense',
  'Conv2D',
  'MaxPooling2D',
  'Flatten',
  'Dropout',
  'BatchNormalization',
  'Activation',
];

/** The shape one time step has: the input without its time axis. */
function stepShape(layer: string, x: Shape): Shape {
  if (x.length < 3) {
    throw new ShapeError(
      `TimeDistributed applies ${layer} to every time step, so it needs an input of rank 3 or more (None, timesteps, …); it got ${formatShape(x)}. Use ${layer} on its own instead.`,
    );
  }
  return [x[0], ...x.slice(2)];
}

/** Runs the wrapped layer on one step; its message names the step shape, and its fixes (meant for the step) are dropped. */
function perStep(layer: NestedLayer, x: Shape, ctx: SpecContext) {
  const step = stepShape(layer.type, x);
  try {
    return nestedResult('TimeDistributed', layer, step, ctx);
  } catch (e) {
    if (!(e instanceof ShapeError)) throw e;
    throw new ShapeError(
      `TimeDistributed applies ${layer.type} to each step of ${formatShape(x)}: ${e.message}`,
    );
  }
}

/** Applies one layer to every time step of a sequence, sharing its weights. */
export const timeDistributed = defineLayer({
  type: 'TimeDistributed',
  category: 'Wrapper',
  description: 'Applies one layer (Dense, Conv2D …) to every time step of a sequence with the same weights.',
  params: {
    layer: layerParam(
      PER_STEP_TYPES,
      nested('Dense', defaultsOf(dense.params)),
      'The layer applied at each step.',
    ),
  },
  outputShape: ([x], p, ctx) => {
    const { shape } = perStep(p.layer, x, ctx);
    return [shape[0], x[1], ...shape.slice(1)];
  },
  paramCount: ([x], p, ctx) => perStep(p.layer, x, ctx).count,
  toTfjs: (p, ctx) => ({ className: 'TimeDistributed', config: { layer: nestedToTfjs(p.layer, ctx) } }),
  fromKeras: (c, ctx) => {
    const layer = nestedFromKeras(c.layer, ctx);
    return layer && PER_STEP_TYPES.some((t) => t === layer.type) ? { layer } : {};
  },
  // Always a sequence of images: TF.js does not refuse a 2-D layer on a too-small step (it invents a shape),
  // so lower ranks are checked in wrappers.test.ts instead.
  sampleInputs: (rng) => {
    const t = rng() < 0.2 ? null : 1 + Math.floor(rng() * 5);
    const d = () => 4 + Math.floor(rng() * 6);
    return [[null, t, d(), d(), 1 + Math.floor(rng() * 3)]];
  },
  // Only the type: the cross-check fills the wrapped layer's params from its own sampler.
  sampleParams: (rng) => ({ layer: nested(SAMPLED_TYPES[Math.floor(rng() * SAMPLED_TYPES.length)], {}) }),
});
