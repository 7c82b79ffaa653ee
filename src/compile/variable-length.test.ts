import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ChainStep, chain, checkParam, formatShape, getSpec, inferGraph, updateParams } from '../graph';
import { type DatasetSignature, checkDatasetModel } from '../data/check';
import { compileGraph } from './compile';
import { modelJsonToGraph } from './import-model';
import { BILSTM_TAGGER, bilstmTagger } from './testing/bilstm-tagger-fixture';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Token ids of any length (Input [None]) → Embedding → LSTM → Dense: the smallest variable-length classifier. */
const textClassifier = () =>
  chain([
    ['Input', { shape: [null], dtype: 'int32' }, 'tokens'],
    ['Embedding', { inputDim: 20, outputDim: 8 }, 'embed'],
    ['LSTM', { units: 16 }, 'lstm'],
    ['Dense', { units: 3, activation: 'softmax' }, 'classes'],
  ]);

describe('variable-length (None) dimensions', () => {
  it('imports the BiLSTM tagger keeping (None, None, 27) and its 6,848,795 parameters, as tfjs builds it', () => {
    const { graph, warnings } = modelJsonToGraph(BILSTM_TAGGER);
    expect(warnings).toEqual([]);
    const info = inferGraph(graph);
    const shapes = Object.fromEntries(
      graph.nodes.map((n) => [n.name, formatShape(info.nodes.get(n.id)!.shape!)]),
    );
    expect(shapes).toEqual({
      tokens: '(None, None)',
      embedding: '(None, None, 128)',
      bidirectional: '(None, None, 512)',
      tags: '(None, None, 27)',
    });
    expect(info.total).toEqual({ trainable: 6_848_795, nonTrainable: 0 });
    // tfjs builds the same model from the imported graph (smaller, since tfjs' CPU orthogonal init of a
    // 256-unit LSTM takes minutes): the same layers with vocab 500, dim 16, 8 units.
    const small = modelJsonToGraph(bilstmTagger(500, 16, 8)).graph;
    const model = compileGraph(small);
    expect(model.outputs[0].shape).toEqual([null, null, 27]);
    expect(model.countParams()).toBe(inferGraph(small).total.trainable);
    expect(model.countParams()).toBe(500 * 16 + 2 * 4 * (16 * 8 + 8 * 8 + 8) + (16 * 27 + 27));
    model.dispose();
  });

  it('compiles Input [None] → Embedding → LSTM → Dense and trains on fixed-length ids, then reads another length', async () => {
    const { graph, ids } = textClassifier();
    const info = inferGraph(graph);
    expect(info.errorCount).toBe(0);
    expect(ids.map((id) => formatShape(info.nodes.get(id)!.shape!))).toEqual([
      '(None, None)',
      '(None, None, 8)',
      '(None, 16)',
      '(None, 3)',
    ]);
    const model = compileGraph(graph);
    expect(model.inputs[0].shape).toEqual([null, null]);
    expect(model.countParams()).toBe(info.total.trainable);
    model.compile({ optimizer: tf.train.adam(0.02), loss: 'sparseCategoricalCrossentropy' });
    // The class is the last token's id mod 3: learnable from the last LSTM step.
    const n = 64;
    const steps = 12;
    const idsArr = Array.from({ length: n * steps }, (_, i) => (i * 7 + Math.floor(i / steps) * 13) % 20);
    const x = tf.tensor2d(idsArr, [n, steps], 'int32');
    const y = tf.tensor1d(
      Array.from({ length: n }, (_, s) => idsArr[s * steps + steps - 1] % 3),
      'float32',
    );
    const losses: number[] = [];
    for (let i = 0; i < 25; i++) losses.push((await model.trainOnBatch(x, y)) as number);
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(losses[losses.length - 1]).toBeLessThan(losses[0]);
    // The same model reads sequences of another length: the None was kept.
    const other = tf.tensor2d([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [2, 5], 'int32');
    const p = model.predict(other) as tf.Tensor;
    expect(p.shape).toEqual([2, 3]);
    tf.dispose([x, y, other, p]);
    model.dispose();
  });

  it('Flatten after a None axis says why and what to use instead', () => {
    const sentence =
      'Flatten needs every dimension known; it got (None, None, 8), where None is a size that varies. Replace Flatten with GlobalAveragePooling1D, which averages over that axis, or give the Input a fixed size there.';
    const steps: ChainStep[] = [
      ['Input', { shape: [12], dtype: 'int32' }],
      ['Embedding', { inputDim: 20, outputDim: 8 }],
      ['Flatten'],
      ['Dense', { units: 2 }],
    ];
    // Typing None into a working model's Input: the Flatten node shows the sentence.
    const { graph, ids } = chain(steps);
    const node = inferGraph(updateParams(graph, ids[0], { shape: [null] })).nodes.get(ids[2])!;
    expect(node.status).toBe('error');
    expect(node.message).toBe(sentence);
    expect(node.detail).toEqual({
      code: 'flattenUnknownPool',
      values: { got: '(None, None, 8)', pool: 'GlobalAveragePooling1D' },
    });
    // Connecting a Flatten after a None axis is refused with the same sentence.
    const withNone: ChainStep[] = [['Input', { shape: [null], dtype: 'int32' }], ...steps.slice(1)];
    expect(() => chain(withNone)).toThrow(`Cannot connect embedding → flatten: ${sentence}`);
  });

  it('the Input shape accepts None and still refuses sizes below 1', () => {
    const def = getSpec('Input')!.params.shape;
    expect(checkParam('shape', def, [null])).toBeNull();
    expect(checkParam('shape', def, [null, 28])).toBeNull();
    expect(checkParam('shape', def, [null, 0])).toBe('shape values must be at least 1. Received: [null,0]');
    // Other lists still refuse None.
    expect(checkParam('targetShape', getSpec('Reshape')!.params.targetShape, [null, 4])).toBe(
      'targetShape must be a list of whole numbers, e.g. 28, 28, 1.',
    );
  });

  it('a None dimension matches any sample length in the dataset check', () => {
    const ds: DatasetSignature = {
      inputShape: [40],
      inputDtype: 'int32',
      labelKind: 'classes',
      targetShape: [1],
      numClasses: 3,
      classNames: ['a', 'b', 'c'],
    };
    const { graph } = textClassifier();
    expect(checkDatasetModel(ds, graph, inferGraph(graph), 'sparseCategoricalCrossentropy')).toEqual([]);
  });
});
