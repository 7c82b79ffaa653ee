import * as tf from '@tensorflow/tfjs';
import { type GpuProgram, grid1d, runProgram, type Uniform } from './gpu-program';
import { elementwiseProgram } from './elementwise';
import { oneInput, patchLayerCall, unpatchLayerCall } from '../layer-patch';

type KernelArgs = { inputs: tf.NamedTensorInfoMap; attrs?: tf.NamedAttrMap; backend: unknown };
type Backend = { disposeData(id: object): void };

/** Rows up to which one thread sums a channel alone (few rows: a workgroup of 256 would mostly idle). */
const SERIAL_ROWS = 512;

// The batch statistics of channel `ch` over every row (all axes but the last), two-pass like tfjs' moments (the
// mean, then the mean of squared deviations). Parallel: one workgroup of 256 per channel, thread t taking every
// 256th row, reduced through workgroup memory; serial: one thread per channel (t = 0, stride 1).
function reduceHelpers(serial: boolean): string {
  const stride = serial ? '1u' : '256u';
  const total = serial
    ? 'fn total(t: u32, v: f32) -> f32 { return v; }'
    : `var<workgroup> part: array<f32, 256>;
fn total(t: u32, v: f32) -> f32 {
  part[t] = v;
  workgroupBarrier();
  for (var k = 128u; k > 0u; k = k >> 1u) {
    if (t < k) { part[t] = part[t] + part[t + k]; }
    workgroupBarrier();
  }
  let s = part[0];
  workgroupBarrier();
  return s;
}`;
  return `
const STRIDE = ${stride};
${total}
fn moments(ch: u32, t: u32) -> vec2<f32> {
  let C = u.channels;
  var s = 0.0;
  for (var r = t; r < u.rows; r += STRIDE) { s += in0[r * C + ch]; }
  let mean = total(t, s) / f32(u.rows);
  var q = 0.0;
  for (var r = t; r < u.rows; r += STRIDE) { let d = in0[r * C + ch] - mean; q += d * d; }
  return vec2<f32>(mean, total(t, q) / f32(u.rows));
}
`;
}

/**
 * A per-channel reduction program (`reduceHelpers`; `main` sees ch, t, C and loops `r = t; r += STRIDE`) with
 * one f32 uniform `u.f`: a workgroup per channel, or a thread per channel where the rows are few.
 */
function reduceProgram(
  name: string,
  outputs: number,
  inputs: number,
  rows: number,
  channels: number,
  f: number,
  main: string,
): GpuProgram {
  const serial = rows <= SERIAL_ROWS || channels > 65535;
  const entry = serial
    ? `@compute @workgroup_size(64, 1, 1)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let ch = gid.y * u.rowGroups * 64u + gid.x;
  let t = 0u;
  if (ch >= u.channels) { return; }`
    : `@compute @workgroup_size(256, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) t: u32) {
  let ch = wg.x;`;
  const workgroups = serial ? grid1d(channels, 64) : ([channels, 1, 1] as [number, number, number]);
  return {
    key: `studio-${name}-${serial ? 'serial' : 'parallel'}`,
    name,
    outputs,
    inputs,
    uniforms: [
      { name: 'rows', type: 'u32', value: rows },
      { name: 'channels', type: 'u32', value: channels },
      { name: 'rowGroups', type: 'u32', value: workgroups[0] },
      { name: 'f', type: 'f32', value: f },
    ],
    body: `${reduceHelpers(serial)}
${entry}
  let C = u.channels;
${main}
}`,
    workgroups,
  };
}

/** An element-wise program over x ([rows, channels] flattened; `ch` its channel) with one f32 uniform `u.s`. */
function elementwise(
  name: string,
  inputs: number,
  size: number,
  channels: number,
  s: number,
  statement: string,
): GpuProgram {
  const uniforms: Uniform[] = [
    { name: 'channels', type: 'u32', value: channels },
    { name: 's', type: 'f32', value: s },
  ];
  return elementwiseProgram(
    name,
    inputs,
    1,
    size,
    uniforms,
    `  let ch = i % u.channels;\n  let C = u.channels;\n  ${statement}`,
  );
}

/**
 * BatchNormalization in training mode on the last axis: x, gamma, beta, the moving mean and variance →
 * the normalised x and the updated moving mean and variance (tfjs: moments' ~5 kernels, the batch norm, 6 for
 * the moving averages). Two dispatches: the statistics (one workgroup per channel), then the normalisation.
 */
export const batchNormTrainConfig: tf.KernelConfig = {
  kernelName: 'StudioBatchNormTrain',
  backendName: 'webgpu',
  kernelFunc: (({ inputs, attrs, backend }: KernelArgs) => {
    const { x, gamma, beta, movingMean, movingVariance } = inputs as Record<string, tf.TensorInfo>;
    const { epsilon, momentum } = attrs as { epsilon: number; momentum: number };
    const C = x.shape[x.shape.length - 1];
    const size = tf.util.sizeFromShape(x.shape);
    const stats = reduceProgram(
      'StudioBatchNormStats',
      3,
      3,
      size / C,
      C,
      1 - momentum,
      `
  let m = moments(ch, t);
  if (t == 0u) {
    out0[ch] = m.x;
    out0[C + ch] = m.y;
    out1[ch] = in1[ch] - (in1[ch] - m.x) * u.f;
    out2[ch] = in2[ch] - (in2[ch] - m.y) * u.f;
  }`,
    );
    const [moments, newMean, newVariance] = runProgram(
      backend,
      stats,
      [x, movingMean, movingVariance],
      [[2, C], [C], [C]],
    );
    const apply = elementwise(
      'StudioBatchNormApply',
      4,
      size,
      C,
      epsilon,
      `
  out0[i] = (in0[i] - in1[ch]) * inverseSqrt(in1[C + ch] + u.s) * in2[ch] + in3[ch];`,
    );
    const [y] = runProgram(backend, apply, [x, moments, gamma, beta], [x.shape]);
    (backend as Backend).disposeData(moments.dataId);
    return [y, newMean, newVariance];
  }) as unknown as tf.KernelFunc,
};

/** The gradient w.r.t. x (through the batch statistics), gamma and beta: two dispatches. */
export const batchNormTrainGradConfig: tf.KernelConfig = {
  kernelName: 'StudioBatchNormTrainGrad',
  backendName: 'webgpu',
  kernelFunc: (({ inputs, attrs, backend }: KernelArgs) => {
    const { x, gamma, dy } = inputs as Record<string, tf.TensorInfo>;
    const { epsilon } = attrs as { epsilon: number };
    const C = x.shape[x.shape.length - 1];
    const size = tf.util.sizeFromShape(x.shape);
    const rows = size / C;
    // Per channel: mean, 1/√(var + ε), Σdy, Σdy·x̂ (x̂ the normalised x); dgamma = Σdy·x̂, dbeta = Σdy.
    const sums = reduceProgram(
      'StudioBatchNormGradSums',
      3,
      2,
      rows,
      C,
      epsilon,
      `
  let m = moments(ch, t);
  let rstd = inverseSqrt(m.y + u.f);
  var s = 0.0;
  var sx = 0.0;
  for (var r = t; r < u.rows; r += STRIDE) {
    let g = in1[r * C + ch];
    s += g;
    sx += g * (in0[r * C + ch] - m.x) * rstd;
  }
  let sdy = total(t, s);
  let sdyx = total(t, sx);
  if (t == 0u) {
    out0[ch] = m.x;
    out0[C + ch] = rstd;
    out0[2u * C + ch] = sdy;
    out0[3u * C + ch] = sdyx;
    out1[ch] = sdyx;
    out2[ch] = sdy;
  }`,
    );
    const [stats, dGamma, dBeta] = runProgram(backend, sums, [x, dy], [[4, C], [C], [C]]);
    // dx = γ·rstd / M · (M·dy − Σdy − x̂·Σdy·x̂), M the rows (u.s).
    const dxProgram = elementwise(
      'StudioBatchNormGradX',
      4,
      size,
      C,
      rows,
      `
  let rstd = in2[C + ch];
  let xhat = (in0[i] - in2[ch]) * rstd;
  out0[i] = in3[ch] * rstd / u.s * (u.s * in1[i] - in2[2u * C + ch] - xhat * in2[3u * C + ch]);`,
    );
    const [dx] = runProgram(backend, dxProgram, [x, dy, stats, gamma], [x.shape]);
    (backend as Backend).disposeData(stats.dataId);
    return [dx, dGamma, dBeta];
  }) as unknown as tf.KernelFunc,
};

const batchNormTrainGradient: tf.GradConfig = {
  kernelName: 'StudioBatchNormTrain',
  inputsToSave: ['x', 'gamma'],
  // The moving mean and variance are not trained (no gradient reaches them; they are not weights of the loss).
  gradFunc: (dys, saved, attrs) => {
    const [dy] = dys as tf.Tensor[];
    const [x, gamma] = saved;
    const [dx, dGamma, dBeta] = tf
      .engine()
      .runKernel('StudioBatchNormTrainGrad', { x, gamma, dy }, attrs) as tf.Tensor[];
    return {
      x: () => dx,
      gamma: () => dGamma,
      beta: () => dBeta,
      movingMean: () => tf.zerosLike(dGamma),
      movingVariance: () => tf.zerosLike(dGamma),
    };
  },
};

interface Variable {
  read(): tf.Tensor;
  write(t: tf.Tensor): void;
}
interface Layer {
  axis: number;
  momentum: number;
  epsilon: number;
  center: boolean;
  scale: boolean;
  gamma: Variable;
  beta: Variable;
  movingMean: Variable;
  movingVariance: Variable;
}

/**
 * Makes tfjs-layers' BatchNormalization (training mode, normalising the last axis with centre and scale) run as
 * two dispatches forward and two backward on webgpu, instead of ~12 kernels forward and ~20 backward. Inference,
 * other axes and other backends run tfjs' own code.
 */
export function registerBatchNorm(): void {
  tf.registerGradient(batchNormTrainGradient);
  patchLayerCall<Layer>('BatchNormalization', (layer, inputs, kwargs) => {
    const x = oneInput(inputs);
    const fused =
      x !== null &&
      kwargs.training === true &&
      (layer.axis === -1 || layer.axis === x.rank - 1) &&
      layer.center &&
      layer.scale &&
      x.rank >= 2 &&
      x.dtype === 'float32' &&
      tf.getBackend() === 'webgpu' &&
      tf.getKernel('StudioBatchNormTrain', 'webgpu') != null;
    if (!fused) return null;
    return tf.tidy(() => {
      const [y, mean, variance] = tf.engine().runKernel(
        'StudioBatchNormTrain',
        {
          x,
          gamma: layer.gamma.read(),
          beta: layer.beta.read(),
          movingMean: layer.movingMean.read(),
          movingVariance: layer.movingVariance.read(),
        },
        { epsilon: layer.epsilon, momentum: layer.momentum },
      ) as tf.Tensor[];
      layer.movingMean.write(mean);
      layer.movingVariance.write(variance);
      return y;
    });
  });
}

/** Puts tfjs-layers' own BatchNormalization back. */
export function unregisterBatchNorm(): void {
  unpatchLayerCall('BatchNormalization');
}
