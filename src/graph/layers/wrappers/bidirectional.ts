import { defineLayer, nested } from '../../define';
import { defaultsOf, layerParam, oneOf } from '../../params';
import { lstm } from '../recurrent/lstm';
import { nestedFromKeras, nestedResult, nestedToTfjs } from './nested';

const RNN_TYPES = ['LSTM', 'GRU', 'SimpleRNN'] as const;
const MERGE_MODES = ['concat', 'sum', 'mul', 'ave'] as const;

/** Runs a recurrent layer forwards and backwards and merges both outputs. */
export const bidirectional = defineLayer({
  type: 'Bidirectional',
  category: 'Wrapper',
  description: 'Runs a recurrent layer over the sequence forwards and backwards and merges both results.',
  params: {
    layer: layerParam(
      RNN_TYPES,
      nested('LSTM', defaultsOf(lstm.params)),
      'The recurrent layer to run both ways.',
    ),
    mergeMode: oneOf(MERGE_MODES, 'concat', 'concat doubles the features; the others keep them.'),
  },
  outputShape: ([x], p, ctx) => {
    const { shape } = nestedResult('Bidirectional', p.layer, x, ctx);
    if (p.mergeMode !== 'concat') return shape;
    const last = shape[shape.length - 1];
    return [...shape.slice(0, -1), last === null ? null : last * 2];
  },
  // A forward and a backward copy of the wrapped layer, each with its own weights.
  paramCount: ([x], p, ctx) => {
    const { count } = nestedResult('Bidirectional', p.layer, x, ctx);
    return { trainable: 2 * count.trainable, nonTrainable: 2 * count.nonTrainable };
  },
  toTfjs: (p, ctx) => ({
    className: 'Bidirectional',
    config: { layer: nestedToTfjs(p.layer, ctx), mergeMode: p.mergeMode },
  }),
  fromKeras: (c, ctx) => {
    const layer = nestedFromKeras(c.layer, ctx);
    // TF.js also allows mergeMode null (two outputs); the graph has one output per node, so that imports as concat.
    const mergeMode = MERGE_MODES.find((m) => m === c.mergeMode) ?? 'concat';
    return { ...(layer && RNN_TYPES.some((t) => t === layer.type) ? { layer } : {}), mergeMode };
  },
  sampleInputs: (rng) => {
    const f = 1 + Math.floor(rng() * 8);
    return [rng() < 0.1 ? [null, f] : [null, rng() < 0.3 ? null : 1 + Math.floor(rng() * 10), f]];
  },
  // Only the type: the cross-check fills the wrapped layer's params from its own sampler.
  sampleParams: (rng) => ({ layer: nested(RNN_TYPES[Math.floor(rng() * RNN_TYPES.length)], {}) }),
});
