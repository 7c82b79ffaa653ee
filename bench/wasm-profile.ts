// `npx tsx bench/wasm-profile.ts [--template <id>] [--batch 32] [--samples 2048]`: the engine's training step on
// tfjs-backend-wasm in Node (single-threaded SIMD: Node cannot run tfjs' threaded build), with a per-kernel
// profile, and PyTorch on the CPU at 1 thread in the same run where it is installed (reference CNN only). A quick
// look at where a step's time goes, beside bench/wasm-threads.ts (Chromium, every core). Prints one JSON object.
import { loadavg } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { TEMPLATES } from '../src/graph';
import { closeYieldChannel } from '../src/train/engine/control';
import type { TrainingData } from '../src/train/engine/feed';
import { randomData } from '../src/train/engine/kernels/webgpu/bench-models';
import { buildModel } from '../src/train/engine/model';
import { makeObjective } from '../src/train/engine/objectives';
import { Trainer } from '../src/train/engine/trainer';
import { nodeBackends } from '../src/train/testing/backends';
import type { TrainingConfig } from '../src/train/types';
import { torchCpu } from './torch-cpu';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const templateId = arg('template', TEMPLATES[0].id);
const BATCH = Number(arg('batch', '32'));
const SAMPLES = Number(arg('samples', '2048'));
const REPEATS = Number(arg('repeats', '2'));

const CONFIG: TrainingConfig = {
  optimizer: 'adam',
  learningRate: 0.001,
  schedule: 'constant',
  loss: 'auto',
  batchSize: BATCH,
  epochs: 1,
  seed: 1,
  backend: 'wasm',
};

const round2 = (v: number) => Math.round(v * 100) / 100;

function newTrainer(data: TrainingData | null) {
  const template = TEMPLATES.find((t) => t.id === templateId);
  if (!template) throw new Error(`no template "${templateId}"`);
  const graph = template.build();
  const model = buildModel(graph, 1);
  const rec = template.recommended?.settings;
  const config: TrainingConfig = {
    ...CONFIG,
    objective: rec?.objective,
    generative: rec?.generative,
    learningRate: rec?.learningRate ?? CONFIG.learningRate,
  };
  const objective = makeObjective({ model, graph, data, config });
  return { model, trainer: new Trainer(model, data, config, {}, objective) };
}

async function profile(data: TrainingData | null, steps: number) {
  const { model, trainer } = newTrainer(data);
  const batch = trainer.firstBatch(BATCH);
  const ms: Record<string, number> = {};
  const calls: Record<string, number> = {};
  const warm = await trainer.step(batch);
  await warm.packed.data();
  warm.packed.dispose();
  const t0 = performance.now();
  const p = await tf.profile(async () => {
    for (let i = 0; i < steps; i++) {
      const out = await trainer.step(batch);
      await out.packed.data();
      out.packed.dispose();
    }
  });
  const wall = (performance.now() - t0) / steps;
  for (const k of p.kernels) {
    const t = await k.kernelTimeMs;
    if (typeof t === 'number') ms[k.name] = (ms[k.name] ?? 0) + t / steps;
    calls[k.name] = (calls[k.name] ?? 0) + 1 / steps;
  }
  if (batch) tf.dispose([batch.x, batch.y]);
  trainer.dispose();
  model.dispose();
  const sorted = Object.entries(ms).sort((a, b) => b[1] - a[1]);
  return {
    profiledWallMsPerStep: round2(wall),
    kernelMsPerStep: round2(sorted.reduce((a, [, v]) => a + v, 0)),
    kernelsPerStep: Math.round(Object.values(calls).reduce((a, b) => a + b, 0)),
    slowest: Object.fromEntries(sorted.slice(0, 12).map(([k, v]) => [k, `${round2(v)} ms × ${calls[k]}`])),
  };
}

async function main() {
  if (!(await nodeBackends()).includes('wasm')) throw new Error('the WASM backend is needed');
  await tf.setBackend('wasm');
  const load = loadavg().map(round2);
  const template = TEMPLATES.find((t) => t.id === templateId)!;
  const generative = (template.recommended?.settings.objective ?? 'supervised') !== 'supervised';
  const data = randomData([28, 28, 1], SAMPLES);
  const speeds: number[] = [];
  const before = tf.memory().numTensors;
  for (let r = 0; r <= REPEATS; r++) {
    const { model, trainer } = newTrainer(data);
    const outcome = await trainer.run();
    if (outcome.status !== 'completed')
      throw new Error(`training ${outcome.status}: ${outcome.message ?? ''}`);
    if (r > 0) speeds.push((SAMPLES * 1000) / trainer.state.elapsedMs);
    trainer.dispose();
    model.dispose();
  }
  const leaked = tf.memory().numTensors - before;
  const prof = await profile(data, 10);
  const torch =
    templateId === TEMPLATES[0].id && !generative
      ? torchCpu([1], BATCH, SAMPLES, REPEATS)
      : { skipped: 'PyTorch runs only for the reference CNN' };
  const wasm = Math.round(Math.max(...speeds));
  const py = (torch as { threads?: Record<string, number> }).threads?.['1'];
  console.log(
    JSON.stringify({
      bench: 'wasm-profile',
      template: templateId,
      batch: BATCH,
      samples: SAMPLES,
      loadAverage: load,
      loadAverageAfter: loadavg().map(round2),
      wasmSamplesPerSecond: wasm,
      all: speeds.map(Math.round),
      pytorch1Thread: py ?? null,
      ratio: py ? round2(wasm / py) : null,
      tensorsLeft: leaked,
      profile: prof,
      pytorch: torch,
    }),
  );
  closeYieldChannel();
}

main().catch((e) => {
  console.log(JSON.stringify({ bench: 'wasm-profile', error: String(e?.stack ?? e) }));
  process.exit(1);
});
