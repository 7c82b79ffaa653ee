import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { conv2dBackpropFilterConfig } from './conv2d-backprop-filter';
import { ownDispatches } from './gpu-program';
import { registerWebGpuTrainingKernels } from './index';
import { relError, seeded, webGpuForTests } from './webgpu-test-setup';

type Pad = 'valid' | 'same' | tf.backend_util.ExplicitPadding;
interface Case {
  x: [number, number, number, number];
  k: number;
  cout: number;
  s: number;
  d: number;
  pad: Pad;
  format?: 'NHWC' | 'NCHW';
}

const { skip, problem } = await webGpuForTests();
if (!skip && !problem) registerWebGpuTrainingKernels();

function outShape(c: Case, k: number): number[] {
  const [n, , , ci] = c.x;
  const info = tf.backend_util.computeConv2DInfo(c.x, [k, k, ci, c.cout], c.s, 1, c.pad);
  return [n, info.outHeight, info.outWidth, c.cout];
}

function toNchw(shape: number[]): number[] {
  return [shape[0], shape[3], shape[1], shape[2]];
}

/** dW on a backend; on CPU, dilation d is the gradient of the zero-inserted (k−1)·d+1 filter at every d-th tap. */
async function filterGrad(
  backend: string,
  c: Case,
  x: Float32Array,
  dy: Float32Array,
): Promise<Float32Array> {
  await tf.setBackend(backend);
  const ci = c.x[3];
  const nchw = c.format === 'NCHW';
  const big = (c.k - 1) * c.d + 1;
  const cpuDilated = backend === 'cpu' && c.d > 1;
  const kk = cpuDilated ? big : c.k;
  const ys = cpuDilated ? outShape({ ...c, k: big, d: 1 }, big) : outShape(c, (c.k - 1) * c.d + 1);
  const out = tf.tidy(() => {
    const xs = nchw ? toNchw(c.x) : c.x;
    const dyShape = nchw ? toNchw(ys) : ys;
    const r = tf
      .engine()
      .runKernel('Conv2DBackpropFilter', { x: tf.tensor(x, xs), dy: tf.tensor(dy, dyShape) }, {
        strides: c.s,
        pad: c.pad,
        dataFormat: c.format ?? 'NHWC',
        filterShape: [kk, kk, ci, c.cout],
        ...(cpuDilated ? {} : { dilations: c.d }),
      } as unknown as tf.NamedAttrMap) as tf.Tensor4D;
    const taps = cpuDilated ? tf.stridedSlice(r, [0, 0, 0, 0], [big, big, ci, c.cout], [c.d, c.d, 1, 1]) : r;
    return taps;
  });
  const values = (await out.data()) as Float32Array;
  out.dispose();
  return values;
}

const CASES: Case[] = [
  { x: [2, 8, 8, 3], k: 3, cout: 4, s: 1, d: 1, pad: 'valid' },
  { x: [2, 8, 8, 3], k: 3, cout: 4, s: 1, d: 1, pad: 'same' },
  { x: [2, 9, 9, 3], k: 3, cout: 5, s: 2, d: 1, pad: 'valid' },
  { x: [2, 9, 9, 3], k: 3, cout: 5, s: 2, d: 1, pad: 'same' },
  { x: [1, 10, 10, 2], k: 3, cout: 3, s: 1, d: 2, pad: 'valid' },
  { x: [1, 10, 10, 2], k: 3, cout: 3, s: 1, d: 2, pad: 'same' },
  { x: [2, 7, 11, 4], k: 5, cout: 6, s: 1, d: 1, pad: 'same' },
  { x: [2, 12, 12, 33], k: 1, cout: 35, s: 1, d: 1, pad: 'valid' },
  {
    x: [1, 9, 9, 2],
    k: 3,
    cout: 2,
    s: 2,
    d: 1,
    pad: [
      [0, 0],
      [1, 2],
      [2, 0],
      [0, 0],
    ],
  },
  { x: [3, 6, 6, 40], k: 3, cout: 70, s: 1, d: 1, pad: 'same' },
  { x: [16, 28, 28, 1], k: 3, cout: 32, s: 1, d: 1, pad: 'valid' },
  { x: [4, 16, 16, 32], k: 3, cout: 32, s: 1, d: 1, pad: 'same' },
  { x: [2, 8, 8, 3], k: 3, cout: 4, s: 1, d: 1, pad: 'same', format: 'NCHW' },
  { x: [2, 11, 11, 5], k: 4, cout: 7, s: 3, d: 1, pad: 'same' },
];

describe.skipIf(skip !== null)('Conv2DBackpropFilter on webgpu (Dawn)', () => {
  afterAll(() => tf.setBackend('cpu'));

  it('has a WebGPU adapter', () => {
    expect(problem).toBeNull();
    expect(tf.getKernel('Conv2DBackpropFilter', 'webgpu')?.kernelFunc).toBe(
      conv2dBackpropFilterConfig.kernelFunc,
    );
  });

  it.each(CASES)(
    'equals the CPU backend within 1e-4: x $x, k $k, cout $cout, stride $s, dilation $d, pad $pad, $format',
    async (c) => {
      const big = (c.k - 1) * c.d + 1;
      const ys = outShape(c, big);
      const x = seeded(
        c.x.reduce((a, b) => a * b, 1),
        7,
      );
      const dy = seeded(
        ys.reduce((a, b) => a * b, 1),
        11,
      );
      const want = await filterGrad('cpu', c, x, dy);
      const before = ownDispatches.count;
      const got = await filterGrad('webgpu', c, x, dy);
      // The studio's kernel ran (1 dispatch, or 2 with a split-K sum), not tfjs-backend-webgpu's own.
      expect(ownDispatches.count - before).toBeGreaterThanOrEqual(1);
      const error = relError(got, want);
      console.info(`Conv2DBackpropFilter ${JSON.stringify(c)}: relative error ${error.toExponential(2)}`);
      expect(got.length).toBe(c.k * c.k * c.x[3] * c.cout);
      expect(error).toBeLessThan(1e-4);
    },
  );
});
