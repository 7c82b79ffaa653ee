// `npm run bench:gpu [-- --quick] [--models reference-cnn,mlp,vgg] [--batches 32,256] [--steps N]`: training
// on WebGPU in Node through Dawn (npm `webgpu`), on whatever adapter it finds (SwiftShader where there is no
// GPU: kernels per step and dispatch sizes mean something there, samples/s only on real hardware). Per model
// and batch: samples/s of the engine (with and without the studio's webgpu kernels) and of raw `model.fit`,
// tfjs kernels and GPU dispatches per step before / after, GPU time per kernel type (timestamp queries).
// Prints one JSON object. `--templates [--batch 8] [--only id,…]`: one step of every template of the catalog
// instead (bench/gpu-templates.ts; also saved to bench/results/gpu-templates.json).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import {
  registerWebGpuTrainingKernels,
  unregisterWebGpuTrainingKernels,
} from '../src/train/engine/kernels/webgpu';
import {
  adapterDescription,
  CHROMIUM_LIB_DIR,
  setUpNodeWebGpu,
} from '../src/train/engine/kernels/webgpu/node-webgpu';
import { profileStep, type StepProfile } from '../src/train/engine/kernels/webgpu/step-profile';
import { buildModel } from '../src/train/engine/model';
import { Trainer } from '../src/train/engine/trainer';
import type { TrainingConfig } from '../src/train/types';
import { topKernels } from '../src/train/engine/kernels/webgpu/template-profile';
import { profileTemplates } from './gpu-templates';
import { BENCH_MODELS, type BenchModel, randomData } from '../src/train/engine/kernels/webgpu/bench-models';

// Dawn dlopen()s libvulkan.so.1; without a system one, use Debian Chromium's (the loader reads
// LD_LIBRARY_PATH only at start-up, so run again with it set).
const systemVulkan = ['/usr/lib/x86_64-linux-gnu/libvulkan.so.1', '/usr/lib64/libvulkan.so.1'].some(
  existsSync,
);
const libPath = process.env.LD_LIBRARY_PATH ?? '';
if (
  !systemVulkan &&
  existsSync(`${CHROMIUM_LIB_DIR}/libvulkan.so.1`) &&
  !libPath.includes(CHROMIUM_LIB_DIR)
) {
  const env = { ...process.env, LD_LIBRARY_PATH: [CHROMIUM_LIB_DIR, libPath].filter(Boolean).join(':') };
  const r = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    env,
    stdio: 'inherit',
  });
  process.exit(r.status ?? 1);
}

function arg(name: string): string | null {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? null) : null;
}

const round = (v: number) => Number(v.toPrecision(3));

function config(batchSize: number): TrainingConfig {
  return {
    optimizer: 'adam',
    learningRate: 0.001,
    schedule: 'constant',
    loss: 'sparseCategoricalCrossentropy',
    batchSize,
    epochs: 1,
    seed: 1,
    backend: 'webgpu',
  } as TrainingConfig;
}

/** The engine's step on one batch; its numbers are read back like the training loop reads them. */
async function withTrainer<T>(m: BenchModel, batch: number, f: (step: () => Promise<void>) => Promise<T>) {
  const data = randomData(m.inputShape, batch);
  const model = buildModel(m.build(), 1);
  const trainer = new Trainer(model, data, config(batch));
  const b = trainer.firstBatch(batch)!;
  const step = async () => {
    const r = await trainer.step(b);
    await r.packed.data();
    r.packed.dispose();
  };
  try {
    return await f(step);
  } finally {
    tf.dispose([b.x, b.y]);
    trainer.dispose();
    model.dispose();
  }
}

/** Samples/s over `steps` steps after two warm-up steps (shader compilation). */
async function engineSpeed(m: BenchModel, batch: number, steps: number) {
  return withTrainer(m, batch, async (step) => {
    await step();
    await step();
    const tensors = tf.memory().numTensors;
    const t0 = performance.now();
    for (let i = 0; i < steps; i++) await step();
    const ms = performance.now() - t0;
    return {
      samplesPerSecond: round((batch * steps * 1000) / ms),
      tensorGrowth: tf.memory().numTensors - tensors,
    };
  });
}

async function profiled(m: BenchModel, batch: number): Promise<StepProfile> {
  return withTrainer(m, batch, async (step) => {
    await step();
    return profileStep(step);
  });
}

/** Raw tfjs: compile + fit one epoch of `steps` batches (after one warm-up batch). */
async function rawFit(m: BenchModel, batch: number, steps: number): Promise<number> {
  const data = randomData(m.inputShape, batch * steps);
  const model = buildModel(m.build(), 1);
  model.compile({
    optimizer: tf.train.adam(0.001),
    loss: 'sparseCategoricalCrossentropy',
    metrics: ['accuracy'],
  });
  const x = tf.tensor(data.train.x, [data.train.count, ...m.inputShape]);
  const y = tf.tensor(Float32Array.from(data.train.y), [data.train.count, 1]);
  try {
    const [wx, wy] = [x.slice(0, batch), y.slice(0, batch)];
    await model.fit(wx, wy, { batchSize: batch, epochs: 1, verbose: 0 });
    tf.dispose([wx, wy]);
    const t0 = performance.now();
    await model.fit(x, y, { batchSize: batch, epochs: 1, verbose: 0, shuffle: false });
    return round((data.train.count * 1000) / (performance.now() - t0));
  } finally {
    tf.dispose([x, y]);
    model.dispose();
  }
}

async function main() {
  const problem = await setUpNodeWebGpu();
  if (problem) {
    console.log(JSON.stringify({ ok: false, error: problem }, null, 2));
    process.exit(1);
  }
  await tf.setBackend('webgpu');
  const adapter = adapterDescription();
  const software = /swiftshader|llvmpipe|lavapipe/i.test(adapter);
  if (process.argv.includes('--templates')) {
    const only = arg('only')?.split(',') ?? null;
    const templates = await profileTemplates(Number(arg('batch') ?? 8), only);
    const out = JSON.stringify(
      { ok: true, date: new Date().toISOString(), adapter, software, templates },
      null,
      2,
    );
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/gpu-templates.json', `${out}\n`);
    console.log(out);
    return;
  }
  const quick = process.argv.includes('--quick') || software;
  const steps = Number(arg('steps') ?? (quick ? 2 : 20));
  const ids = (arg('models') ?? BENCH_MODELS.map((m) => m.id).join(',')).split(',');
  const batches = (arg('batches') ?? '32,256').split(',').map(Number);
  const results = [];
  for (const m of BENCH_MODELS.filter((x) => ids.includes(x.id))) {
    for (const batch of batches) {
      const row: Record<string, unknown> = { model: m.id, title: m.title, batch };
      try {
        // Before: tfjs-backend-webgpu's own kernels and tfjs' optimiser update (kernel counts do not depend on
        // the batch; on a software adapter the slow filter gradient is only counted at the smallest batch).
        if (!software || batch === Math.min(...batches)) {
          unregisterWebGpuTrainingKernels();
          const before = await profiled(m, batch);
          row.before = { kernelsPerStep: before.kernels, dispatchesPerStep: before.dispatches };
          if (!software) row.before = { ...(row.before as object), ...(await engineSpeed(m, batch, steps)) };
        }
        registerWebGpuTrainingKernels();
        const after = await profiled(m, batch);
        row.after = {
          kernelsPerStep: after.kernels,
          dispatchesPerStep: after.dispatches,
          ...(await engineSpeed(m, batch, steps)),
          gpuMsByKernel: after.timestampQueries ? topKernels(after) : 'no timestamp-query on this adapter',
        };
        row.rawFitSamplesPerSecond = await rawFit(m, batch, steps);
      } catch (e) {
        row.error = e instanceof Error ? e.message.split('\n')[0] : String(e);
      }
      results.push(row);
      // Progress (and the figures so far, should a long software run be cut short) on stderr.
      console.error(`bench:gpu ${JSON.stringify(row)}`);
    }
  }
  console.log(
    JSON.stringify(
      {
        ok: true,
        adapter,
        software,
        note: software
          ? 'software adapter: kernel counts and dispatch sizes are meaningful, samples/s and GPU ms are not'
          : 'hardware adapter',
        stepsTimed: steps,
        results,
      },
      null,
      2,
    ),
  );
}

await main();
