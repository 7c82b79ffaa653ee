import type * as tf from '@tensorflow/tfjs';
import { filterGradCall, type KernelArgs } from '../filter-grad';
import { geometryUniforms, LOAD_X } from './conv2d-backprop-filter';
import type { GpuProgram } from './gpu-program';
import { runSplitK, splitK } from './split-k';

type Info = tf.TensorInfo;

const LANES = 4;
const WIDTH = 64;

/**
 * dW[kh, kw, ci, q] = Σ_k x[k at tap (kh, kw), ci] · dy[k, ci·mult + q] over k = (n, oh, ow). Each workgroup
 * owns 64 consecutive output channels of one tap and one K slice, 4 lanes per channel stride through the slice
 * and meet in workgroup memory; the slices (split-K) are summed by a second dispatch.
 */
const BODY = `
var<workgroup> part: array<f32, ${WIDTH * LANES}>;
${LOAD_X}
@compute @workgroup_size(${WIDTH}, ${LANES}, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>) {
  let c = wg.x * ${WIDTH}u + lid.x;
  let tap = i32(wg.y);
  let kStart = wg.z * u.kChunk;
  let kEnd = min(kStart + u.kChunk, u.K);
  var s = 0.0;
  if (c < u.C) {
    let ci = i32(c / u.mult);
    for (var k = kStart + lid.y; k < kEnd; k += ${LANES}u) {
      s += loadX(i32(k), tap / u.KW, tap % u.KW, ci) * loadDy(i32(k), i32(c));
    }
  }
  part[lid.y * ${WIDTH}u + lid.x] = s;
  workgroupBarrier();
  if (lid.y == 0u && c < u.C) {
    var t = 0.0;
    for (var l = 0u; l < ${LANES}u; l++) { t += part[l * ${WIDTH}u + lid.x]; }
    out0[wg.z * u.taps * u.C + u32(tap) * u.C + c] = t;
  }
}`;

/** DepthwiseConv2dNativeBackpropFilter for the webgpu backend (NHWC; stride, padding, dilation). */
export function depthwiseBackpropFilterWebGpu(args: KernelArgs): Info {
  const { x, dy, filterShape, info } = filterGradCall(args, true);
  const [kh, kw, cin, mult] = filterShape;
  const C = cin * mult;
  const taps = kh * kw;
  const K = info.batchSize * info.outHeight * info.outWidth;
  const { kChunk, slices } = splitK(Math.ceil(C / WIDTH) * taps, K, 64 * LANES);
  const program: GpuProgram = {
    key: 'studio-depthwise-backprop-filter',
    name: 'StudioDepthwiseBackpropFilter',
    outputs: 1,
    inputs: 2,
    uniforms: [
      { name: 'C', type: 'u32', value: C },
      { name: 'mult', type: 'u32', value: mult },
      { name: 'taps', type: 'u32', value: taps },
      { name: 'K', type: 'u32', value: K },
      { name: 'kChunk', type: 'u32', value: kChunk },
      { name: 'KW', type: 'i32', value: kw },
      ...geometryUniforms(info, 'NHWC'),
    ],
    body: BODY,
    workgroups: [Math.ceil(C / WIDTH), taps, slices],
  };
  return runSplitK(args.backend, program, [x, dy], filterShape, slices);
}

export const depthwiseBackpropFilterConfig: tf.KernelConfig = {
  kernelName: 'DepthwiseConv2dNativeBackpropFilter',
  backendName: 'webgpu',
  kernelFunc: depthwiseBackpropFilterWebGpu as unknown as tf.KernelFunc,
};
