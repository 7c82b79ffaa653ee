import { describe, expect, it } from 'vitest';
import { chain, inferGraph, TEMPLATES, updateParams } from '../graph';
import { checkDatasetModel, signatureOf } from './check';
import { builtinSignature, suggestSettings } from './suggest';
import { DEFAULT_SPLIT } from './split';
import type { BuiltinId, DatasetConfig, DatasetSignature } from './types';

const builtin = (id: BuiltinId, samples = 1000): DatasetConfig => ({
  version: 1,
  source: { kind: 'builtin', id, seed: 1, samples },
  split: DEFAULT_SPLIT,
  augment: null,
  fitted: {},
});
/** The studio's first templates (the generative, agent and domain ones are checked by their own tests). */
const MINE = ['reference-cnn', 'tabular-mlp', 'spiral-mlp', 'lstm-text', 'residual-block', 'two-input'];
const spam = builtinSignature(builtin('spam'))!;

/** The LSTM template as it was before: 40 ids and 2,000 rows for a 100-id, 5,000-word dataset. */
const oldLstm = () =>
  chain([
    ['Input', { shape: [40], dtype: 'int32' }],
    ['Embedding', { inputDim: 2000, outputDim: 32 }],
    ['LSTM', { units: 32 }],
    ['Dense', { units: 2, activation: 'softmax' }],
  ]);

const check = (ds: DatasetSignature, g = oldLstm().graph) => checkDatasetModel(ds, g, inferGraph(g));

describe('index inputs in the dataset–model check', () => {
  it('finds both the sequence length and the too-small Embedding, and their fixes make the model fit', () => {
    const { graph, ids } = oldLstm();
    const issues = check(spam, graph);
    expect(issues.map((i) => i.message)).toEqual([
      'Each sample is (100,), but the Input "input" expects (40,): the model would get (None, 100).',
      'The Embedding "embedding" has inputDim 2,000, but the dataset\'s ids run up to 4,999 (a vocabulary of 5,000): ids from 2,000 on have no row to look up.',
    ]);
    expect(issues[1].fix).toEqual({
      label: 'Set inputDim to 5,000',
      nodeId: ids[1],
      params: { inputDim: 5000 },
    });
    let fixed = graph;
    for (const i of issues) fixed = updateParams(fixed, i.fix!.nodeId, i.fix!.params);
    expect(check(spam, fixed)).toEqual([]);
  });

  it('says an Embedding cannot look up float features', () => {
    const iris = builtinSignature(builtin('iris'))!;
    const g = chain([
      ['Input', { shape: [4] }],
      ['Embedding', { inputDim: 10, outputDim: 2 }],
      ['Flatten'],
      ['Dense', { units: 3, activation: 'softmax' }],
    ]).graph;
    expect(check(iris, g).map((i) => i.message)).toContain(
      'The Embedding "embedding" looks up integer ids, but this dataset holds numbers (float32): use a text dataset, or remove the Embedding.',
    );
  });

  it('measures the id range of loaded int32 data, with the vocabulary as its floor', () => {
    const x = { train: Int32Array.of(0, 3, 7), val: Int32Array.of(9), test: Int32Array.of(2) };
    const base = { ...spam, x, counts: { train: 3, val: 1, test: 1 } };
    expect(signatureOf(base).indexRange).toBe(10);
    expect(
      signatureOf({ ...base, format: { kind: 'text', vocabulary: Array(40).fill('w') } }).indexRange,
    ).toBe(40);
    expect(signatureOf(base).trainSamples).toBe(3);
  });
});

describe('templates fit their recommended datasets', () => {
  it.each(TEMPLATES.filter((t) => MINE.includes(t.id)).map((t) => [t.title, t] as const))(
    '%s passes the check with its dataset',
    (_title, t) => {
      const ds = builtinSignature(builtin(t.recommended!.dataset as BuiltinId))!;
      expect(check(ds, t.build())).toEqual([]);
    },
  );
});

describe('suggested settings', () => {
  it('gives a 150-row table 100 epochs of 16 and MNIST 5 of 32', () => {
    expect(suggestSettings(builtinSignature(builtin('iris'))!.trainSamples!)).toEqual({
      epochs: 100,
      batchSize: 16,
    });
    // MNIST as the Data tab sets it (all 70,000 digits): 55,000 training digits.
    expect(suggestSettings(builtinSignature(builtin('mnist', 70_000))!.trainSamples!)).toEqual({
      epochs: 5,
      batchSize: 32,
    });
    expect(suggestSettings(60_000)).toEqual({ epochs: 5, batchSize: 32 });
    expect(suggestSettings(800)).toEqual({ epochs: 16, batchSize: 16 });
  });
});
