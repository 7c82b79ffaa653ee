import type * as tf from '@tensorflow/tfjs';
import { filterGradCall, type KernelArgs } from '../filter-grad';
import type { GpuProgram } from './gpu-program';
import { runSplitK, splitK } from './split-k';

type Info = tf.TensorInfo;

const TILE = 32;
const TK = 16;

/** Element strides of a 4-D activation [batch, height, width, channel] in the given layout. */
export function layoutStrides(shape: number[], format: 'NHWC' | 'NCHW'): [number, number, number, number] {
  if (format === 'NHWC') {
    const [, h, w, c] = shape;
    return [h * w * c, w * c, c, 1];
  }
  const [, c, h, w] = shape;
  return [c * h * w, w, 1, h * w];
}

/** Geometry uniforms shared by the filter-gradient programs (input, output, stride, pad, dilation, layouts). */
export function geometryUniforms(info: tf.backend_util.Conv2DInfo, format: 'NHWC' | 'NCHW') {
  const xs = layoutStrides(info.inShape, format);
  const ys = layoutStrides(info.outShape, format);
  const u = (name: string, value: number) => ({ name, type: 'i32' as const, value });
  return [
    u('inH', info.inHeight),
    u('inW', info.inWidth),
    u('outH', info.outHeight),
    u('outW', info.outWidth),
    u('strideH', info.strideHeight),
    u('strideW', info.strideWidth),
    u('padT', info.padInfo.top),
    u('padL', info.padInfo.left),
    u('dilH', info.dilationHeight),
    u('dilW', info.dilationWidth),
    u('xsN', xs[0]),
    u('xsH', xs[1]),
    u('xsW', xs[2]),
    u('xsC', xs[3]),
    u('ysN', ys[0]),
    u('ysH', ys[1]),
    u('ysW', ys[2]),
    u('ysC', ys[3]),
  ];
}

/** WGSL: x at filter tap (kh, kw), input channel ci, for reduction index k = (n, oh, ow); 0 in the padding. */
export const LOAD_X = `
fn loadX(k: i32, kh: i32, kw: i32, ci: i32) -> f32 {
  let ow = k % u.outW;
  let t = k / u.outW;
  let oh = t % u.outH;
  let n = t / u.outH;
  let ih = oh * u.strideH - u.padT + kh * u.dilH;
  let iw = ow * u.strideW - u.padL + kw * u.dilW;
  if (ih < 0 || ih >= u.inH || iw < 0 || iw >= u.inW) { return 0.0; }
  return in0[n * u.xsN + ih * u.xsH + iw * u.xsW + ci * u.xsC];
}
fn loadDy(k: i32, c: i32) -> f32 {
  let ow = k % u.outW;
  let t = k / u.outW;
  let oh = t % u.outH;
  let n = t / u.outH;
  return in1[n * u.ysN + oh * u.ysH + ow * u.ysW + c * u.ysC];
}`;

/**
 * dW[kh, kw, ci, co] = Σ_k A[(kh, kw, ci), k] · B[k, co] over k = (n, oh, ow): a GEMM of the implicit im2col
 * matrix of x (M = KH·KW·Cin rows) with dy as [N·OH·OW × Cout], tiled 32×32 per workgroup of 256 threads
 * (2×2 outputs each, 16-deep K slices through workgroup memory), and the long K split across workgroups
 * (split-K) so that even a first layer with 27 filter rows keeps the whole GPU busy; a second dispatch sums
 * the splits.
 */
const BODY = `
const TM = ${TILE}u;
const TN = ${TILE}u;
const TK = ${TK}u;
var<workgroup> As: array<f32, ${TILE * TK}>;
var<workgroup> Bs: array<f32, ${TILE * TK}>;
${LOAD_X}
fn loadA(m: u32, k: u32, kEnd: u32) -> f32 {
  if (m >= u.M || k >= kEnd) { return 0.0; }
  let ci = i32(m % u.cin);
  let tap = i32(m / u.cin);
  return loadX(i32(k), tap / u.KW, tap % u.KW, ci);
}
fn loadB(k: u32, n: u32, kEnd: u32) -> f32 {
  if (n >= u.N || k >= kEnd) { return 0.0; }
  return loadDy(i32(k), i32(n));
}
@compute @workgroup_size(16, 16, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>) {
  let tileM = wg.x * TM;
  let tileN = wg.y * TN;
  let kStart = wg.z * u.kChunk;
  let kEnd = min(kStart + u.kChunk, u.K);
  let tid = lid.y * 16u + lid.x;
  var acc00 = 0.0; var acc01 = 0.0; var acc10 = 0.0; var acc11 = 0.0;
  for (var k0 = kStart; k0 < kEnd; k0 += TK) {
    for (var r = 0u; r < 2u; r++) {
      let e = tid + 256u * r;
      As[e] = loadA(tileM + e % TM, k0 + e / TM, kEnd);
      Bs[e] = loadB(k0 + e / TN, tileN + e % TN, kEnd);
    }
    workgroupBarrier();
    for (var kk = 0u; kk < TK; kk++) {
      let a0 = As[kk * TM + lid.y * 2u];
      let a1 = As[kk * TM + lid.y * 2u + 1u];
      let b0 = Bs[kk * TN + lid.x * 2u];
      let b1 = Bs[kk * TN + lid.x * 2u + 1u];
      acc00 += a0 * b0; acc01 += a0 * b1; acc10 += a1 * b0; acc11 += a1 * b1;
    }
    workgroupBarrier();
  }
  let m = tileM + lid.y * 2u;
  let n = tileN + lid.x * 2u;
  let base = wg.z * u.M * u.N;
  if (m < u.M && n < u.N) { out0[base + m * u.N + n] = acc00; }
  if (m < u.M && n + 1u < u.N) { out0[base + m * u.N + n + 1u] = acc01; }
  if (m + 1u < u.M && n < u.N) { out0[base + (m + 1u) * u.N + n] = acc10; }
  if (m + 1u < u.M && n + 1u < u.N) { out0[base + (m + 1u) * u.N + n + 1u] = acc11; }
}`;

/** Conv2DBackpropFilter for the webgpu backend: see BODY. Honours stride, padding, dilation and NHWC/NCHW. */
export function conv2dBackpropFilterWebGpu(args: KernelArgs): Info {
  const { x, dy, filterShape, format, info } = filterGradCall(args, false);
  const [kh, kw, cin, cout] = filterShape;
  const M = kh * kw * cin;
  const N = cout;
  const K = info.batchSize * info.outHeight * info.outWidth;
  const tilesM = Math.ceil(M / TILE);
  const tilesN = Math.ceil(N / TILE);
  const { kChunk, slices } = splitK(tilesM * tilesN, K, 8 * TK, TK);
  const program: GpuProgram = {
    key: 'studio-conv2d-backprop-filter',
    name: 'StudioConv2DBackpropFilter',
    outputs: 1,
    inputs: 2,
    uniforms: [
      { name: 'M', type: 'u32', value: M },
      { name: 'N', type: 'u32', value: N },
      { name: 'K', type: 'u32', value: K },
      { name: 'kChunk', type: 'u32', value: kChunk },
      { name: 'cin', type: 'u32', value: cin },
      { name: 'KW', type: 'i32', value: kw },
      ...geometryUniforms(info, format),
    ],
    body: BODY,
    workgroups: [tilesM, tilesN, slices],
  };
  return runSplitK(args.backend, program, [x, dy], filterShape, slices);
}

export const conv2dBackpropFilterConfig: tf.KernelConfig = {
  kernelName: 'Conv2DBackpropFilter',
  backendName: 'webgpu',
  kernelFunc: conv2dBackpropFilterWebGpu as unknown as tf.KernelFunc,
};
