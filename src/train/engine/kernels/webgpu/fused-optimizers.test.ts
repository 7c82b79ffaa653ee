import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { OPTIMIZER_PAIRS, type OptimizerPair } from '../optimizer-pairs';
import { FusedAdam } from './fused-optimizers';
import { ownDispatches } from './gpu-program';
import { registerWebGpuTrainingKernels } from './index';
import { relError, seeded, webGpuForTests } from './webgpu-test-setup';

const { skip, problem } = await webGpuForTests();
if (!skip && !problem) registerWebGpuTrainingKernels();

const PAIRS: OptimizerPair[] = [
  ...OPTIMIZER_PAIRS,
  // The GAN objective's two optimisers (DCGAN's β1 0.5).
  { name: 'Adam β1 0.5', fused: () => new FusedAdam(0.002, 0.5), reference: () => tf.train.adam(0.002, 0.5) },
];

const SHAPES = [[6, 5], [5], [3, 3, 2, 4]];
const STEPS = 5;

function savesState(o: tf.Optimizer): boolean {
  return !(o instanceof tf.AdamaxOptimizer);
}

/** Weights after `steps` updates with fixed per-step gradients, plus the optimiser's saved weights. */
async function train(backend: string, make: () => tf.Optimizer, tag: string, steps = STEPS) {
  await tf.setBackend(backend);
  const vars = SHAPES.map((s, i) =>
    tf.variable(tf.tensor(seeded(tf.util.sizeFromShape(s), 100 + i), s), true, `${tag}/w${i}`),
  );
  const optimizer = make();
  const counts: number[] = [];
  const dispatches: number[] = [];
  for (let step = 0; step < steps; step++) {
    const grads = vars.map((v, i) => ({
      name: v.name,
      tensor: tf.tensor(seeded(v.size, 1000 * step + i), v.shape),
    }));
    const before = ownDispatches.count;
    optimizer.applyGradients(grads);
    dispatches.push(ownDispatches.count - before);
    tf.dispose(grads.map((g) => g.tensor));
    counts.push(tf.memory().numTensors);
  }
  const weights = await Promise.all(vars.map((v) => v.data()));
  // tfjs cannot save Adamax's state (getWeights throws "not implemented"): nothing to compare there.
  const saved = savesState(optimizer) ? await optimizer.getWeights() : [];
  const slots = await Promise.all(
    saved.map(async (w) => ({ name: w.name.replace(tag, ''), data: await w.tensor.data() })),
  );
  optimizer.dispose();
  tf.dispose(vars);
  return { weights, slots, counts, dispatches };
}

describe.skipIf(skip !== null)('fused optimiser updates on webgpu (Dawn)', () => {
  afterAll(() => tf.setBackend('cpu'));

  it('has a WebGPU adapter', () => expect(problem).toBeNull());

  it.each(PAIRS)(
    '$name: same weights and slots as tfjs over several steps, one dispatch per weight',
    async (p) => {
      const want = await train('cpu', p.reference, `ref-${p.name}`);
      const got = await train('webgpu', p.fused, `fused-${p.name}`);
      // One dispatch per weight tensor and step (the first step also creates the zero slots).
      expect(got.dispatches.slice(1)).toEqual(Array(STEPS - 1).fill(SHAPES.length));
      // No tensor-count growth from step to step.
      expect(new Set(got.counts.slice(1)).size).toBe(1);
      const errors = got.weights.map((w, i) => relError(w, want.weights[i]));
      console.info(
        `${p.name}: weight relative errors after ${STEPS} steps ${errors.map((e) => e.toExponential(2))}`,
      );
      for (const e of errors) expect(e).toBeLessThan(1e-5);
      // Checkpoint format: same names (`<weight>/m` …) in the same order, same values.
      expect(got.slots.map((s) => s.name)).toEqual(want.slots.map((s) => s.name));
      for (const [i, s] of got.slots.entries())
        expect(relError(s.data, want.slots[i].data)).toBeLessThan(1e-5);
    },
  );

  it('Adam continues exactly when the fused kernel becomes unavailable mid-run (β^t carried over)', async () => {
    await tf.setBackend('webgpu');
    const kernel = tf.getKernel('StudioAdamUpdate', 'webgpu')!;
    const v = tf.variable(tf.tensor(seeded(12, 9), [3, 4]), true, 'switch/w');
    const r = tf.variable(tf.tensor(seeded(12, 9), [3, 4]), true, 'switch/r');
    const fused = new FusedAdam(0.05);
    const ref = tf.train.adam(0.05);
    for (let step = 0; step < 6; step++) {
      // From step 3 on, tfjs' own Adam runs (as on any other backend) and must see the fused steps' β^t.
      if (step === 3) tf.unregisterKernel('StudioAdamUpdate', 'webgpu');
      const g = tf.tensor(seeded(12, step + 40), [3, 4]);
      fused.applyGradients([{ name: v.name, tensor: g }]);
      ref.applyGradients([{ name: r.name, tensor: g }]);
      g.dispose();
    }
    tf.registerKernel(kernel);
    expect(relError(await v.data(), await r.data())).toBeLessThan(1e-5);
    tf.dispose([v, r]);
    fused.dispose();
    ref.dispose();
  });

  it('Adam resumes from a checkpoint (optimizer.getWeights → a new optimiser) with the same numbers', async () => {
    await tf.setBackend('webgpu');
    const start = tf.tensor(seeded(12, 21), [3, 4]);
    const v = tf.variable(start, true, 'resume/w');
    const r = tf.variable(start, true, 'resume/r');
    start.dispose();
    const ref = tf.train.adam(0.05);
    let fused = new FusedAdam(0.05);
    for (let step = 0; step < 6; step++) {
      if (step === 3) {
        const saved = (await fused.getWeights()).map((w) => ({ name: w.name, tensor: w.tensor.clone() }));
        fused.dispose();
        fused = new FusedAdam(0.05);
        await fused.setWeights(saved);
        tf.dispose(saved.map((w) => w.tensor));
      }
      const g = tf.tensor(seeded(12, step + 70), [3, 4]);
      fused.applyGradients([{ name: v.name, tensor: g }]);
      ref.applyGradients([{ name: r.name, tensor: g }]);
      g.dispose();
    }
    expect(relError(await v.data(), await r.data())).toBeLessThan(1e-5);
    tf.dispose([v, r]);
    fused.dispose();
    ref.dispose();
  });
});
