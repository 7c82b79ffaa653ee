import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileGraph } from '../../compile';
import { ALL_LAYERS, addNode, connect, type Graph } from '../../graph';
import { nodeBackends } from '../testing/backends';

type Pad = 'valid' | 'same' | tf.backend_util.ExplicitPadding;

let hasWasm = false;
beforeAll(async () => {
  hasWasm = (await nodeBackends()).includes('wasm');
});

function relError(
  a: Float32Array | Int32Array | Uint8Array,
  b: Float32Array | Int32Array | Uint8Array,
): number {
  let diff = 0;
  let scale = 1e-12;
  for (let i = 0; i < b.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return diff / scale;
}

/** dW on a backend; dilation > 1 is checked on CPU through the equivalent zero-inserted filter. */
function filterGrad(
  backend: string,
  x: number[],
  dy: number[],
  xShape: number[],
  dyShape: number[],
  k: number,
  s: number,
  d: number,
  pad: Pad,
) {
  tf.setBackend(backend);
  const ci = xShape[3];
  const co = dyShape[3];
  const kd = backend === 'cpu' ? (k - 1) * d + 1 : k;
  const out = tf.engine().runKernel(
    'Conv2DBackpropFilter',
    {
      x: tf.tensor4d(x, xShape as [number, number, number, number]),
      dy: tf.tensor4d(dy, dyShape as [number, number, number, number]),
    },
    {
      strides: s,
      pad,
      dataFormat: 'NHWC',
      filterShape: [kd, kd, ci, co],
      ...(backend === 'cpu' ? {} : { dilations: d }),
    },
  ) as tf.Tensor4D;
  const picked =
    backend === 'cpu' && d > 1 ? tf.stridedSlice(out, [0, 0, 0, 0], [kd, kd, ci, co], [d, d, 1, 1]) : out;
  return picked.dataSync() as Float32Array;
}

const CASES: [k: number, s: number, d: number, pad: Pad][] = [
  [3, 1, 1, 'valid'],
  [3, 1, 1, 'same'],
  [3, 2, 1, 'valid'],
  [3, 2, 1, 'same'],
  [2, 2, 1, 'same'],
  [5, 3, 1, 'same'],
  [3, 1, 2, 'valid'],
  [3, 1, 2, 'same'],
  [2, 1, 3, 'valid'],
  [
    3,
    1,
    1,
    [
      [0, 0],
      [1, 2],
      [2, 0],
      [0, 0],
    ],
  ],
  [
    3,
    2,
    1,
    [
      [0, 0],
      [0, 1],
      [1, 1],
      [0, 0],
    ],
  ],
];

describe('WASM Conv2DBackpropFilter', () => {
  it.each(CASES)(
    'matches CPU gradients for kernel %i, stride %i, dilation %i, padding %j',
    (k, s, d, pad) => {
      if (!hasWasm) return;
      const xShape: [number, number, number, number] = [3, 11, 9, 2];
      const forward = tf.tidy(() => {
        tf.setBackend('cpu');
        const f = tf.zeros([k, k, 2, 4]) as tf.Tensor4D;
        return tf.conv2d(tf.zeros(xShape) as tf.Tensor4D, f, s, pad as 'valid', 'NHWC', d).shape;
      });
      const x = Array.from({ length: xShape.reduce((a, b) => a * b) }, (_, i) => Math.sin(i * 0.37));
      const dy = Array.from({ length: forward.reduce((a, b) => a * b) }, (_, i) => Math.cos(i * 0.11));
      const want = tf.tidy(() => filterGrad('cpu', x, dy, xShape, forward, k, s, d, pad));
      const got = tf.tidy(() => filterGrad('wasm', x, dy, xShape, forward, k, s, d, pad));
      expect(got.length).toBe(want.length);
      expect(relError(got, want)).toBeLessThan(1e-5);
    },
  );

  it('does not leak tensors or WASM memory per call', async () => {
    if (!hasWasm) return;
    await tf.setBackend('wasm');
    const x = tf.randomNormal([4, 12, 12, 3]);
    const dy = tf.randomNormal([4, 5, 5, 8]);
    const call = () =>
      tf.tidy(() =>
        tf
          .engine()
          .runKernel(
            'Conv2DBackpropFilter',
            { x, dy },
            { strides: 2, pad: 'valid', dataFormat: 'NHWC', filterShape: [3, 3, 3, 8] },
          ),
      );
    tf.dispose(call());
    const tensors = tf.memory().numTensors;
    const ids = tf.engine().backend.numDataIds();
    for (let i = 0; i < 5; i++) tf.dispose(call());
    expect(tf.memory().numTensors).toBe(tensors);
    expect(tf.engine().backend.numDataIds()).toBe(ids);
    tf.dispose([x, dy]);
  });
});

describe('WASM depthwise gradients (CPU kernels on WASM memory)', () => {
  it('match CPU gradients of a depthwise convolution', async () => {
    if (!hasWasm) return;
    const grads = async (backend: string) => {
      await tf.setBackend(backend);
      return tf.tidy(() => {
        const x = tf.tensor4d(
          Array.from({ length: 2 * 7 * 7 * 3 }, (_, i) => Math.sin(i)),
          [2, 7, 7, 3],
        );
        const f = tf.tensor4d(
          Array.from({ length: 3 * 3 * 3 * 2 }, (_, i) => Math.cos(i)),
          [3, 3, 3, 2],
        );
        const g = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
          tf.sum(tf.square(tf.depthwiseConv2d(a as tf.Tensor4D, b as tf.Tensor4D, 2, 'same'))),
        );
        return g([x, f]).map((t) => t.dataSync() as Float32Array);
      });
    };
    const want = await grads('cpu');
    const got = await grads('wasm');
    for (let i = 0; i < 2; i++) expect(relError(got[i], want[i])).toBeLessThan(1e-5);
  });
});

function tinyModel(type: string, shape: number[]): tf.LayersModel | null {
  try {
    let g: Graph = { nodes: [], edges: [] };
    const input = addNode(
      g,
      'Input',
      { x: 0, y: 0 },
      { params: { shape, ...(type === 'Embedding' ? { dtype: 'int32' } : {}) } },
    );
    const layer = addNode(input.graph, type, { x: 0, y: 0 });
    g = connect(layer.graph, input.id, layer.id);
    return compileGraph(g);
  } catch {
    return null;
  }
}

describe('every catalog layer trains on WASM', () => {
  const specs = ALL_LAYERS.filter((s) => s.inputs.min <= 1 && s.inputs.max >= 1);
  it.each(specs.map((s) => s.type))('%s has every gradient kernel', async (type) => {
    if (!hasWasm) return;
    await tf.setBackend('wasm');
    const model = [[8, 8, 3], [6, 4], [5], [4, 4, 4, 2]]
      .map((s) => [s, tinyModel(type, s)] as const)
      .find(([, m]) => m);
    if (!model) return;
    const [shape, m] = model;
    tf.tidy(() => {
      const x = type === 'Embedding' ? tf.zeros([2, ...shape], 'int32') : tf.randomNormal([2, ...shape]);
      const f = () => tf.sum(m!.apply(x, { training: true }) as tf.Tensor) as tf.Scalar;
      if (m!.trainableWeights.length) tf.variableGrads(f);
      else if (x.dtype === 'float32' && !['Masking', 'ThresholdedReLU'].includes(type))
        tf.grad((v: tf.Tensor) => tf.sum(m!.apply(v, { training: true }) as tf.Tensor))(x);
    });
  });
});
