import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelArgs } from '../filter-grad';
import { heapOffset, type SimdKernels, simdKernels } from './simd';

/**
 * The fused optimiser updates (`Studio*Update`, the kernels kernels/webgpu/fused-optimizers.ts calls) for the
 * WASM backend: one pass over the weight, its slots and its gradient in the backend's memory instead of tfjs'
 * 2–12 kernels per weight. Every operation is rounded to float32 (Math.fround) in tfjs' own order, so the
 * numbers equal tfjs' optimisers on WASM, and the slots are the same variables, so checkpoints are unchanged.
 * Inputs, attributes and outputs are those of the webgpu kernels (kernels/webgpu/optimizer-updates.ts).
 */

const f = Math.fround;
type Attrs = Record<string, number>;
/** One update over `n` values: reads `ins` (in the kernel's input order), writes `outs`. */
type Body = (ins: Float32Array[], outs: Float32Array[], n: number, a: Attrs) => void;
/** The same update by a SIMD kernel (kernels.wat), given the tensors' heap offsets. */
type SimdBody = (k: SimdKernels, ins: number[], outs: number[], n: number, a: Attrs) => void;

function updateKernel(
  kernelName: string,
  inputs: string[],
  outputs: number,
  body: Body,
  simdBody?: SimdBody,
): tf.KernelConfig {
  const kernelFunc = ({ inputs: given, attrs, backend }: KernelArgs) => {
    const wasm = backend as BackendWasm;
    const infos = inputs.map((name) => given[name] as tf.TensorInfo);
    const shape = infos[0].shape;
    const made = Array.from({ length: outputs }, () => wasm.makeOutput(shape, 'float32'));
    const a: Attrs = {};
    for (const [k, v] of Object.entries(attrs ?? {})) a[k] = f(v as number);
    const n = tf.util.sizeFromShape(shape);
    const simd = simdBody ? simdKernels(wasm) : null;
    if (simd && simdBody) {
      const at = (t: tf.TensorInfo) => heapOffset(wasm, t);
      simdBody(simd, infos.map(at), made.map(at), n, a);
      return made;
    }
    // Views after the allocations: making an output may grow (and so move) the heap.
    const view = (t: tf.TensorInfo) => wasm.typedArrayFromHeap(t) as Float32Array;
    body(infos.map(view), made.map(view), n, a);
    return made;
  };
  return { kernelName, backendName: 'wasm', kernelFunc: kernelFunc as unknown as tf.KernelFunc };
}

/**
 * Adam: value, m, v, g → value', m', v'. `omab1` = 1 − β1^t (tfjs' accBeta1), `omab2` likewise. SIMD where the
 * backend has it (the same float32 operations in the same order), this loop otherwise.
 */
const adam = updateKernel(
  'StudioAdamUpdate',
  ['value', 'm', 'v', 'g'],
  3,
  (ins, outs, n, a) => {
    const [value, m0, v0, grad] = ins;
    const [out, m1, v1] = outs;
    // Attributes in locals: a property read per value cost half the update's time.
    const lr = f(-a.lr);
    const { beta1, beta2, oneMinusBeta1, oneMinusBeta2, omab1, omab2, epsilon } = a;
    for (let i = 0; i < n; i++) {
      const g = grad[i];
      const m = f(f(m0[i] * beta1) + f(g * oneMinusBeta1));
      const v = f(f(v0[i] * beta2) + f(f(g * g) * oneMinusBeta2));
      const mHat = f(m / omab1);
      const vHat = f(v / omab2);
      out[i] = f(f(f(mHat / f(f(Math.sqrt(vHat)) + epsilon)) * lr) + value[i]);
      m1[i] = m;
      v1[i] = v;
    }
  },
  (k, [value, m0, v0, g], [out, m1, v1], n, a) =>
    k.adam(
      value,
      m0,
      v0,
      g,
      out,
      m1,
      v1,
      n,
      a.beta1,
      a.beta2,
      a.oneMinusBeta1,
      a.oneMinusBeta2,
      a.omab1,
      a.omab2,
      a.epsilon,
      f(-a.lr),
    ),
);

/** Adamax: value, m, u (weighted infinity norm), g → value', m', u'. `step` = (−lr / (1 + t·decay)) / (1 − β1^t). */
const adamax = updateKernel('StudioAdamaxUpdate', ['value', 'm', 'u', 'g'], 3, (ins, outs, n, a) => {
  const [value, m0, u0, grad] = ins;
  const [out, m1, u1] = outs;
  for (let i = 0; i < n; i++) {
    const g = grad[i];
    const m = f(f(m0[i] * a.beta1) + f(g * a.oneMinusBeta1));
    const u = Math.max(f(u0[i] * a.beta2), Math.abs(g));
    out[i] = f(f(a.step * f(m / f(u + a.epsilon))) + value[i]);
    m1[i] = m;
    u1[i] = u;
  }
});

/** RMSprop, not centred: value, ms, mom, g → value', ms', mom'. */
const rmsprop = updateKernel('StudioRmspropUpdate', ['value', 'ms', 'mom', 'g'], 3, (ins, outs, n, a) => {
  const [value, ms0, mom0, grad] = ins;
  const [out, ms1, mom1] = outs;
  for (let i = 0; i < n; i++) {
    const g = grad[i];
    const ms = f(f(ms0[i] * a.decay) + f(f(g * g) * a.oneMinusDecay));
    const mom = f(f(mom0[i] * a.momentum) + f(f(g * a.lr) / f(Math.sqrt(f(ms + a.epsilon)))));
    out[i] = f(value[i] - mom);
    ms1[i] = ms;
    mom1[i] = mom;
  }
});

/** Momentum SGD: value, acc, g → value', acc'. `c` = −lr; `nesterov` 1 or 0. */
const momentum = updateKernel('StudioMomentumUpdate', ['value', 'acc', 'g'], 2, (ins, outs, n, a) => {
  const [value, acc0, grad] = ins;
  const [out, acc1] = outs;
  for (let i = 0; i < n; i++) {
    const g = grad[i];
    const acc = f(f(a.momentum * acc0[i]) + g);
    const step = a.nesterov > 0.5 ? f(g + f(acc * a.momentum)) : acc;
    out[i] = f(f(a.c * step) + value[i]);
    acc1[i] = acc;
  }
});

/** Plain SGD: value, g → value'. `c` = −lr. */
const sgd = updateKernel('StudioSgdUpdate', ['value', 'g'], 1, (ins, outs, n, a) => {
  const [value, grad] = ins;
  const [out] = outs;
  for (let i = 0; i < n; i++) out[i] = f(f(a.c * grad[i]) + value[i]);
});

export const WASM_OPTIMIZER_KERNELS = [adam, adamax, rmsprop, momentum, sgd];

/** Registers the fused updates for the WASM backend (once). */
export function registerWasmOptimizerKernels(): void {
  for (const k of WASM_OPTIMIZER_KERNELS) if (!tf.getKernel(k.kernelName, 'wasm')) tf.registerKernel(k);
}
