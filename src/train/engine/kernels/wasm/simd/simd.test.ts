import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script, without type declarations.
import { compileKernels } from '../../../../../../scripts/build-wasm-kernels.mjs';
import { nodeBackends } from '../../../../testing/backends';
import { relError, seeded } from '../../webgpu/webgpu-test-setup';
import { KERNELS_PLAIN, KERNELS_SHARED } from './binary';
import { heapOffset, simdKernels } from './index';

let hasWasm = false;
beforeAll(async () => {
  hasWasm = (await nodeBackends()).includes('wasm');
});
afterAll(() => tf.setBackend('cpu'));

describe('the SIMD kernels of the WASM backend', () => {
  it('are kernels.wat as compiled now (binary.ts is not stale)', async () => {
    expect(KERNELS_PLAIN).toBe(await compileKernels(false));
    expect(KERNELS_SHARED).toBe(await compileKernels(true));
    for (const b64 of [KERNELS_PLAIN, KERNELS_SHARED]) {
      expect(WebAssembly.validate(Buffer.from(b64, 'base64'))).toBe(true);
    }
  });

  it('run on the backend’s own memory and see tensors where tfjs put them', async () => {
    if (!hasWasm) return;
    await tf.setBackend('wasm');
    const backend = tf.backend() as BackendWasm;
    const kernels = simdKernels(backend);
    expect(kernels).not.toBeNull();
    // The same instance for the same memory.
    expect(simdKernels(backend)).toBe(kernels);
    const rows = 37;
    const C = 12;
    const x = tf.tensor2d(seeded(rows * C, 4), [rows, C]);
    const out = tf.zeros([C]);
    // Grow the heap after both tensors exist: offsets stay valid, the instance sees the new memory.
    const big = tf.zeros([4 << 20]);
    kernels!.sumRows(heapOffset(backend, x), heapOffset(backend, out), rows, C);
    const want = new Float32Array(C);
    const values = x.dataSync();
    for (let r = 0; r < rows; r++) for (let c = 0; c < C; c++) want[c] += values[r * C + c];
    expect(relError(out.dataSync(), want)).toBe(0);
    tf.dispose([x, out, big]);
  });
});
