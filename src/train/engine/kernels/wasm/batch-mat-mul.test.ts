import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeBackends } from '../../../testing/backends';
import { batchMatMulWasm } from './batch-mat-mul';

// [a shape, b shape, transposeA, transposeB]: a Dense layer's two gradient products, batched and broadcast ones.
const CASES: [number[], number[], boolean, boolean][] = [
  [[64, 784], [784, 256], false, false],
  [[64, 256], [784, 256], false, true], // dx = dy · Wᵀ
  [[64, 784], [64, 256], true, false], // dW = xᵀ · dy
  [[5, 7], [9, 5], true, true],
  [[3, 4, 6], [3, 4, 5], true, false],
  [[2, 6, 4], [1, 5, 4], false, true],
];

beforeAll(async () => {
  if (!(await nodeBackends()).includes('wasm')) throw new Error('these tests need the WASM backend');
});

function product(backend: string, av: Float32Array, bv: Float32Array, c: (typeof CASES)[number]) {
  tf.setBackend(backend);
  return tf.tidy(() =>
    tf.matMul(tf.tensor(av, c[0]), tf.tensor(bv, c[1]), c[2], c[3]).dataSync(),
  ) as Float32Array;
}

describe('BatchMatMul on WASM with transposed operands (the studio kernel)', () => {
  it('wraps tfjs-backend-wasm’s own kernel', () => {
    expect(tf.getKernel('BatchMatMul', 'wasm')?.kernelFunc).toBe(batchMatMulWasm);
  });

  it('equals the CPU backend’s product for every transpose combination, batched and broadcast', () => {
    for (const c of CASES) {
      const av = Float32Array.from({ length: c[0].reduce((x, y) => x * y, 1) }, () => Math.random() * 2 - 1);
      const bv = Float32Array.from({ length: c[1].reduce((x, y) => x * y, 1) }, () => Math.random() * 2 - 1);
      const cpu = product('cpu', av, bv, c);
      const wasm = product('wasm', av, bv, c);
      expect(wasm.length, JSON.stringify(c)).toBe(cpu.length);
      let worst = 0;
      for (let i = 0; i < cpu.length; i++) worst = Math.max(worst, Math.abs(wasm[i] - cpu[i]));
      expect(worst, JSON.stringify(c)).toBeLessThan(1e-4);
    }
  });

  it('leaves no tensor behind and gives a Dense layer’s gradients as on CPU', () => {
    const grads = (backend: string) => {
      tf.setBackend(backend);
      return tf.tidy(() => {
        const x = tf.tensor2d([1, -2, 3, 0.5, 4, -1], [2, 3]);
        const w = tf.tensor2d([0.1, 0.2, -0.3, 0.4, 0.5, -0.6], [3, 2]);
        const g = tf.grads((a, b) => tf.matMul(a, b).square().sum())([x, w]);
        return g.map((t) => Array.from(t.dataSync()));
      });
    };
    const before = tf.memory().numTensors;
    const wasm = grads('wasm');
    expect(tf.memory().numTensors).toBe(before);
    const cpu = grads('cpu');
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < cpu[i].length; j++) expect(wasm[i][j]).toBeCloseTo(cpu[i][j], 5);
  });
});
