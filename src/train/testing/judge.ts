/**
 * The judge of generated digits (a cheap "inception score"): a small classifier trained here on MNIST's labels
 * labels generated images, and the share it classifies with confidence ≥ 0.9 says how digit-like they are.
 * Shared by the integration test (src/train/engine/objectives/judge.test.ts) and `npm run bench`.
 */
import * as tf from '@tensorflow/tfjs';
import { chain, type Graph, TEMPLATES } from '../../graph';
import type { TrainingData } from '../engine/feed';
import { buildModel } from '../engine/model';
import { makeObjective } from '../engine/objectives';
import type { EpochArtifact } from '../engine/objectives/types';
import type { TrainingConfig } from '../types';
import { loadBuiltinDataset, trainingData } from './template-run';
import { runSession, startMessage } from './session';
import { Trainer } from '../engine/trainer';

/** Confidence the judge must reach for a sample to count as a digit. */
export const CONFIDENT = 0.9;

/**
 * The built-in MNIST digits as the training worker receives them, at the size these tests were tuned on: the
 * quick 10,000-digit training subset, the first 500 validation and 1,000 test digits (views, not copies).
 */
export async function mnist(): Promise<TrainingData> {
  const data = trainingData(await loadBuiltinDataset('mnist', 10_000));
  const first = (s: TrainingData['val'], count: number) => ({
    x: s.x.subarray(0, count * 28 * 28),
    y: s.y.subarray(0, count),
    count,
  });
  return { ...data, val: first(data.val, 500), test: first(data.test, 1000) };
}

const JUDGE: Graph = chain([
  ['Input', { shape: [28, 28, 1] }],
  ['Conv2D', { filters: 16, kernelSize: [3, 3], activation: 'relu' }],
  ['MaxPooling2D', { poolSize: [2, 2], strides: [2, 2] }],
  ['Flatten'],
  ['Dense', { units: 64, activation: 'relu' }],
  ['Dense', { units: 10, activation: 'softmax' }],
]).graph;

/**
 * Trains the judge (a small CNN) on MNIST's labels; returns it and its test accuracy. Eight epochs of the 10k
 * digits give ~96.7 % and label ~97 % of real test digits with confidence ≥ 0.9 (three epochs: 95.6 % and 94 %,
 * too hesitant a judge for blurry but clear samples).
 */
export async function trainJudge(
  data: TrainingData,
  epochs = 8,
): Promise<{ judge: tf.LayersModel; accuracy: number }> {
  const config: TrainingConfig = {
    optimizer: 'adam',
    learningRate: 0.002,
    schedule: 'constant',
    loss: 'auto',
    batchSize: 64,
    epochs,
    seed: 5,
    backend: 'auto',
  };
  const judge = buildModel(JUDGE, config.seed);
  const trainer = new Trainer(judge, data, config);
  await trainer.run();
  trainer.dispose();
  const size = 28 * 28;
  const x = tf.tensor(data.test.x.slice(0, data.test.count * size), [data.test.count, 28, 28, 1]);
  const labels = await readLabels(judge, x);
  x.dispose();
  const right = labels.filter((l, i) => l.label === data.test.y[i]).length;
  return { judge, accuracy: right / data.test.count };
}

async function readLabels(judge: tf.LayersModel, x: tf.Tensor) {
  const probs = tf.tidy(() => judge.predict(x) as tf.Tensor);
  const values = (await probs.data()) as Float32Array;
  probs.dispose();
  const n = x.shape[0];
  return Array.from({ length: n }, (_, i) => {
    const row = values.subarray(i * 10, i * 10 + 10);
    let label = 0;
    for (let c = 1; c < 10; c++) if (row[c] > row[label]) label = c;
    return { label, confidence: row[label] };
  });
}

/** The labels the judge gives `images` (n × 28 × 28 × 1, values in [0, 1]) with confidence ≥ 0.9. */
export async function confidentDigits(judge: tf.LayersModel, images: Float32Array): Promise<number[]> {
  const n = images.length / (28 * 28);
  const x = tf.tensor(images, [n, 28, 28, 1]);
  const labels = await readLabels(judge, x);
  x.dispose();
  return labels.filter((l) => l.confidence >= CONFIDENT).map((l) => l.label);
}

/** The share of `images` the judge labels with confidence ≥ 0.9. */
export async function judgeShare(judge: tf.LayersModel, images: Float32Array): Promise<number> {
  return (await confidentDigits(judge, images)).length / (images.length / (28 * 28));
}

/** What a generative template produced: the untrained network's samples, then each epoch's, and the speed. */
export interface GenerativeRun {
  untrained: Float32Array;
  perEpoch: Float32Array[];
  samplesPerSecond: number;
}

/** Trains a generative template (objective and GAN settings from the template) on `data` and keeps its fixed-seed samples. */
export async function trainGenerative(
  templateId: string,
  data: TrainingData,
  settings: Partial<TrainingConfig> = {},
): Promise<GenerativeRun> {
  const template = TEMPLATES.find((t) => t.id === templateId)!;
  const graph = template.build();
  const config: TrainingConfig = {
    optimizer: 'adam',
    learningRate: 0.001,
    schedule: 'constant',
    loss: 'auto',
    batchSize: 64,
    epochs: 3,
    seed: 1,
    backend: 'wasm',
    objective: template.recommended?.settings.objective,
    generative: template.recommended?.settings.generative,
    ...settings,
  };
  // The same seed gives the same initial weights: these are the untrained network's samples.
  const model = buildModel(graph, config.seed);
  const objective = makeObjective({ model, graph, data, config });
  const before = (await objective.epochArtifact!(0)) as EpochArtifact & { samples: Float32Array };
  objective.dispose();
  model.dispose();
  const { s, messages } = await runSession({ ...startMessage(graph, data, config), checkpoints: false });
  const failure = messages.find((m) => m.type === 'error');
  if (failure) throw new Error(failure.message);
  const perEpoch = messages
    .filter((m) => m.type === 'artifact')
    .map((m) => (m.artifact as EpochArtifact & { samples: Float32Array }).samples);
  const state = s.trainer!.state;
  const samplesPerSecond = (state.epoch * data.train.count * 1000) / Math.max(state.elapsedMs, 1);
  s.disposeModel();
  return { untrained: before.samples, perEpoch, samplesPerSecond };
}
