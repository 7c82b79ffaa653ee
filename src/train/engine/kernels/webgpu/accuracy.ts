import * as tf from '@tensorflow/tfjs';
import { type GpuProgram, runProgram } from './gpu-program';

type KernelArgs = { inputs: tf.NamedTensorInfoMap; attrs?: tf.NamedAttrMap; backend: unknown };

/**
 * Share of rows whose first maximum (tfjs' argMax) is the int32 label: tfjs composes it from ~7 kernels
 * (reshape, cast, argMax, equal, cast, mean); here one dispatch.
 */
const BODY = `
var<workgroup> part: array<f32, 256>;
@compute @workgroup_size(256, 1, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>) {
  var hits = 0.0;
  for (var n = lid.x; n < u.N; n += 256u) {
    var best = 0u;
    for (var j = 1u; j < u.C; j++) { if (in0[n * u.C + j] > in0[n * u.C + best]) { best = j; } }
    if (i32(best) == in1[n]) { hits += 1.0; }
  }
  part[lid.x] = hits;
  workgroupBarrier();
  for (var w = 128u; w > 0u; w = w / 2u) {
    if (lid.x < w) { part[lid.x] += part[lid.x + w]; }
    workgroupBarrier();
  }
  if (lid.x == 0u) { out0[0] = part[0] / f32(u.N); }
}`;

export const accuracyConfig: tf.KernelConfig = {
  kernelName: 'StudioAccuracy',
  backendName: 'webgpu',
  kernelFunc: (({ inputs, backend }: KernelArgs) => {
    const { pred, labels } = inputs as { pred: tf.TensorInfo; labels: tf.TensorInfo };
    const [N, C] = pred.shape;
    const program: GpuProgram = {
      key: 'studio-accuracy',
      name: 'StudioAccuracy',
      outputs: 1,
      inputs: 2,
      inputTypes: ['f32', 'i32'],
      uniforms: [
        { name: 'N', type: 'u32', value: N },
        { name: 'C', type: 'u32', value: C },
      ],
      body: BODY,
      workgroups: [1, 1, 1],
    };
    return runProgram(backend, program, [pred, labels], [[]])[0];
  }) as unknown as tf.KernelFunc,
};

/** True where the fused accuracy applies: webgpu, kernel registered, scores [N, C > 1], int32 labels. */
export function fusedAccuracyApplies(y: tf.Tensor, pred: tf.Tensor): boolean {
  return (
    tf.getBackend() === 'webgpu' &&
    pred.rank === 2 &&
    (pred.shape[1] ?? 0) > 1 &&
    y.dtype === 'int32' &&
    y.size === pred.shape[0] &&
    tf.getKernel('StudioAccuracy', 'webgpu') != null
  );
}

/** Accuracy of class scores against int32 labels in one dispatch. */
export function fusedAccuracy(y: tf.Tensor, pred: tf.Tensor): tf.Scalar {
  return tf.engine().runKernel('StudioAccuracy', { pred, labels: tf.reshape(y, [-1]) }, {}) as tf.Scalar;
}
