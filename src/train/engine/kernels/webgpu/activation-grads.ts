import * as tf from '@tensorflow/tfjs';
import { elementwiseKernel } from './elementwise';
import { type GpuProgram, grid1d, runProgram } from './gpu-program';

type KernelArgs = { inputs: tf.NamedTensorInfoMap; attrs?: tf.NamedAttrMap; backend: unknown };

/** Relu's gradient dy · step(x) (tfjs: step, cast, multiply) in one dispatch; NaN in x stays NaN. */
export const reluGradConfig = elementwiseKernel({
  kernelName: 'StudioReluGrad',
  inputs: ['dy', 'x'],
  outputs: 1,
  scalars: [],
  statements: `
  let x = in1[i];
  out0[i] = in0[i] * select(select(0.0, 1.0, x > 0.0), x, x != x);`,
});

/** Widest softmax row the fused gradient takes (each element sums its row). */
const MAX_CLASSES = 1024;

/** Softmax's gradient dy·y − Σ(dy·y)·y over the last axis (tfjs: multiply, sum, multiply, sub) in one dispatch. */
export const softmaxGradConfig: tf.KernelConfig = {
  kernelName: 'StudioSoftmaxGrad',
  backendName: 'webgpu',
  kernelFunc: (({ inputs, backend }: KernelArgs) => {
    const { dy, y } = inputs as { dy: tf.TensorInfo; y: tf.TensorInfo };
    const size = tf.util.sizeFromShape(y.shape);
    const C = y.shape[y.shape.length - 1];
    const workgroups = grid1d(size, 256);
    const program: GpuProgram = {
      key: 'studio-softmax-grad',
      name: 'StudioSoftmaxGrad',
      outputs: 1,
      inputs: 2,
      uniforms: [
        { name: 'size', type: 'u32', value: size },
        { name: 'C', type: 'u32', value: C },
        { name: 'rowGroups', type: 'u32', value: workgroups[0] },
      ],
      body: `
@compute @workgroup_size(256, 1, 1)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.y * u.rowGroups * 256u + gid.x;
  if (i >= u.size) { return; }
  let row = (i / u.C) * u.C;
  var s = 0.0;
  for (var k = 0u; k < u.C; k++) { s += in0[row + k] * in1[row + k]; }
  out0[i] = in0[i] * in1[i] - s * in1[i];
}`,
      workgroups,
    };
    return runProgram(backend, program, [dy, y], [y.shape])[0];
  }) as unknown as tf.KernelFunc,
};

const originals = new Map<string, tf.GradConfig>();

function fusedHere(kernel: string): boolean {
  return tf.getBackend() === 'webgpu' && tf.getKernel(kernel, 'webgpu') != null;
}

/**
 * Wraps tfjs' gradients of Relu and Softmax: on webgpu (with the kernels registered) one dispatch each,
 * tfjs' own composition everywhere else.
 */
export function registerActivationGradients(): void {
  if (originals.size) return;
  const relu = tf.getGradient('Relu');
  const softmax = tf.getGradient('Softmax');
  if (!relu || !softmax) return;
  originals.set('Relu', relu);
  originals.set('Softmax', softmax);
  tf.registerGradient({
    ...relu,
    gradFunc: (dy, saved, attrs) => {
      if (!fusedHere('StudioReluGrad')) return relu.gradFunc(dy, saved, attrs);
      const [x] = saved;
      // Element-wise kernels return a list of outputs (here one).
      return {
        x: () => (tf.engine().runKernel('StudioReluGrad', { dy: dy as tf.Tensor, x }, {}) as tf.Tensor[])[0],
      };
    },
  });
  tf.registerGradient({
    ...softmax,
    gradFunc: (dy, saved, attrs) => {
      const [y] = saved;
      const dim = (attrs as { dim?: number }).dim ?? -1;
      const last = dim === -1 || dim === y.rank - 1;
      if (!last || y.shape[y.rank - 1] > MAX_CLASSES || !fusedHere('StudioSoftmaxGrad'))
        return softmax.gradFunc(dy, saved, attrs);
      return {
        logits: () => tf.engine().runKernel('StudioSoftmaxGrad', { dy: dy as tf.Tensor, y }, {}) as tf.Tensor,
      };
    },
  });
}

/** Puts tfjs' own Relu and Softmax gradients back. */
export function unregisterActivationGradients(): void {
  for (const config of originals.values()) tf.registerGradient(config);
  originals.clear();
}
