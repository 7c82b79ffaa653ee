import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset, type DataIO } from '../../data/load';
import { DEFAULT_SPLIT } from '../../data/split';
import type { BuiltinId, LoadedDataset } from '../../data/types';
import { iou } from '../../evaluate/boxes';
import { TEMPLATES } from '../../graph/templates';
import { nodeBackends } from '../testing/backends';
import { runSession, startMessage } from '../testing/session';
import type { TrainingConfig } from '../types';
import type { TrainingData } from './feed';
import { answer } from './requests';

const io: DataIO = { asset: async () => new Uint8Array(0), file: async () => new Blob([]) };

async function builtin(id: BuiltinId, samples: number): Promise<LoadedDataset> {
  const source = { kind: 'builtin' as const, id, seed: 1, samples };
  return buildDataset({ version: 1, source, split: DEFAULT_SPLIT, augment: null, fitted: {} }, io);
}

function data(ds: LoadedDataset): TrainingData {
  const split = (k: 'train' | 'val' | 'test') => ({ x: ds.x[k], y: ds.y[k], count: ds.counts[k] });
  const { inputShape, inputDtype, labelKind, targetShape } = ds;
  return {
    inputShape,
    inputDtype,
    labelKind,
    targetShape,
    augment: null,
    ...{ train: split('train'), val: split('val'), test: split('test') },
  };
}

const CONFIG: TrainingConfig = {
  optimizer: 'adam',
  learningRate: 0.01,
  schedule: 'constant',
  loss: 'auto',
  batchSize: 64,
  epochs: 6,
  seed: 1,
  backend: 'cpu',
};

async function train(template: string, d: TrainingData, config: Partial<TrainingConfig>) {
  const graph = TEMPLATES.find((t) => t.id === template)!.build();
  const run = await runSession({
    ...startMessage(graph, d, { ...CONFIG, backend, ...config }),
    checkpoints: false,
  });
  const error = run.messages.find((m) => m.type === 'error');
  if (error) throw new Error(error.message);
  return run;
}

async function predictAll(
  s: Awaited<ReturnType<typeof train>>['s'],
  x: Float32Array | Int32Array,
  shape: number[],
) {
  const { reply } = await answer(s, { type: 'predict', id: 1, x, shape, all: true });
  if (!reply.ok || reply.kind !== 'predict') throw new Error('predict failed');
  return reply.value;
}

// WASM (with the studio's convolution-gradient kernels) where this Node has it: the plain-JS CPU backend needs
// over a minute per batch of the localiser on a busy machine.
let backend: 'wasm' | 'cpu' = 'cpu';
beforeAll(async () => {
  backend = (await nodeBackends()).includes('wasm') ? 'wasm' : 'cpu';
});

describe('training the applied-domain templates on their built-in sets', () => {
  it('matrix factorisation: two id Inputs fed from one [user, item] sample; the loss falls', async () => {
    const ds = await builtin('ratings', 1200);
    const d = data(ds);
    const { s, messages } = await train('matrix-factorisation', d, {
      epochs: 3,
      batchSize: 32,
      learningRate: 0.05,
    });
    const losses = messages.flatMap((m) => (m.type === 'epoch' ? [m.point.loss] : []));
    expect(losses).toHaveLength(3);
    expect(losses[2]).toBeLessThan(losses[0] * 0.8);
    const pred = await predictAll(s, d.test.x, [d.test.count, 2]);
    expect(pred.length).toBe(d.test.count);
    expect(new Set(Array.from(pred.slice(0, 20), (v) => v.toFixed(4))).size).toBeGreaterThan(10);
    s.disposeModel();
  }, 240_000);

  it('localiser: box and class heads train on their own losses, predictions come back side by side', async () => {
    const ds = await builtin('boxes', 160);
    const d = data(ds);
    const { s, messages } = await train('single-object-localiser', d, {
      epochs: 2,
      batchSize: 32,
      learningRate: 0.003,
    });
    const epochs = messages.flatMap((m) => (m.type === 'epoch' ? [m.point] : []));
    expect(epochs).toHaveLength(2);
    expect(epochs[1].loss).toBeLessThan(epochs[0].loss);
    const n = d.test.count;
    const out = await predictAll(s, d.test.x, [n, 32, 32, 1]);
    expect(out.length).toBe(n * 7);
    for (let i = 0; i < n; i++) {
      const row = out.subarray(i * 7, i * 7 + 7);
      expect(Math.min(...row.subarray(0, 4))).toBeGreaterThanOrEqual(0); // sigmoid box
      expect(row[4] + row[5] + row[6]).toBeCloseTo(1, 4); // softmax class
      expect(iou(row, d.test.y.subarray(i * 7, i * 7 + 4))).toBeGreaterThanOrEqual(0);
    }
    s.disposeModel();
  }, 240_000);
});

afterAll(async () => {
  await tf.setBackend('cpu');
});
