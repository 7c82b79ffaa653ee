import type * as tf from '@tensorflow/tfjs';
import { elementwiseKernel } from './elementwise';

/**
 * One dispatch per weight tensor for each optimiser, with tfjs' own arithmetic in the same order (its
 * optimisers issue 2–12 kernels per weight). Outputs: the new weight, then the new slot values.
 */

/** Adam: in value, m, v, g; out value', m', v'. `omab1` = 1 − β1^t (as tfjs' accBeta1). */
export const adamUpdate = elementwiseKernel({
  kernelName: 'StudioAdamUpdate',
  inputs: ['value', 'm', 'v', 'g'],
  outputs: 3,
  scalars: ['lr', 'beta1', 'beta2', 'oneMinusBeta1', 'oneMinusBeta2', 'epsilon', 'omab1', 'omab2'],
  statements: `
  let g = in3[i];
  let m = in1[i] * u.beta1 + g * u.oneMinusBeta1;
  let v = in2[i] * u.beta2 + (g * g) * u.oneMinusBeta2;
  let mHat = m / u.omab1;
  let vHat = v / u.omab2;
  out0[i] = (mHat / (sqrt(vHat) + u.epsilon)) * -u.lr + in0[i];
  out1[i] = m;
  out2[i] = v;`,
});

/** Adamax: in value, m, u(inf-norm), g; out value', m', u'. `step` = (−lr / (1 + t·decay)) / (1 − β1^t). */
export const adamaxUpdate = elementwiseKernel({
  kernelName: 'StudioAdamaxUpdate',
  inputs: ['value', 'm', 'u', 'g'],
  outputs: 3,
  scalars: ['beta1', 'beta2', 'oneMinusBeta1', 'epsilon', 'step'],
  statements: `
  let g = in3[i];
  let m = in1[i] * u.beta1 + g * u.oneMinusBeta1;
  let w = max(in2[i] * u.beta2, abs(g));
  out0[i] = u.step * (m / (w + u.epsilon)) + in0[i];
  out1[i] = m;
  out2[i] = w;`,
});

/** RMSprop (not centred): in value, ms, mom, g; out value', ms', mom'. */
export const rmspropUpdate = elementwiseKernel({
  kernelName: 'StudioRmspropUpdate',
  inputs: ['value', 'ms', 'mom', 'g'],
  outputs: 3,
  scalars: ['lr', 'decay', 'oneMinusDecay', 'momentum', 'epsilon'],
  statements: `
  let g = in3[i];
  let ms = in1[i] * u.decay + (g * g) * u.oneMinusDecay;
  let mom = in2[i] * u.momentum + (g * u.lr) / sqrt(ms + u.epsilon);
  out0[i] = in0[i] - mom;
  out1[i] = ms;
  out2[i] = mom;`,
});

/** Momentum SGD: in value, acc, g; out value', acc'. `c` = −lr; `nesterov` 1 or 0. */
export const momentumUpdate = elementwiseKernel({
  kernelName: 'StudioMomentumUpdate',
  inputs: ['value', 'acc', 'g'],
  outputs: 2,
  scalars: ['c', 'momentum', 'nesterov'],
  statements: `
  let g = in2[i];
  let acc = u.momentum * in1[i] + g;
  if (u.nesterov > 0.5) { out0[i] = u.c * (g + acc * u.momentum) + in0[i]; } else { out0[i] = u.c * acc + in0[i]; }
  out1[i] = acc;`,
});

/** Plain SGD: in value, g; out value'. */
export const sgdUpdate = elementwiseKernel({
  kernelName: 'StudioSgdUpdate',
  inputs: ['value', 'g'],
  outputs: 1,
  scalars: ['c'],
  statements: `
  out0[i] = u.c * in1[i] + in0[i];`,
});

export const OPTIMIZER_UPDATE_KERNELS: tf.KernelConfig[] = [
  adamUpdate,
  adamaxUpdate,
  rmspropUpdate,
  momentumUpdate,
  sgdUpdate,
];
