import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { depthwiseBackpropFilterConfig } from './depthwise-backprop-filter';
import { ownDispatches } from './gpu-program';
import { registerWebGpuTrainingKernels } from './index';
import { relError, seeded, webGpuForTests } from './webgpu-test-setup';

type Pad = 'valid' | 'same';
interface Case {
  x: [number, number, number, number];
  k: number;
  mult: number;
  s: number;
  d: number;
  pad: Pad;
}

const { skip, problem } = await webGpuForTests();
if (!skip && !problem) registerWebGpuTrainingKernels();

/**
 * dW on a backend. The CPU kernel ignores dilation (tfjs trains no dilated depthwise layer), so on CPU dilation d
 * is the gradient of the zero-inserted (k−1)·d+1 filter at every d-th tap.
 */
async function filterGrad(backend: string, c: Case, x: Float32Array, dy: Float32Array, dyShape: number[]) {
  await tf.setBackend(backend);
  const big = (c.k - 1) * c.d + 1;
  const cpuDilated = backend === 'cpu' && c.d > 1;
  const k = cpuDilated ? big : c.k;
  const out = tf.tidy(() => {
    const r = tf
      .engine()
      .runKernel(
        'DepthwiseConv2dNativeBackpropFilter',
        { x: tf.tensor(x, c.x), dy: tf.tensor(dy, dyShape) },
        {
          strides: c.s,
          dilations: cpuDilated ? 1 : c.d,
          pad: c.pad,
          filterShape: [k, k, c.x[3], c.mult],
        } as unknown as tf.NamedAttrMap,
      ) as tf.Tensor4D;
    return cpuDilated ? tf.stridedSlice(r, [0, 0, 0, 0], [big, big, c.x[3], c.mult], [c.d, c.d, 1, 1]) : r;
  });
  const values = (await out.data()) as Float32Array;
  out.dispose();
  return values;
}

// tfjs allows stride > 1 with dilation 1 only, and dilation > 1 with stride 1 only.
const CASES: Case[] = [
  { x: [2, 8, 8, 3], k: 3, mult: 1, s: 1, d: 1, pad: 'valid' },
  { x: [2, 8, 8, 3], k: 3, mult: 2, s: 1, d: 1, pad: 'same' },
  { x: [2, 9, 9, 4], k: 3, mult: 1, s: 2, d: 1, pad: 'same' },
  { x: [2, 9, 9, 4], k: 3, mult: 3, s: 2, d: 1, pad: 'valid' },
  { x: [1, 11, 11, 2], k: 3, mult: 1, s: 1, d: 2, pad: 'valid' },
  { x: [1, 11, 11, 2], k: 3, mult: 2, s: 1, d: 2, pad: 'same' },
  { x: [4, 14, 14, 70], k: 5, mult: 1, s: 1, d: 1, pad: 'same' },
  { x: [16, 28, 28, 1], k: 3, mult: 8, s: 1, d: 1, pad: 'valid' },
];

describe.skipIf(skip !== null)('DepthwiseConv2dNativeBackpropFilter on webgpu (Dawn)', () => {
  afterAll(() => tf.setBackend('cpu'));

  it('has a WebGPU adapter and the studio kernel registered', () => {
    expect(problem).toBeNull();
    expect(tf.getKernel('DepthwiseConv2dNativeBackpropFilter', 'webgpu')?.kernelFunc).toBe(
      depthwiseBackpropFilterConfig.kernelFunc,
    );
  });

  it.each(CASES)(
    'equals the CPU backend within 1e-4: x $x, k $k, multiplier $mult, stride $s, dilation $d, pad $pad',
    async (c) => {
      const info = tf.backend_util.computeConv2DInfo(
        c.x,
        [c.k, c.k, c.x[3], c.mult],
        c.s,
        c.d,
        c.pad,
        undefined,
        true,
      );
      const dyShape = [c.x[0], info.outHeight, info.outWidth, c.x[3] * c.mult];
      const x = seeded(
        c.x.reduce((a, b) => a * b, 1),
        3,
      );
      const dy = seeded(
        dyShape.reduce((a, b) => a * b, 1),
        5,
      );
      const want = await filterGrad('cpu', c, x, dy, dyShape);
      const before = ownDispatches.count;
      const got = await filterGrad('webgpu', c, x, dy, dyShape);
      expect(ownDispatches.count - before).toBeGreaterThanOrEqual(1);
      const error = relError(got, want);
      console.info(
        `DepthwiseConv2dNativeBackpropFilter ${JSON.stringify(c)}: relative error ${error.toExponential(2)}`,
      );
      expect(got.length).toBe(c.k * c.k * c.x[3] * c.mult);
      expect(error).toBeLessThan(1e-4);
    },
  );
});
