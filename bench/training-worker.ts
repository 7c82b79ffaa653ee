/// <reference lib="webworker" />
// Runs inside headless Chromium (served by Vite's dev server, started by bench/training.ts): samples/s of raw
// tfjs `model.fit` against the engine's loop, per backend, on the reference CNN and a 784-128-10 MLP.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import '@tensorflow/tfjs-backend-wasm';
import { addNode, connect, type Graph, type Params, TEMPLATES } from '../src/graph';
import { BACKENDS, fastest, measureBackends, switchTo } from '../src/train/engine/backends';
import type { TrainingData } from '../src/train/engine/feed';
import { buildModel } from '../src/train/engine/model';
import { Trainer } from '../src/train/engine/trainer';
import { setUpWasm } from '../src/train/engine/wasm-setup';
import type { BackendName, TrainingConfig } from '../src/train/types';

declare const self: DedicatedWorkerGlobalScope;

const BATCH = 32;
const CONFIG: TrainingConfig = {
  optimizer: 'adam',
  learningRate: 0.001,
  schedule: 'constant',
  loss: 'sparseCategoricalCrossentropy',
  batchSize: BATCH,
  epochs: 1,
  seed: 1,
  backend: 'auto',
};

function mlp(): Graph {
  let g: Graph = { nodes: [], edges: [] };
  let prev: string | null = null;
  const steps: [string, Params][] = [
    ['Input', { shape: [784] }],
    ['Dense', { units: 128, activation: 'relu' }],
    ['Dense', { units: 10, activation: 'softmax' }],
  ];
  for (const [type, params] of steps) {
    const a = addNode(g, type, { x: 0, y: 0 }, { params });
    g = prev ? connect(a.graph, prev, a.id) : a.graph;
    prev = a.id;
  }
  return g;
}

function randomData(inputShape: number[], n: number): TrainingData {
  const size = inputShape.reduce((a, b) => a * b, 1);
  const split = (count: number) => ({
    x: Float32Array.from({ length: count * size }, () => Math.random()),
    y: Int32Array.from({ length: count }, () => Math.floor(Math.random() * 10)),
    count,
  });
  return {
    inputShape,
    inputDtype: 'float32',
    labelKind: 'classes',
    targetShape: [1],
    numClasses: 10,
    augment: null,
    train: split(n),
    val: split(BATCH),
    test: split(BATCH),
  };
}

/** Raw tfjs: compile + fit for one epoch over n samples; samples/s of the timed fit. */
async function rawFit(graph: Graph, data: TrainingData): Promise<number> {
  const model = buildModel(graph, 1);
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const x = tf.tensor(data.train.x, [data.train.count, ...data.inputShape]);
  const y = tf.oneHot(tf.tensor1d(data.train.y, 'int32'), 10);
  try {
    await model.fit(x.slice(0, BATCH * 2), y.slice(0, BATCH * 2), {
      batchSize: BATCH,
      epochs: 1,
      verbose: 0,
    });
    const t0 = performance.now();
    await model.fit(x, y, { batchSize: BATCH, epochs: 1, verbose: 0, shuffle: true });
    return (data.train.count * 1000) / (performance.now() - t0);
  } finally {
    tf.dispose([x, y]);
    model.dispose();
  }
}

/** The engine: one epoch of the Trainer's own loop over n samples (after a warm-up step). */
async function engine(graph: Graph, data: TrainingData): Promise<number> {
  const model = buildModel(graph, 1);
  const trainer = new Trainer(model, data, CONFIG);
  const batch = trainer.firstBatch(BATCH)!;
  const warm = await trainer.step(batch);
  await warm.packed.data();
  tf.dispose([batch.x, batch.y, warm.packed]);
  await trainer.run();
  const speed = (data.train.count * 1000) / trainer.state.elapsedMs;
  trainer.dispose();
  model.dispose();
  return speed;
}

/** A sample count that takes about `seconds` at the measured speed (whole batches, at least 4). */
const samplesFor = (speed: number, seconds: number) =>
  Math.max(4, Math.min(128, Math.round((speed * seconds) / BATCH))) * BATCH;

async function benchModel(name: string, graph: Graph, inputShape: number[], seconds: number) {
  const probe = randomData(inputShape, BATCH * 2);
  const measured = await measureBackends(graph, probe, CONFIG);
  const rows: Record<string, unknown>[] = [];
  for (const m of measured) {
    if (m.samplesPerSecond === null || (await switchTo(m.backend)) !== null) {
      rows.push({ backend: m.backend, error: m.error ?? 'unusable' });
      continue;
    }
    const data = randomData(inputShape, samplesFor(m.samplesPerSecond, seconds));
    const raw = await rawFit(graph, data).catch((e: unknown) => ({ error: String(e).slice(0, 160) }));
    const ours = await engine(graph, data);
    rows.push({
      backend: m.backend,
      samples: data.train.count,
      measured: m.samplesPerSecond,
      rawFit: raw,
      engine: ours,
    });
  }
  return { model: name, chosen: fastest(measured) as BackendName | null, backends: rows };
}

self.onmessage = async (e: MessageEvent<{ quick: boolean; backends?: BackendName[] }>) => {
  setUpWasm();
  try {
    const seconds = e.data.quick ? 1.5 : 4;
    const cnn = await benchModel('reference CNN', TEMPLATES[0].build(), [28, 28, 1], seconds);
    const dense = await benchModel('MLP 784-128-10', mlp(), [784], seconds);
    self.postMessage({ ok: true, results: [cnn, dense], candidates: BACKENDS });
  } catch (err) {
    self.postMessage({ ok: false, error: String(err) });
  }
};
