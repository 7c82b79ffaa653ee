import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useSimdKernels } from './simd';
import { SIMD_MODES } from './test-cases';
import { nodeBackends } from '../../../testing/backends';
import { OPTIMIZER_PAIRS } from '../optimizer-pairs';
import { relError, seeded } from '../webgpu/webgpu-test-setup';

let hasWasm = false;
beforeAll(async () => {
  hasWasm = (await nodeBackends()).includes('wasm');
});
afterAll(() => tf.setBackend('cpu'));

const SHAPES = [[6, 5], [5], [3, 3, 2, 4], [700]];
const STEPS = 5;

/** Weights after `steps` updates with fixed gradients, the saved optimiser state, kernels per step. */
async function train(backend: string, make: () => tf.Optimizer, tag: string) {
  await tf.setBackend(backend);
  const vars = SHAPES.map((s, i) =>
    tf.variable(tf.tensor(seeded(tf.util.sizeFromShape(s), 100 + i), s), true, `${tag}/w${i}`),
  );
  const optimizer = make();
  const kernels: number[] = [];
  const counts: number[] = [];
  for (let step = 0; step < STEPS; step++) {
    const grads = vars.map((v, i) => ({
      name: v.name,
      tensor: tf.tensor(seeded(v.size, 1000 * step + i), v.shape),
    }));
    const info = await tf.profile(() => optimizer.applyGradients(grads));
    kernels.push(info.kernels.length);
    tf.dispose(grads.map((g) => g.tensor));
    counts.push(tf.memory().numTensors);
  }
  const weights = await Promise.all(vars.map((v) => v.data()));
  // tfjs cannot save Adamax's state (getWeights throws "not implemented").
  const saved = optimizer instanceof tf.AdamaxOptimizer ? [] : await optimizer.getWeights();
  const slots = await Promise.all(
    saved.map(async (w) => ({ name: w.name.replace(tag, ''), data: await w.tensor.data() })),
  );
  optimizer.dispose();
  tf.dispose(vars);
  return { weights, slots, kernels, counts };
}

describe.each(SIMD_MODES)('fused optimiser updates on WASM ($mode)', ({ simd }) => {
  beforeAll(() => useSimdKernels(simd));
  afterAll(() => useSimdKernels(true));

  it.each(OPTIMIZER_PAIRS)(
    '$name: same weights and slots as tfjs on CPU and WASM, one kernel per weight',
    async (p) => {
      if (!hasWasm) return;
      const cpu = await train('cpu', p.reference, `cpu-${p.name}`);
      const own = await train('wasm', p.reference, `wasm-${p.name}`);
      const got = await train('wasm', p.fused, `fused-${p.name}`);
      // One kernel per weight tensor and step after the first (which also makes the zero slots).
      expect(got.kernels.slice(1)).toEqual(Array(STEPS - 1).fill(SHAPES.length));
      expect(own.kernels[1]).toBeGreaterThan(SHAPES.length);
      expect(new Set(got.counts.slice(1)).size).toBe(1);
      for (const [i, w] of got.weights.entries()) {
        expect(relError(w, cpu.weights[i])).toBeLessThan(1e-5);
        expect(relError(w, own.weights[i])).toBeLessThan(1e-6);
      }
      // Checkpoint format: the same slot names (`<weight>/m` …) in the same order, with the same values.
      expect(got.slots.map((s) => s.name)).toEqual(cpu.slots.map((s) => s.name));
      for (const [i, s] of got.slots.entries())
        expect(relError(s.data, cpu.slots[i].data)).toBeLessThan(1e-5);
    },
  );
});
