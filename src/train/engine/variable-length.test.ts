import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chain } from '../../graph';
import { nodeBackends } from '../testing/backends';
import { runSession, startMessage } from '../testing/session';
import type { TrainingConfig } from '../types';
import { closeYieldChannel } from './control';
import { Feed, type TrainingData, toLongest } from './feed';

beforeAll(() => nodeBackends());
afterAll(() => closeYieldChannel());

const WIDTH = 12;

/** Texts of 1–8 token ids padded to 12 at the end; the label says whether id 3 occurs (the model must read it). */
function texts(count: number, seed: number): { x: Int32Array; y: Int32Array; count: number } {
  const x = new Int32Array(count * WIDTH);
  const y = new Int32Array(count);
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  for (let i = 0; i < count; i++) {
    const length = 1 + Math.floor(next() * 8);
    for (let j = 0; j < length; j++) x[i * WIDTH + j] = 4 + Math.floor(next() * 16);
    y[i] = i % 2;
    if (y[i]) x[i * WIDTH + Math.floor(next() * length)] = 3;
  }
  return { x, y, count };
}

const data = (padded: boolean): TrainingData => ({
  inputShape: [WIDTH],
  inputDtype: 'int32',
  labelKind: 'classes',
  targetShape: [1],
  numClasses: 2,
  classNames: ['no', 'yes'],
  augment: null,
  padded,
  train: texts(160, 1),
  val: texts(40, 2),
  test: texts(40, 3),
});

const graph = (length: number | null) =>
  chain([
    ['Input', { shape: [length], dtype: 'int32' }],
    ['Embedding', { inputDim: 20, outputDim: 8 }],
    ['LSTM', { units: 8 }],
    ['Dense', { units: 2, activation: 'softmax' }],
  ]).graph;

const CONFIG: TrainingConfig = {
  optimizer: 'adam',
  learningRate: 0.03,
  schedule: 'constant',
  loss: 'auto',
  batchSize: 16,
  epochs: 8,
  seed: 1,
  backend: 'cpu',
};

describe('per-batch padding of variable-length text', () => {
  it('cuts a batch to its longest sequence, keeping at least one step', () => {
    const x = Int32Array.from([3, 4, 0, 0, 0, 5, 0, 0, 0, 0]);
    expect(toLongest(x, 2, 5)).toEqual({ x: Int32Array.from([3, 4, 5, 0]), shape: [2, 2] });
    expect(toLongest(new Int32Array(6), 2, 3).shape).toEqual([2, 1]);
    expect(toLongest(Int32Array.from([1, 2, 3]), 1, 3).shape).toEqual([1, 3]);
  });

  it('pads per batch only for padded text into an Input of unknown length', () => {
    const d = data(true);
    const variable = new Feed(d, [null, null]);
    const batch = variable.batch(d.train, Uint32Array.from([0, 1, 2, 3]), 0, 4);
    const longest = Math.max(
      ...[0, 1, 2, 3].map((i) => {
        const row = d.train.x.subarray(i * WIDTH, (i + 1) * WIDTH);
        return row.findLastIndex((v) => v !== 0) + 1;
      }),
    );
    expect(batch.x.shape).toEqual([4, longest]);
    expect(longest).toBeLessThan(WIDTH);
    batch.x.dispose();
    batch.y.dispose();
    expect(new Feed(d, [null, WIDTH]).perBatchPadding).toBe(false);
    expect(new Feed(data(false), [null, null]).perBatchPadding).toBe(false);
  });

  it('trains an Input of shape (None) on padded text and learns to find a token', {
    timeout: 120_000,
  }, async () => {
    const { s, messages } = await runSession({
      ...startMessage(graph(null), data(true), CONFIG),
      checkpoints: false,
    });
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
    expect(s.model!.inputs[0].shape).toEqual([null, null]);
    expect(s.trainer!.feed!.perBatchPadding).toBe(true);
    const epochs = s.trainer!.state.epochs;
    expect(epochs).toHaveLength(CONFIG.epochs);
    expect(epochs.at(-1)!.loss).toBeLessThan(epochs[0].loss);
    expect(epochs.at(-1)!.valAccuracy).toBeGreaterThanOrEqual(0.8);
    s.disposeModel();
  });
});
