import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChainStep, chain, type Graph } from '../../graph';
import type { StartMessage } from '../protocol';
import { nodeBackends } from '../testing/backends';
import type { TrainingConfig } from '../types';
import { type Checkpoint, restore, snapshot } from './checkpoint';
import { runSession, startMessage } from '../testing/session';
import { closeYieldChannel } from './control';
import type { TrainingData } from './feed';
import { buildModel } from './model';
import { Trainer } from './trainer';

beforeAll(async () => {
  await nodeBackends();
  await tf.setBackend('cpu');
});
afterAll(() => closeYieldChannel());

const chainGraph = (steps: ChainStep[]): Graph => chain(steps).graph;

const GRAPH = chainGraph([
  ['Input', { shape: [4] }],
  ['Dense', { units: 6, activation: 'relu' }],
  ['Dense', { units: 2, activation: 'softmax' }],
]);

/**
 * Validation labels are the opposite of the training rule, so the validation loss gets worse with every epoch
 * of learning: the best epoch is the first, and early stopping ends the run on a later one.
 */
function data(): TrainingData {
  const split = (n: number, o: number, flip: boolean) => {
    const y = Int32Array.from({ length: n }, (_, i) => (i + o) % 2);
    const x = Float32Array.from({ length: n * 4 }, (_, j) => {
      const label = y[Math.floor(j / 4)];
      return Math.sin(j * 1.7 + o) * 0.2 + (label ? 0.7 : -0.7);
    });
    return { x, y: flip ? y.map((v) => 1 - v) : y, count: n };
  };
  return {
    inputShape: [4],
    inputDtype: 'float32',
    labelKind: 'classes',
    targetShape: [1],
    numClasses: 2,
    augment: null,
    train: split(32, 0, false),
    val: split(16, 3, true),
    test: split(8, 7, false),
  };
}

const CONFIG: TrainingConfig = {
  optimizer: 'adam',
  learningRate: 0.05,
  schedule: 'constant',
  loss: 'auto',
  batchSize: 8,
  epochs: 10,
  seed: 5,
  backend: 'cpu',
  earlyStopping: { monitor: 'valLoss', patience: 2, restoreBest: true },
};

const start = (checkpoint?: Checkpoint) => startMessage(GRAPH, data(), CONFIG, checkpoint);

/** A session's run plus its final weights, to compare a resumed run with an unbroken one. */
async function session(msg: StartMessage, stopAfterEpoch?: number) {
  const r = await runSession(msg, stopAfterEpoch);
  return { ...r, weights: r.s.model!.getWeights().map((w) => Array.from(w.dataSync())) };
}

describe('checkpoints', () => {
  it('round-trip weights, optimiser state and early stopping best weights through a structured clone', async () => {
    const model = buildModel(GRAPH, 1);
    const trainer = new Trainer(model, data(), { ...CONFIG, epochs: 2 });
    await trainer.run();
    expect(trainer.bestWeights).not.toBeNull();
    const before = tf.memory().numTensors;
    const packed = structuredClone(await snapshot(model, trainer.optimizer, trainer.bestWeights));
    expect(tf.memory().numTensors).toBe(before);
    expect(packed.best?.entries.map((e) => e.name)).toEqual(model.weights.map((w) => w.originalName));

    const model2 = buildModel(GRAPH, 99);
    const trainer2 = new Trainer(model2, data(), CONFIG);
    const best = await restore(model2, trainer2.optimizer, packed);
    expect(best).not.toBeNull();
    trainer2.adoptBestWeights(best!);
    const values = (ts: readonly tf.Tensor[]) => ts.map((t) => Array.from(t.dataSync()));
    expect(values(model2.getWeights())).toEqual(values(model.getWeights()));
    expect(values(trainer2.bestWeights!)).toEqual(values(trainer.bestWeights!));
    const opt = async (o: tf.Optimizer) => {
      const w = await o.getWeights();
      const v = w.map((x) => Array.from(x.tensor.dataSync()));
      tf.dispose(w.filter((x) => x.name === 'iter').map((x) => x.tensor));
      return v;
    };
    expect(await opt(trainer2.optimizer)).toEqual(await opt(trainer.optimizer));
    for (const t of [trainer, trainer2]) t.dispose();
    for (const m of [model, model2]) m.dispose();
    expect(tf.memory().numTensors).toBeLessThanOrEqual(before);
  });

  it('a checkpoint without best weights restores as before (older checkpoints)', async () => {
    const model = buildModel(GRAPH, 1);
    const trainer = new Trainer(model, data(), CONFIG);
    const packed = await snapshot(model, trainer.optimizer, null);
    expect(packed.best).toBeUndefined();
    expect(await restore(model, trainer.optimizer, packed)).toBeNull();
    trainer.dispose();
    model.dispose();
  });

  it('rejects best weights that do not fit the model, without leaking', async () => {
    const model = buildModel(GRAPH, 1);
    const trainer = new Trainer(model, data(), CONFIG);
    const packed = await snapshot(model, trainer.optimizer, [tf.zeros([3])]);
    const before = tf.memory().numTensors;
    await expect(restore(model, trainer.optimizer, packed)).rejects.toThrow(/best weights/);
    expect(tf.memory().numTensors).toBe(before);
    trainer.dispose();
    model.dispose();
  });

  it('keeps restore-best correct across a reload: the resumed run ends on the same best weights', async () => {
    const whole = await session(start());
    const end = whole.messages.at(-1);
    expect(end).toMatchObject({ type: 'end', status: 'completed' });
    expect(end?.type === 'end' && end.message).toMatch(/Early stopping.*restored its weights/);
    const epochs = whole.saved.at(-1)!.state.epochs;
    const bestEpoch = whole.saved.at(-1)!.state.best!.epoch;
    // The best epoch lies before the break, and the run ends after it: the weights must come from the checkpoint.
    expect(bestEpoch).toBe(0);
    expect(epochs.length).toBeGreaterThanOrEqual(3);

    const broken = await session(start(), 2);
    const cp = broken.saved[1];
    expect(cp.epoch).toBe(2);
    expect(cp.best?.entries).toHaveLength(4);
    const resumed = await session(start(cp));
    expect(resumed.messages.at(-1)).toMatchObject({ type: 'end', status: 'completed' });
    expect(resumed.saved.at(-1)!.state.epochs.map((e) => e.valLoss)).toEqual(epochs.map((e) => e.valLoss));
    expect(resumed.weights).toEqual(whole.weights);

    // Without the stored best weights the resumed run would end on its last epoch's weights instead.
    const { best: _dropped, ...old } = cp;
    const lossy = await session(start(old));
    expect(lossy.weights).not.toEqual(whole.weights);
    for (const r of [whole, broken, resumed, lossy]) r.s.disposeModel();
  });
});
