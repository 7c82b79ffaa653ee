import type * as tf from '@tensorflow/tfjs';

/** An explicit, uneven padding (none on top, 2 rows below, 1 column each side) for the convolution kernel tests. */
export const UNEVEN_PAD: tf.backend_util.ExplicitPadding = [
  [0, 0],
  [0, 2],
  [1, 1],
  [0, 0],
];

/** A convolution for the kernel tests: input NHWC, filter size, output channels, stride, dilation, padding. */
export interface ConvCase {
  x: [number, number, number, number];
  k: [number, number];
  co: number;
  stride: [number, number];
  dilation?: number;
  pad: 'valid' | 'same' | tf.backend_util.ExplicitPadding;
}

/** The kernel tests' two ways of running the WASM kernels: SIMD (simd/), and the loops a browser without it gets. */
export const SIMD_MODES = [
  { mode: 'SIMD', simd: true },
  { mode: 'loops', simd: false },
];
