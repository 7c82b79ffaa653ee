import * as tf from '@tensorflow/tfjs';
import { type GpuProgram, grid1d, runProgram } from './gpu-program';

type KernelArgs = { inputs: tf.NamedTensorInfoMap; attrs?: tf.NamedAttrMap; backend: unknown };

/** The clip of the engine's categorical cross-entropy (losses.ts). */
const EPS = 1e-7;

/**
 * −mean_n log(clip(p[n, label_n] / Σ_j p[n, j], ε, 1 − ε)) over a batch of probabilities [N, C] and int32
 * class labels [N]: tfjs composes it from ~26 kernels (one-hot, sum, divide, clip, log, multiply, sum, mean,
 * negate) and its gradient from ~30; here one dispatch each. Labels outside [0, C) add nothing (like a
 * one-hot of them).
 */
const FORWARD = `
var<workgroup> part: array<f32, 256>;
@compute @workgroup_size(256, 1, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>) {
  var s = 0.0;
  for (var n = lid.x; n < u.N; n += 256u) {
    let l = in1[n];
    if (l < 0 || u32(l) >= u.C) { continue; }
    var total = 0.0;
    for (var j = 0u; j < u.C; j++) { total += in0[n * u.C + j]; }
    s += log(clamp(in0[n * u.C + u32(l)] / total, u.eps, 1.0 - u.eps));
  }
  part[lid.x] = s;
  workgroupBarrier();
  for (var w = 128u; w > 0u; w = w / 2u) {
    if (lid.x < w) { part[lid.x] += part[lid.x + w]; }
    workgroupBarrier();
  }
  if (lid.x == 0u) { out0[0] = -(part[0] / f32(u.N)); }
}`;

/** d loss / d p[n, j] = −dy / (N·S) · (δ_jl / q − 1), q = p_l / S inside the clip range, else 0 (as tfjs). */
const BACKWARD = `
@compute @workgroup_size(256, 1, 1)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.y * u.rowGroups * 256u + gid.x;
  if (i >= u.N * u.C) { return; }
  let n = i / u.C;
  let j = i % u.C;
  let l = in1[n];
  if (l < 0 || u32(l) >= u.C) { out0[i] = 0.0; return; }
  var total = 0.0;
  for (var k = 0u; k < u.C; k++) { total += in0[n * u.C + k]; }
  let q = in0[n * u.C + u32(l)] / total;
  if (q < u.eps || q > 1.0 - u.eps) { out0[i] = 0.0; return; }
  let g = -in2[0] / (f32(u.N) * q);
  var d = -q;
  if (j == u32(l)) { d = 1.0 - q; }
  out0[i] = g / total * d;
}`;

function sizes(pred: tf.TensorInfo) {
  const [N, C] = pred.shape;
  return [
    { name: 'N', type: 'u32' as const, value: N },
    { name: 'C', type: 'u32' as const, value: C },
    { name: 'eps', type: 'f32' as const, value: EPS },
  ];
}

export const sparseCrossEntropyConfig: tf.KernelConfig = {
  kernelName: 'StudioSparseCrossEntropy',
  backendName: 'webgpu',
  kernelFunc: (({ inputs, backend }: KernelArgs) => {
    const { pred, labels } = inputs as { pred: tf.TensorInfo; labels: tf.TensorInfo };
    const program: GpuProgram = {
      key: 'studio-sparse-xent',
      name: 'StudioSparseCrossEntropy',
      outputs: 1,
      inputs: 2,
      inputTypes: ['f32', 'i32'],
      uniforms: sizes(pred),
      body: FORWARD,
      workgroups: [1, 1, 1],
    };
    return runProgram(backend, program, [pred, labels], [[]])[0];
  }) as unknown as tf.KernelFunc,
};

export const sparseCrossEntropyGradConfig: tf.KernelConfig = {
  kernelName: 'StudioSparseCrossEntropyGrad',
  backendName: 'webgpu',
  kernelFunc: (({ inputs, backend }: KernelArgs) => {
    const { pred, labels, dy } = inputs as { pred: tf.TensorInfo; labels: tf.TensorInfo; dy: tf.TensorInfo };
    const workgroups = grid1d(pred.shape[0] * pred.shape[1], 256);
    const program: GpuProgram = {
      key: 'studio-sparse-xent-grad',
      name: 'StudioSparseCrossEntropyGrad',
      outputs: 1,
      inputs: 3,
      inputTypes: ['f32', 'i32', 'f32'],
      uniforms: [...sizes(pred), { name: 'rowGroups', type: 'u32', value: workgroups[0] }],
      body: BACKWARD,
      workgroups,
    };
    return runProgram(backend, program, [pred, labels, dy], [pred.shape])[0];
  }) as unknown as tf.KernelFunc,
};

/** True where the fused loss applies: webgpu active, kernels registered, probabilities [N, C], int32 labels. */
export function fusedCrossEntropyApplies(y: tf.Tensor, pred: tf.Tensor): boolean {
  return (
    tf.getBackend() === 'webgpu' &&
    pred.rank === 2 &&
    y.dtype === 'int32' &&
    y.size === pred.shape[0] &&
    tf.getKernel('StudioSparseCrossEntropy', 'webgpu') != null
  );
}

/**
 * The engine's sparse categorical cross-entropy of probabilities (losses.ts `categorical`, not from logits)
 * in one dispatch forward and one backward, same numbers within float rounding.
 */
export function fusedSparseCrossEntropy(y: tf.Tensor, pred: tf.Tensor): tf.Scalar {
  const labels = tf.reshape(y, [-1]);
  const forward = (p: tf.Tensor, save: tf.GradSaveFunc) => {
    save([p]);
    const value = tf.engine().runKernel('StudioSparseCrossEntropy', { pred: p, labels }, {}) as tf.Scalar;
    const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]) =>
      tf.engine().runKernel('StudioSparseCrossEntropyGrad', { pred: saved[0], labels, dy }, {}) as tf.Tensor;
    return { value, gradFunc };
  };
  const f = tf.customGrad(forward as unknown as Parameters<typeof tf.customGrad>[0]);
  return f(pred) as tf.Scalar;
}
