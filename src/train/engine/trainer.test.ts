import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChainStep, chain, type Graph } from '../../graph';
import { nodeBackends } from '../testing/backends';
import type { TrainingConfig } from '../types';
import { closeYieldChannel } from './control';
import type { TrainingData } from './feed';
import { buildModel } from './model';
import { learningRateAt } from './schedule';
import { Trainer } from './trainer';

let backends: string[] = ['cpu'];
beforeAll(async () => {
  backends = await nodeBackends();
});
afterAll(() => closeYieldChannel());

const chainGraph = (steps: ChainStep[]): Graph => chain(steps).graph;

const MLP = chainGraph([
  ['Input', { shape: [2] }],
  ['Dense', { units: 8, activation: 'relu' }],
  ['Dense', { units: 2, activation: 'softmax' }],
]);
const CNN = chainGraph([
  ['Input', { shape: [6, 6, 1] }],
  ['Conv2D', { filters: 2, kernelSize: [3, 3], activation: 'relu' }],
  ['MaxPooling2D', { poolSize: [2, 2], strides: [2, 2] }],
  ['Flatten'],
  ['Dense', { units: 2, activation: 'softmax' }],
]);

/** Two separable blobs: label = x0 + x1 > 0 (images: bright left half). */
function blobs(n: number, inputShape: number[]): TrainingData {
  const size = inputShape.reduce((a, b) => a * b, 1);
  const make = (count: number, offset: number) => {
    const x = new Float32Array(count * size);
    const y = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      y[i] = (i + offset) % 2;
      for (let j = 0; j < size; j++)
        x[i * size + j] = Math.sin((i + offset) * 7.1 + j) * 0.3 + (y[i] ? 0.8 : -0.8) * (j % 2 ? 1 : 0.5);
    }
    return { x, y, count };
  };
  return {
    inputShape,
    inputDtype: 'float32',
    labelKind: 'classes',
    targetShape: [1],
    numClasses: 2,
    augment: null,
    train: make(n, 0),
    val: make(Math.ceil(n / 4), 1000),
    test: make(8, 2000),
  };
}

const CONFIG: TrainingConfig = {
  optimizer: 'adam',
  learningRate: 0.01,
  schedule: 'constant',
  loss: 'auto',
  batchSize: 16,
  epochs: 5,
  seed: 7,
  backend: 'auto',
};

async function train(
  graph: Graph,
  data: TrainingData,
  config: Partial<TrainingConfig> = {},
  onEpoch?: () => void,
) {
  const cfg = { ...CONFIG, ...config };
  const model = buildModel(graph, cfg.seed);
  const trainer = new Trainer(model, data, cfg, { onEpoch });
  const outcome = await trainer.run();
  trainer.dispose();
  model.dispose();
  return { outcome, state: trainer.state };
}

describe('learning-rate schedules', () => {
  const base = { ...CONFIG, learningRate: 0.1, epochs: 10 };
  it('constant, step, exponential and cosine give the documented rates', () => {
    expect(learningRateAt(base, 7)).toBe(0.1);
    expect(learningRateAt({ ...base, schedule: 'step', decayRate: 0.5, decaySteps: 3 }, 7)).toBeCloseTo(
      0.025,
    );
    expect(learningRateAt({ ...base, schedule: 'exponential', decayRate: 0.9 }, 2)).toBeCloseTo(0.081);
    expect(learningRateAt({ ...base, schedule: 'cosine' }, 0)).toBeCloseTo(0.1);
    expect(learningRateAt({ ...base, schedule: 'cosine' }, 5)).toBeCloseTo(0.05);
  });
});

describe('the training loop', () => {
  it('lowers the loss and raises validation accuracy with every optimiser', async () => {
    for (const optimizer of ['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad', 'adamax'] as const) {
      const { outcome, state } = await train(MLP, blobs(64, [2]), {
        optimizer,
        learningRate: optimizer.startsWith('sgd') ? 0.2 : 0.05,
      });
      expect(outcome.status).toBe('completed');
      expect(state.epochs.at(-1)!.loss, optimizer).toBeLessThan(state.epochs[0].loss);
      expect(state.epochs.at(-1)!.valAccuracy, optimizer).toBeGreaterThan(0.8);
    }
  });

  it.each(['meanSquaredError', 'meanAbsoluteError', 'huber'] as const)(
    'fits a regression with %s and reports MAE',
    async (loss) => {
      const data = blobs(64, [2]);
      const numeric = (s: TrainingData['train']) => ({
        ...s,
        y: Float32Array.from(s.y, (v, i) => v * 2 + s.x[i * 2]),
      });
      const reg: TrainingData = {
        ...data,
        labelKind: 'numeric',
        train: numeric(data.train),
        val: numeric(data.val),
        test: numeric(data.test),
      };
      const graph = chainGraph([
        ['Input', { shape: [2] }],
        ['Dense', { units: 8, activation: 'relu' }],
        ['Dense', { units: 1 }],
      ]);
      const { state } = await train(graph, reg, { loss, epochs: 8 });
      expect(state.epochs.at(-1)!.valMae).toBeLessThan(state.epochs[0].valMae!);
    },
  );

  it('gives the same curve for the same seed on the same backend', async () => {
    const a = await train(CNN, blobs(48, [6, 6, 1]), { epochs: 2 });
    const b = await train(CNN, blobs(48, [6, 6, 1]), { epochs: 2 });
    const c = await train(CNN, blobs(48, [6, 6, 1]), { epochs: 2, seed: 8 });
    expect(b.state.batches.map((p) => p.loss)).toEqual(a.state.batches.map((p) => p.loss));
    expect(c.state.batches.map((p) => p.loss)).not.toEqual(a.state.batches.map((p) => p.loss));
  });

  it('stops within one batch when the loss becomes NaN and names the learning rate', async () => {
    const { outcome, state } = await train(MLP, blobs(256, [2]), {
      optimizer: 'sgd',
      learningRate: 1e30,
      epochs: 3,
    });
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toMatch(/learning rate \(1e\+30\) is probably too high/);
    expect(state.batches.every((b) => Number.isFinite(b.loss))).toBe(true);
    expect(state.epochs).toHaveLength(0);
  });

  it('reads each batch before the one after next is queued: at most one step runs past a NaN', async () => {
    // A linear regression (no ReLU or clipping that could hide a NaN on some backends) blown up by the rate.
    const linear = chainGraph([
      ['Input', { shape: [2] }],
      ['Dense', { units: 4 }],
      ['Dense', { units: 1 }],
    ]);
    const data = blobs(256, [2]);
    const numeric = (s: TrainingData['train']) => ({ ...s, y: Float32Array.from(s.y, (v) => v * 3 - 1) });
    const reg: TrainingData = {
      ...data,
      labelKind: 'numeric',
      train: numeric(data.train),
      val: numeric(data.val),
      test: numeric(data.test),
    };
    for (const backend of backends) {
      await tf.setBackend(backend);
      const cfg = { ...CONFIG, optimizer: 'sgd' as const, learningRate: 1e30, epochs: 3 };
      const model = buildModel(linear, cfg.seed);
      const trainer = new Trainer(model, reg, cfg);
      let steps = 0;
      const step = trainer.step.bind(trainer);
      trainer.step = (batch) => {
        steps += 1;
        return step(batch);
      };
      const before = tf.memory().numTensors;
      const outcome = await trainer.run();
      expect(outcome.status, backend).toBe('failed');
      // Finite batches recorded, then the non-finite one; only the batch already queued behind it ran.
      const recorded = trainer.state.batches.length;
      expect(steps - (recorded + 1), `${backend}: steps past the NaN`).toBeLessThanOrEqual(1);
      expect(recorded, backend).toBeLessThan(16);
      trainer.dispose();
      model.dispose();
      expect(tf.memory().numTensors, `${backend}: in-flight reads are freed`).toBeLessThanOrEqual(before);
    }
    await tf.setBackend('cpu');
  });

  it('stops on the first batch when the data make the loss NaN, naming the data', async () => {
    await tf.setBackend('cpu');
    const data = blobs(64, [2]);
    data.train.x.fill(Number.NaN);
    const { outcome, state } = await train(MLP, data, { epochs: 2 });
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toMatch(/NaN on the first batch: check that the data/);
    expect(state.batches).toHaveLength(0);
  });

  it('stops early when validation stops improving and restores the best weights', async () => {
    const { outcome, state } = await train(MLP, blobs(64, [2]), {
      optimizer: 'sgd',
      learningRate: 0,
      epochs: 20,
      earlyStopping: { monitor: 'valLoss', patience: 2, restoreBest: true },
    });
    expect(outcome.status).toBe('completed');
    expect(outcome.message).toMatch(/Early stopping/);
    expect(state.epochs).toHaveLength(3);
  });
});

describe('no tensor leaks', () => {
  it('keeps the tensor count after every one of 20 epochs equal to the count after the first, per backend', async () => {
    for (const backend of backends) {
      await tf.setBackend(backend);
      const counts: number[] = [];
      const { outcome } = await train(
        CNN,
        blobs(32, [6, 6, 1]),
        {
          epochs: 20,
          earlyStopping: { monitor: 'valLoss', patience: 50, restoreBest: true },
        },
        () => void counts.push(tf.memory().numTensors),
      );
      expect(outcome.status).toBe('completed');
      expect(counts, backend).toHaveLength(20);
      expect(new Set(counts).size, `${backend}: ${counts.join(',')}`).toBe(1);
    }
    await tf.setBackend('cpu');
  });
});
