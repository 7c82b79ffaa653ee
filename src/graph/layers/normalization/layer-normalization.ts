import { defineLayer } from '../../define';
import { bool, float, int } from '../../params';
import { featureAxisSize, resolveAxis, sampleAxis, sampleFeatureShape } from './norm-shape';

/** Normalises each sample over its feature axis. */
export const layerNormalization = defineLayer({
  type: 'LayerNormalization',
  category: 'Normalization',
  description:
    'Normalises each sample over its features, independent of the batch; common in sequence models.',
  params: {
    axis: int({
      min: -4,
      max: 4,
      default: -1,
      help: 'The axis to normalise over, usually -1 (the features).',
    }),
    epsilon: float({ min: 0, default: 0.001, help: 'Added to the variance to avoid dividing by zero.' }),
    center: bool(true, 'Learn an offset (beta).'),
    scale: bool(true, 'Learn a scale (gamma).'),
  },
  // Without gamma and beta TF.js needs no size for the axis, so even the batch axis is accepted.
  outputShape: ([x], p) => {
    if (p.center || p.scale) featureAxisSize('LayerNormalization', x, p.axis);
    else resolveAxis('LayerNormalization', x, p.axis);
    return x;
  },
  paramCount: ([x], p) => {
    const weights = (p.center ? 1 : 0) + (p.scale ? 1 : 0);
    return weights === 0 ? 0 : weights * featureAxisSize('LayerNormalization', x, p.axis);
  },
  // TF.js writes `axis` as a list (`[1]`); one axis is all the studio models, so a one-element list is unwrapped.
  fromKeras: (config) => {
    const { axis, epsilon, center, scale } = config;
    const one = Array.isArray(axis) && axis.length === 1 ? axis[0] : axis;
    const out: Record<string, unknown> = { epsilon, center, scale };
    if (typeof one === 'number') out.axis = one;
    return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
  },
  sampleInputs: (rng) => [sampleFeatureShape(rng)],
  sampleParams: (rng) => ({ axis: sampleAxis(rng) }),
});
