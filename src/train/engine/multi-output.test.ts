import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChainStep, chain, connect, type Graph } from '../../graph';
import type { TrainingConfig } from '../types';
import type { Checkpoint } from './checkpoint';
import { runSession, startMessage } from '../testing/session';
import { closeYieldChannel } from './control';
import type { TrainingData } from './feed';
import { buildModel } from './model';
import { TargetMismatchError } from './outputs';
import { answer } from './requests';
import { Trainer } from './trainer';

beforeAll(() => tf.setBackend('cpu'));
afterAll(() => closeYieldChannel());

/** A shared Dense trunk feeding one Dense head per entry of `heads` (outputs in that order). */
function twoHeads(heads: ChainStep[]): Graph {
  const trunk = chain([
    ['Input', { shape: [2] }],
    ['Dense', { units: 8, activation: 'relu' }],
  ]);
  let g = trunk.graph;
  heads.forEach((head, i) => {
    const h = chain([head], i * 200, 220, g);
    g = connect(h.graph, trunk.ids[1], h.ids[0]);
  });
  return g;
}

const CLASS_HEADS = twoHeads([
  ['Dense', { units: 2, activation: 'softmax' }, 'main'],
  ['Dense', { units: 1, activation: 'sigmoid' }, 'aux'],
]);
const REGRESSION_HEADS = twoHeads([
  ['Dense', { units: 1 }, 'sum'],
  ['Dense', { units: 1 }, 'difference'],
]);

/** Two blobs; label = class (targetShape [1]) or, with `columns`, that many numeric targets per sample. */
function dataset(n: number, columns?: number): TrainingData {
  const make = (count: number, offset: number) => {
    const x = new Float32Array(count * 2);
    const label = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      label[i] = (i + offset) % 2;
      x[i * 2] = Math.sin((i + offset) * 7.1) * 0.3 + (label[i] ? 0.8 : -0.8);
      x[i * 2 + 1] = Math.cos((i + offset) * 3.3) * 0.5;
    }
    if (!columns) return { x, y: label, count };
    const y = Float32Array.from({ length: count * columns }, (_, k) => {
      const [i, c] = [Math.floor(k / columns), k % columns];
      return c === 0 ? x[i * 2] + x[i * 2 + 1] : x[i * 2] - x[i * 2 + 1] * 2;
    });
    return { x, y, count };
  };
  return {
    inputShape: [2],
    inputDtype: 'float32',
    labelKind: columns ? 'numeric' : 'classes',
    targetShape: [columns ?? 1],
    ...(columns ? {} : { numClasses: 2 }),
    augment: null,
    train: make(n, 0),
    val: make(Math.ceil(n / 4), 1000),
    test: make(8, 2000),
  };
}

const CONFIG: TrainingConfig = {
  optimizer: 'adam',
  learningRate: 0.02,
  schedule: 'constant',
  loss: 'auto',
  batchSize: 16,
  epochs: 10,
  seed: 5,
  backend: 'cpu',
};

async function train(graph: Graph, data: TrainingData, config: Partial<TrainingConfig> = {}) {
  const cfg = { ...CONFIG, ...config };
  const model = buildModel(graph, cfg.seed);
  const counts: number[] = [];
  const trainer = new Trainer(model, data, cfg, { onEpoch: () => void counts.push(tf.memory().numTensors) });
  const outcome = await trainer.run();
  const heads = trainer.heads.map((h) => h.lossName);
  trainer.dispose();
  model.dispose();
  return { outcome, state: trainer.state, counts, heads };
}

describe('a model with several outputs', () => {
  it('trains two heads on one class label: per-head losses, their sum as the loss, no leaks', async () => {
    const { outcome, state, counts, heads } = await train(CLASS_HEADS, dataset(64), { epochs: 12 });
    expect(outcome.status).toBe('completed');
    expect(heads).toEqual(['sparseCategoricalCrossentropy', 'binaryCrossentropy']);
    const [first, last] = [state.epochs[0], state.epochs.at(-1)!];
    expect(last.loss).toBeLessThan(first.loss);
    expect(first.outputLosses).toHaveLength(2);
    expect(last.outputLosses![0]).toBeLessThan(first.outputLosses![0]);
    expect(last.outputLosses![1]).toBeLessThan(first.outputLosses![1]);
    for (const b of state.batches) {
      expect(b.outputLosses).toHaveLength(2);
      expect(b.loss).toBeCloseTo(b.outputLosses![0] + b.outputLosses![1], 4);
    }
    // Accuracy is the first output's.
    expect(last.valAccuracy).toBeGreaterThan(0.8);
    expect(counts).toHaveLength(12);
    expect(new Set(counts).size, counts.join(',')).toBe(1);
  });

  it('splits a two-column numeric target across two 1-unit heads (MSE each)', async () => {
    const { outcome, state, counts, heads } = await train(REGRESSION_HEADS, dataset(64, 2));
    expect(outcome.status).toBe('completed');
    expect(heads).toEqual(['meanSquaredError', 'meanSquaredError']);
    const [first, last] = [state.epochs[0], state.epochs.at(-1)!];
    expect(last.loss).toBeLessThan(first.loss);
    expect(last.valLoss).toBeLessThan(first.valLoss);
    expect(last.outputLosses![0]).toBeLessThan(first.outputLosses![0]);
    expect(last.outputLosses![1]).toBeLessThan(first.outputLosses![1]);
    expect(last.valMae).toBeLessThan(first.valMae!);
    expect(new Set(counts).size, counts.join(',')).toBe(1);
  });

  it('refuses a target that fits neither way with a message that says what to change', () => {
    const model = buildModel(REGRESSION_HEADS, 1);
    const before = tf.memory().numTensors;
    expect(() => new Trainer(model, dataset(16, 3), CONFIG)).toThrow(TargetMismatchError);
    expect(() => new Trainer(model, dataset(16, 3), CONFIG)).toThrow(
      /2 outputs \(sum: 1, difference: 1; 2 units in all\), but the dataset has 3 target columns/,
    );
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});

const start = (
  graph: Graph,
  data: TrainingData,
  config: Partial<TrainingConfig> = {},
  checkpoint?: Checkpoint,
) => startMessage(graph, data, { ...CONFIG, ...config }, checkpoint);
const session = runSession;

describe('a several-output model in a session', () => {
  it('resumes from a checkpoint on the same curve and answers evaluate/predict with the first output', async () => {
    const data = dataset(48);
    const whole = await session(start(CLASS_HEADS, data, { epochs: 4 }));
    const broken = await session(start(CLASS_HEADS, data, { epochs: 4 }), 2);
    const resumed = await session(start(CLASS_HEADS, data, { epochs: 4 }, broken.saved[1]));
    const curve = (r: typeof whole) => r.saved.at(-1)!.state.epochs.map((e) => e.valLoss);
    expect(curve(resumed)).toEqual(curve(whole));
    const ev = await answer(whole.s, { type: 'evaluate', id: 1 });
    expect(ev.reply).toMatchObject({ ok: true, value: { kind: 'classification', numClasses: 2 } });
    expect(ev.reply.ok && ev.reply.kind === 'evaluate' && ev.reply.value.yPred.length).toBe(8 * 2);
    const pr = await answer(whole.s, { type: 'predict', id: 2, x: new Float32Array(6), shape: [3, 2] });
    expect(pr.reply.ok && pr.reply.kind === 'predict' && pr.reply.value.length).toBe(3 * 2);
    for (const r of [whole, broken, resumed]) r.s.disposeModel();
  });

  it('reports a mismatched target as an error before any training, with the automatic backend too', async () => {
    for (const backend of ['cpu', 'auto'] as const) {
      const { messages } = await session(start(REGRESSION_HEADS, dataset(16, 3), { backend }));
      expect(messages.some((m) => m.type === 'epoch' || m.type === 'metrics')).toBe(false);
      expect(messages.at(-1)).toMatchObject({
        type: 'error',
        message: expect.stringMatching(/but the dataset has 3 target columns/),
      });
    }
    await tf.setBackend('cpu');
  });
});
