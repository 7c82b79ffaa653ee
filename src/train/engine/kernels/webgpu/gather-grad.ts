import * as tf from '@tensorflow/tfjs';
import { grid1d, runProgram } from './gpu-program';

type KernelArgs = { inputs: tf.NamedTensorInfoMap; attrs?: tf.NamedAttrMap; backend: unknown };

/**
 * The gradient of an Embedding's row lookup (gather on axis 0 of a [rows, width] table): dy rows [n, width]
 * added into a zeroed [rows, width] table at their ids, in two dispatches (zero, then an atomic scatter-add).
 * tfjs: transpose, reshape, fill, scatter, transpose back (four dispatches, two of them over the whole table).
 */
export const gatherGradConfig: tf.KernelConfig = {
  kernelName: 'StudioGatherGrad',
  backendName: 'webgpu',
  kernelFunc: (({ inputs, attrs, backend }: KernelArgs) => {
    const { dy, indices } = inputs as Record<string, tf.TensorInfo>;
    const rows = (attrs as { rows: number }).rows;
    const [n, width] = dy.shape;
    const size = rows * width;
    const zero = grid1d(size, 256);
    const [table] = runProgram(
      backend,
      {
        key: 'studio-gather-grad-zero',
        name: 'StudioGatherGradZero',
        outputs: 1,
        inputs: 0,
        uniforms: [
          { name: 'size', type: 'u32', value: size },
          { name: 'rowGroups', type: 'u32', value: zero[0] },
        ],
        body: `
@compute @workgroup_size(256, 1, 1)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.y * u.rowGroups * 256u + gid.x;
  if (i < u.size) { out0[i] = 0.0; }
}`,
        workgroups: zero,
      },
      [],
      [[rows, width]],
    );
    const scatter = grid1d(n * width, 256);
    runProgram(
      backend,
      {
        key: 'studio-gather-grad-scatter',
        name: 'StudioGatherGrad',
        outputs: 0,
        inputs: 3,
        inputTypes: ['atomic', 'f32', 'i32'],
        uniforms: [
          { name: 'size', type: 'u32', value: n * width },
          { name: 'width', type: 'u32', value: width },
          { name: 'rows', type: 'i32', value: rows },
          { name: 'rowGroups', type: 'u32', value: scatter[0] },
        ],
        // Float add through compare-exchange on the bits (WGSL has integer atomics only), as tfjs' scatter does.
        body: `
@compute @workgroup_size(256, 1, 1)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.y * u.rowGroups * 256u + gid.x;
  if (i >= u.size) { return; }
  let row = in2[i / u.width];
  if (row < 0 || row >= u.rows) { return; }
  let at = u32(row) * u.width + i % u.width;
  let v = in1[i];
  var old = atomicLoad(&in0[at]);
  loop {
    let res = atomicCompareExchangeWeak(&in0[at], old, bitcast<i32>(bitcast<f32>(old) + v));
    if (res.exchanged) { break; }
    old = res.old_value;
  }
}`,
        workgroups: scatter,
      },
      [table, dy, indices],
      [],
    );
    return table;
  }) as unknown as tf.KernelFunc,
};

let original: tf.GradConfig | null = null;

/**
 * Wraps tfjs' gradient of GatherV2: on webgpu (kernel registered) a lookup of rows of a 2-D float table (axis 0,
 * no batch dimensions: an Embedding) gets `StudioGatherGrad`; every other gather keeps tfjs' own gradient.
 */
export function registerGatherGradient(): void {
  if (original) return;
  const own = tf.getGradient('GatherV2');
  if (!own) return;
  original = own;
  tf.registerGradient({
    ...own,
    gradFunc: (dy, saved, attrs) => {
      const [x, indices] = saved;
      const { axis, batchDims } = attrs as { axis: number; batchDims: number };
      const fused =
        tf.getBackend() === 'webgpu' &&
        tf.getKernel('StudioGatherGrad', 'webgpu') != null &&
        x.rank === 2 &&
        (axis === 0 || axis === -2) &&
        !batchDims &&
        (dy as tf.Tensor).dtype === 'float32';
      if (!fused) return own.gradFunc(dy, saved, attrs);
      return {
        x: () =>
          tf.engine().runKernel(
            'StudioGatherGrad',
            {
              dy: tf.reshape(dy as tf.Tensor, [indices.size, x.shape[1] as number]),
              indices: tf.reshape(indices, [-1]),
            },
            { rows: x.shape[0] },
          ) as tf.Tensor,
        indices: () => indices,
      };
    },
  });
}

/** Puts tfjs' own GatherV2 gradient back. */
export function unregisterGatherGradient(): void {
  if (original) tf.registerGradient(original);
  original = null;
}
