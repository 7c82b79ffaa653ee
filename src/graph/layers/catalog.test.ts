import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerCustomLayers } from '../../compile/custom-layers';
import type { AnyLayerSpec, Rng } from '../define';
import { paramProblems, toParamCount, withDefaults } from '../define';
import { defaultsOf } from '../params';
import { ShapeError } from '../shape';
import { seededRng } from '../rng';
import type { NestedLayer, Params, Shape } from '../types';
import { ALL_LAYERS, specContext } from './index';
import { sampleParams } from './sample';

const RANDOM_CONFIGS = 40;

beforeAll(async () => {
  await tf.setBackend('cpu');
  // Keras classes TF.js lacks (Subtract) are the studio's own; tfjs knows them once registered.
  registerCustomLayers(tf);
});

interface TfjsResult {
  shape: Shape;
  trainable: number;
  nonTrainable: number;
}

/** Builds the layer through tfjs' own deserialiser (so toTfjs is exercised) and applies it symbolically. */
function tfjsLayer(className: string, config: Record<string, unknown>): tf.layers.Layer {
  const entry = tf.serialization.SerializationMap.getMap().classNameMap[className];
  if (!entry) throw new Error(`tfjs has no class ${className}`);
  const [cls, fromConfig] = entry;
  // tfjs constructors mutate their config (Reshape rewrites -1 in place): hand them a copy.
  return fromConfig(cls, structuredClone(config) as tf.serialization.ConfigDict) as tf.layers.Layer;
}

const isNested = (v: unknown): v is NestedLayer =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && 'type' in v && 'params' in v;

/** Random params for a spec; a wrapper's nested layer gets params from its own spec's sampler (the wrapper's win). */
function sampleCase(spec: AnyLayerSpec, rng: Rng): Params {
  const p = withDefaults(spec, sampleParams(spec, rng));
  for (const [k, v] of Object.entries(p)) {
    const inner = isNested(v) ? specContext.spec(v.type) : undefined;
    if (isNested(v) && inner)
      p[k] = { type: v.type, params: withDefaults(inner, { ...sampleParams(inner, rng), ...v.params }) };
  }
  return p;
}

/** True when the params, or a nested layer's params, have a problem the inspector would show. */
function hasProblems(spec: AnyLayerSpec, p: Params): boolean {
  if (Object.keys(paramProblems(spec, p)).length > 0) return true;
  return Object.values(p).some((v) => {
    const inner = isNested(v) ? specContext.spec(v.type) : undefined;
    return isNested(v) && (!inner || Object.keys(paramProblems(inner, v.params)).length > 0);
  });
}

function runTfjs(type: string, inputs: Shape[], params: Params): TfjsResult {
  const spec = specContext.spec(type)!;
  const { className, config } = spec.toTfjs(params, specContext);
  if (inputs.length === 0) {
    const x = tf.input({
      batchShape: config.batchInputShape as number[],
      dtype: config.dtype as tf.DataType,
    });
    return { shape: x.shape, trainable: 0, nonTrainable: 0 };
  }
  const layer = tfjsLayer(className, config);
  const xs = inputs.map((s) => tf.input({ batchShape: s }));
  const y = layer.apply(xs.length === 1 ? xs[0] : xs) as tf.SymbolicTensor;
  // A weight of unknown size (tfjs' shape type allows null) counts as NaN, so it can never match a spec's count.
  const size = (ws: tf.LayerVariable[]) =>
    ws.reduce((n, w) => n + w.shape.reduce<number>((a, b) => a * (b ?? Number.NaN), 1), 0);
  return {
    shape: y.shape,
    trainable: size(layer.trainableWeights),
    nonTrainable: size(layer.nonTrainableWeights),
  };
}

describe.each(ALL_LAYERS.map((s) => [s.type, s] as const))('%s', (type, spec) => {
  it('has valid defaults that survive a JSON round trip', () => {
    const p = defaultsOf(spec.params);
    expect(paramProblems(spec, p)).toEqual({});
    expect(hasProblems(spec, p)).toBe(false);
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
    expect(spec.description.length).toBeGreaterThan(10);
  });

  it('maps its params to a TF.js config and back (fromKeras ∘ getConfig = identity)', () => {
    const rng = seededRng(7);
    for (let i = 0; i < 10; i++) {
      const p = sampleCase(spec, rng);
      if (hasProblems(spec, p)) continue;
      const { className, config } = spec.toTfjs(p, specContext);
      const back =
        spec.inputs.max === 0
          ? config
          : (tfjsLayer(className, config).getConfig() as Record<string, unknown>);
      expect(withDefaults(spec, spec.fromKeras(back, specContext))).toEqual(p);
    }
  });

  it(`agrees with tfjs on output shape and parameter count for ${RANDOM_CONFIGS} random configs`, () => {
    const rng = seededRng(type.length * 1000 + 1);
    let compared = 0;
    for (let i = 0; i < RANDOM_CONFIGS; i++) {
      const p = sampleCase(spec, rng);
      if (hasProblems(spec, p)) continue;
      const inputs = spec.sampleInputs(rng);
      let ours: { shape: Shape; count: { trainable: number; nonTrainable: number } } | ShapeError;
      try {
        ours = {
          shape: spec.outputShape(inputs, p, specContext),
          count: toParamCount(spec.paramCount(inputs, p, specContext)),
        };
      } catch (e) {
        if (!(e instanceof ShapeError)) throw e;
        ours = e;
      }
      const label = `${type} ${JSON.stringify(p)} on ${JSON.stringify(inputs)}`;
      if (ours instanceof ShapeError) {
        // Where we refuse, tfjs must refuse too or produce an impossible shape.
        let theirs: TfjsResult | null = null;
        try {
          theirs = runTfjs(type, inputs, p);
        } catch {
          theirs = null;
        }
        expect(
          theirs === null || theirs.shape.some((d) => d !== null && !(d > 0)),
          `${label}: ${ours.message}`,
        ).toBe(true);
        continue;
      }
      const theirs = runTfjs(type, inputs, p);
      expect(ours.shape, label).toEqual(theirs.shape);
      expect(ours.count, label).toEqual({ trainable: theirs.trainable, nonTrainable: theirs.nonTrainable });
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(RANDOM_CONFIGS / 4);
  });
});

it('the catalog names every layer by a unique Keras class name', () => {
  const types = ALL_LAYERS.map((s) => s.type);
  expect(new Set(types).size).toBe(types.length);
});

/** Variable-length inputs: each case propagates None exactly as tfjs does (shape and weight count). */
describe('None dimensions beyond the batch', () => {
  const lstm = (p: Params = {}) => ({ type: 'LSTM', params: withDefaults(specContext.spec('LSTM')!, p) });
  const dense = (units: number) => ({
    type: 'Dense',
    params: withDefaults(specContext.spec('Dense')!, { units }),
  });
  const cases: [string, Shape, Params, Shape][] = [
    ['Embedding', [null, null], { inputDim: 100, outputDim: 8 }, [null, null, 8]],
    ['LSTM', [null, null, 8], { units: 5 }, [null, 5]],
    ['LSTM', [null, null, 8], { units: 5, returnSequences: true }, [null, null, 5]],
    ['GRU', [null, null, 8], { units: 4, returnSequences: true }, [null, null, 4]],
    ['SimpleRNN', [null, null, 3], { units: 6 }, [null, 6]],
    [
      'Bidirectional',
      [null, null, 8],
      { layer: lstm({ units: 5, returnSequences: true }) },
      [null, null, 10],
    ],
    ['Bidirectional', [null, null, 8], { layer: lstm({ units: 5 }), mergeMode: 'sum' }, [null, 5]],
    ['TimeDistributed', [null, null, 10], { layer: dense(27) }, [null, null, 27]],
    ['Dense', [null, null, 10], { units: 7 }, [null, null, 7]],
    ['Conv1D', [null, null, 4], { filters: 6, kernelSize: 3 }, [null, null, 6]],
    ['Conv1D', [null, null, 4], { filters: 6, kernelSize: 3, strides: 2, padding: 'same' }, [null, null, 6]],
    ['MaxPooling1D', [null, null, 4], {}, [null, null, 4]],
    ['AveragePooling1D', [null, null, 4], { padding: 'same' }, [null, null, 4]],
    ['GlobalAveragePooling1D', [null, null, 4], {}, [null, 4]],
    ['GlobalMaxPooling1D', [null, null, 4], {}, [null, 4]],
    ['GlobalAveragePooling2D', [null, null, null, 3], {}, [null, 3]],
    ['MaxPooling2D', [null, null, 9, 3], {}, [null, null, 4, 3]],
  ];

  it.each(cases)('%s on %j keeps None like tfjs', (type, x, params, expected) => {
    const spec = specContext.spec(type)!;
    const p = withDefaults(spec, params);
    const ours = spec.outputShape([x], p, specContext);
    const theirs = runTfjs(type, [x], p);
    expect(ours).toEqual(expected);
    expect(ours).toEqual(theirs.shape);
    expect(toParamCount(spec.paramCount([x], p, specContext))).toEqual({
      trainable: theirs.trainable,
      nonTrainable: theirs.nonTrainable,
    });
  });

  it('an Input of shape [None] builds the same placeholder as tfjs', () => {
    const spec = specContext.spec('Input')!;
    const p = withDefaults(spec, { shape: [null], dtype: 'int32' });
    expect(spec.outputShape([], p, specContext)).toEqual([null, null]);
    expect(runTfjs('Input', [], p).shape).toEqual([null, null]);
  });

  it('Flatten, Dense and Reshape refuse a None they need, with a fix, where tfjs cannot build either', () => {
    const flat = () => specContext.spec('Flatten')!.outputShape([[null, null, 64]], {}, specContext);
    expect(flat).toThrow(
      'Flatten needs every dimension known; it got (None, None, 64), where None is a size that varies. Replace Flatten with GlobalAveragePooling1D, which averages over that axis, or give the Input a fixed size there.',
    );
    expect(() => runTfjs('Flatten', [[null, null, 64]], {})).toThrow();
    const d = specContext.spec('Dense')!;
    expect(() => d.outputShape([[null, null]], withDefaults(d, {}), specContext)).toThrow(
      /Dense needs a known feature \(last\) dimension; it got \(None, None\), whose last axis is None .* put a layer that sets it \(Embedding for token ids/,
    );
    const r = specContext.spec('Reshape')!;
    expect(() =>
      r.outputShape([[null, null, 8]], withDefaults(r, { targetShape: [-1, 4] }), specContext),
    ).toThrow(/Reshape cannot infer -1 from \(None, None, 8\).*Write every target size out instead of -1/);
  });
});
