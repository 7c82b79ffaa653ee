import { defineLayer } from '../../define';
import { bool, float, int } from '../../params';
import { featureAxisSize, sampleAxis, sampleFeatureShape } from './norm-shape';

/** Normalises each feature with batch statistics; keeps moving averages for inference. */
export const batchNormalization = defineLayer({
  type: 'BatchNormalization',
  category: 'Normalization',
  description:
    'Normalises each feature (channel) with the statistics of the batch; speeds up and steadies training.',
  params: {
    axis: int({
      min: -4,
      max: 4,
      default: -1,
      help: 'The feature axis to normalise, usually -1 (channels last).',
    }),
    momentum: float({ min: 0, max: 1, default: 0.99, help: 'Momentum of the moving mean and variance.' }),
    epsilon: float({ min: 0, default: 0.001, help: 'Added to the variance to avoid dividing by zero.' }),
    center: bool(true, 'Learn an offset (beta).'),
    scale: bool(true, 'Learn a scale (gamma).'),
  },
  outputShape: ([x], p) => {
    featureAxisSize('BatchNormalization', x, p.axis);
    return x;
  },
  // gamma and beta train; the moving mean and variance are updated by statistics, not by gradients.
  paramCount: ([x], p) => {
    const d = featureAxisSize('BatchNormalization', x, p.axis);
    return { trainable: ((p.center ? 1 : 0) + (p.scale ? 1 : 0)) * d, nonTrainable: 2 * d };
  },
  sampleInputs: (rng) => [sampleFeatureShape(rng)],
  sampleParams: (rng) => ({ axis: sampleAxis(rng), momentum: Math.round(rng() * 100) / 100 }),
});
