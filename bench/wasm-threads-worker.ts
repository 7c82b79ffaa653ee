/// <reference lib="webworker" />
// Runs inside headless Chromium (started by bench/wasm-threads.ts): the engine's samples/s on the reference CNN
// on tfjs-backend-wasm with a given number of threads. One worker per thread count: XNNPACK's pool is fixed
// when the backend starts.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { TEMPLATES } from '../src/graph';
import { switchTo } from '../src/train/engine/backends';
import type { TrainingData } from '../src/train/engine/feed';
import { randomData } from '../src/train/engine/kernels/webgpu/bench-models';
import { buildModel } from '../src/train/engine/model';
import { Trainer } from '../src/train/engine/trainer';
import { setUpWasm } from '../src/train/engine/wasm-setup';
import { wasmThreading } from '../src/train/engine/wasm-threads';
import type { TrainingConfig } from '../src/train/types';

declare const self: DedicatedWorkerGlobalScope;

const CONFIG: TrainingConfig = {
  optimizer: 'adam',
  learningRate: 0.001,
  schedule: 'constant',
  loss: 'sparseCategoricalCrossentropy',
  batchSize: 32,
  epochs: 1,
  seed: 1,
  backend: 'wasm',
};

/** Milliseconds per kernel type over a few training steps (tf.profile), the slowest first. */
async function profileSteps(data: TrainingData, config: TrainingConfig, steps: number) {
  const model = buildModel(TEMPLATES[0].build(), 1);
  const trainer = new Trainer(model, data, config);
  const batch = trainer.firstBatch(config.batchSize)!;
  const ms: Record<string, number> = {};
  try {
    const profile = await tf.profile(async () => {
      for (let i = 0; i < steps; i++) {
        const out = await trainer.step(batch);
        await out.packed.data();
        out.packed.dispose();
      }
    });
    for (const k of profile.kernels) {
      const t = await k.kernelTimeMs;
      if (typeof t === 'number') ms[k.name] = (ms[k.name] ?? 0) + t / steps;
    }
  } finally {
    tf.dispose([batch.x, batch.y]);
    trainer.dispose();
    model.dispose();
  }
  const sorted = Object.entries(ms).sort((a, b) => b[1] - a[1]);
  const total = sorted.reduce((a, [, v]) => a + v, 0);
  return {
    kernelMsPerStep: Math.round(total * 100) / 100,
    slowest: Object.fromEntries(sorted.slice(0, 8).map(([k, v]) => [k, Math.round(v * 100) / 100])),
  };
}

export interface ThreadsRequest {
  threads: number;
  batch: number;
  samples: number;
  repeats: number;
}

self.onmessage = async (e: MessageEvent<ThreadsRequest>) => {
  const { threads, batch, samples, repeats } = e.data;
  try {
    setUpWasm(threads);
    const problem = await switchTo('wasm');
    if (problem) throw new Error(problem);
    const config = { ...CONFIG, batchSize: batch };
    const data = randomData([28, 28, 1], samples);
    const speeds: number[] = [];
    const losses: number[] = [];
    // A warm-up epoch (XNNPACK set-up, first allocations), then the timed ones: the best is the steadiest
    // figure on a shared machine, where other work only ever slows a run down.
    for (let r = 0; r <= repeats; r++) {
      const model = buildModel(TEMPLATES[0].build(), 1);
      const trainer = new Trainer(model, data, config);
      const outcome = await trainer.run();
      // A kernel that computes wrong numbers shows as a failed run (NaN loss) rather than a fast one.
      if (outcome.status !== 'completed')
        throw new Error(`training ${outcome.status}: ${outcome.message ?? ''}`);
      losses.push(trainer.state.batches.at(-1)?.loss ?? Number.NaN);
      if (r > 0) speeds.push((samples * 1000) / trainer.state.elapsedMs);
      trainer.dispose();
      model.dispose();
    }
    const kernels = ['Conv2DBackpropFilter'].map((k) => tf.getKernel(k, 'wasm') !== undefined);
    self.postMessage({
      ok: true,
      ...wasmThreading(),
      isolated: self.crossOriginIsolated,
      threadedBuild: await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'),
      studioKernels: kernels.every(Boolean),
      samplesPerSecond: Math.max(...speeds),
      all: speeds,
      // The last batch's loss of each run (random labels: about ln 10 ≈ 2.3 when training works).
      lastLosses: losses.map((l) => Math.round(l * 1000) / 1000),
      profile: await profileSteps(data, config, 5),
    });
  } catch (err) {
    self.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
};
