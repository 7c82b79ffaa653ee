import { defineLayer } from '../../define';
import { dimList, oneOf } from '../../params';

/** The model's entry point: fixes the shape of one sample. */
export const input = defineLayer({
  type: 'Input',
  category: 'Input',
  description: 'Entry point of the model: the shape of one sample, without the batch.',
  params: {
    shape: dimList({
      default: [28, 28, 1],
      minLength: 1,
      maxLength: 4,
      help: 'One sample, e.g. 28, 28, 1; None (or an empty entry) for a size that varies, e.g. None for token ids of any length.',
    }),
    dtype: oneOf(['float32', 'int32'], 'float32', 'int32 for token ids fed to an Embedding.'),
  },
  inputs: { min: 0, max: 0 },
  outputShape: (_inputs, p) => [null, ...p.shape],
  paramCount: () => 0,
  toTfjs: (p) => ({
    className: 'InputLayer',
    config: { batchInputShape: [null, ...p.shape], dtype: p.dtype },
  }),
  fromKeras: (c) => {
    const bis = (c.batchInputShape ?? c.batchShape) as (number | null)[] | undefined;
    // Keras' None (an unknown size, e.g. a sequence of any length) stays None.
    const shape = bis?.slice(1).map((d) => (typeof d === 'number' ? d : null));
    return { ...(shape ? { shape } : {}), ...(c.dtype === 'int32' ? { dtype: 'int32' } : {}) };
  },
  sampleInputs: () => [],
  sampleParams: (rng) => ({
    shape: Array.from({ length: 1 + Math.floor(rng() * 3) }, () =>
      rng() < 0.2 ? null : 1 + Math.floor(rng() * 9),
    ),
  }),
});
