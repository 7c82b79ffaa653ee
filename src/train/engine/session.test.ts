import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChainStep, chain, type Graph } from '../../graph';
import { nodeBackends } from '../testing/backends';
import type { TrainingConfig } from '../types';
import type { Checkpoint } from './checkpoint';
import { runSession, startMessage } from '../testing/session';
import { closeYieldChannel } from './control';
import type { TrainingData } from './feed';
import { answer } from './requests';
import { Session } from './session';

beforeAll(() => nodeBackends());
afterAll(() => closeYieldChannel());

const chainGraph = (steps: ChainStep[]): Graph => chain(steps).graph;

const GRAPH = chainGraph([
  ['Input', { shape: [4, 4, 1] }],
  ['Conv2D', { filters: 2, kernelSize: [3, 3], activation: 'relu' }],
  ['Flatten'],
  ['Dense', { units: 3, activation: 'softmax' }],
]);

function data(): TrainingData {
  const split = (n: number, o: number) => {
    const y = Int32Array.from({ length: n }, (_, i) => (i + o) % 3);
    const x = Float32Array.from(
      { length: n * 16 },
      (_, j) => Math.sin(j + o) * 0.2 + y[Math.floor(j / 16)] * ((j % 16) / 16),
    );
    return { x, y, count: n };
  };
  return {
    inputShape: [4, 4, 1],
    inputDtype: 'float32',
    labelKind: 'classes',
    targetShape: [1],
    numClasses: 3,
    augment: null,
    train: split(40, 0),
    val: split(12, 5),
    test: split(9, 9),
  };
}

const CONFIG: TrainingConfig = {
  optimizer: 'adam',
  learningRate: 0.02,
  schedule: 'cosine',
  loss: 'auto',
  batchSize: 8,
  epochs: 4,
  seed: 3,
  backend: 'cpu',
};

const start = (config: Partial<TrainingConfig> = {}, checkpoint?: Checkpoint) =>
  startMessage(GRAPH, data(), { ...CONFIG, ...config }, checkpoint);
const session = runSession;

describe('a training session', () => {
  it('continues from a checkpoint with exactly the curve an unbroken run has', async () => {
    const whole = await session(start());
    const broken = await session(start(), 2);
    expect(broken.messages.at(-1)).toMatchObject({ type: 'end', status: 'stopped' });
    const resumed = await session(start({}, broken.saved[1]));
    const end = (r: typeof whole) => r.saved.at(-1)!.state.epochs.map((e) => e.valLoss);
    expect(resumed.messages.some((m) => m.type === 'end' && m.status === 'completed')).toBe(true);
    expect(end(resumed)).toEqual(end(whole));
    for (const r of [whole, broken, resumed]) r.s.disposeModel();
  });

  it('throttles metrics, names the backend, and answers evaluate/predict/export', async () => {
    const { s, messages } = await session(start({ epochs: 2 }));
    expect(messages.find((m) => m.type === 'backend')).toMatchObject({ backend: 'cpu' });
    const metrics = messages.filter((m) => m.type === 'metrics');
    expect(metrics.length).toBeLessThan(10);
    expect(metrics.flatMap((m) => (m.type === 'metrics' ? m.batches : []))).toHaveLength(10);
    // The last message of a run leaves the progress line on its final batch, not on "batch 0/0".
    const last = metrics.at(-1);
    expect(last?.type === 'metrics' && last.progress).toMatchObject({
      epoch: 1,
      batch: 5,
      batchesPerEpoch: 5,
    });
    const ev = await answer(s, { type: 'evaluate', id: 1 });
    expect(ev.reply).toMatchObject({
      ok: true,
      kind: 'evaluate',
      value: { kind: 'classification', numClasses: 3 },
    });
    const pr = await answer(s, { type: 'predict', id: 2, x: new Float32Array(32), shape: [2, 4, 4, 1] });
    expect(pr.reply.ok && pr.reply.kind === 'predict' && pr.reply.value.length).toBe(6);
    const ex = await answer(s, { type: 'export', id: 3 });
    expect(
      ex.reply.ok && ex.reply.kind === 'export' && JSON.parse(ex.reply.value.modelJson).modelTopology,
    ).toBeTruthy();
    s.disposeModel();
  });

  it('does not grow the tensor count across checkpoints', async () => {
    await tf.setBackend('cpu');
    const counts: number[] = [];
    const msg = start({ epochs: 6 });
    const again: Session = new Session(
      msg,
      (m) => m.type === 'epoch' && counts.push(tf.memory().numTensors),
      { save: async () => undefined, remove: async () => undefined },
    );
    await again.run();
    expect(counts).toHaveLength(6);
    expect(new Set(counts).size).toBe(1);
    again.disposeModel();
  });
});
