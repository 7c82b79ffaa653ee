import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { filterGradCall, type KernelArgs } from '../filter-grad';
import { heapOffset, type SimdKernels, simdKernels } from './simd';

type Info = tf.TensorInfo;
type Conv2DInfo = tf.backend_util.Conv2DInfo;

/** Floats of one im2col block (16 MB): larger inputs are done in blocks of rows, summed. */
const BLOCK_FLOATS = 1 << 22;

/**
 * Fills `out` ([m1 − m0 rows] × [K = fh·fw·ci columns]) with the im2col of x (NHWC): row m = (b, oh, ow) holds,
 * tap by tap, the ci input values the filter met at output position m (0 in the padding), copied as runs.
 */
function im2col(x: Float32Array, info: Conv2DInfo, m0: number, m1: number, out: Float32Array): void {
  const H = info.inHeight | 0;
  const W = info.inWidth | 0;
  const C = info.inChannels | 0;
  const OH = info.outHeight | 0;
  const OW = info.outWidth | 0;
  const sh = info.strideHeight | 0;
  const sw = info.strideWidth | 0;
  const dh = info.dilationHeight | 0;
  const dw = info.dilationWidth | 0;
  const fh = info.filterHeight | 0;
  const fw = info.filterWidth | 0;
  const top = info.padInfo.top | 0;
  const left = info.padInfo.left | 0;
  let o = 0;
  let b = Math.floor(m0 / (OH * OW));
  let oh = Math.floor(m0 / OW) % OH;
  let ow = m0 % OW;
  for (let m = m0; m < m1; m++) {
    for (let kh = 0; kh < fh; kh++) {
      const ih = oh * sh + kh * dh - top;
      const inside = ih >= 0 && ih < H;
      const row = (b * H + ih) * W;
      for (let kw = 0; kw < fw; kw++) {
        const iw = ow * sw + kw * dw - left;
        if (inside && iw >= 0 && iw < W) {
          const from = (row + iw) * C;
          for (let c = 0; c < C; c++) out[o + c] = x[from + c];
        } else {
          for (let c = 0; c < C; c++) out[o + c] = 0;
        }
        o += C;
      }
    }
    // Next output position (b, oh, ow), without a division per row.
    if (++ow === OW) {
      ow = 0;
      if (++oh === OH) {
        oh = 0;
        b++;
      }
    }
  }
}

/**
 * Conv2DBackpropFilter for the WASM backend as one matrix product over K = fh·fw·ci filter taps and M = b·oh·ow
 * output positions: in the SIMD module for output channels in fours (`filterGradSimd`), else on XNNPACK through
 * the backend's own BatchMatMul, as follows. XNNPACK re-packs the product's
 * second operand on every call, so that operand is the smaller of im2col(x) [M × K] and dy [M × co]: with
 * K ≤ co, dWᵀ[co × K] = dyᵀ[co × M] · im2col(x)[M × K] (the reference CNN's first layer: packing dy instead took
 * 3× as long), else the product below. Big inputs go in blocks of output positions whose partial products are
 * summed. Any stride, dilation and padding; NHWC.
 */
export function conv2dBackpropFilterWasm(args: KernelArgs, blockFloats = BLOCK_FLOATS): Info {
  const wasm = args.backend as BackendWasm;
  const { x, dy, info } = filterGradCall(args, false);
  const K = info.filterHeight * info.filterWidth * info.inChannels;
  const simd = info.outChannels % 4 === 0 ? simdKernels(wasm) : null;
  if (simd) return filterGradSimd(args, simd, blockFloats);
  if (K > info.outChannels) return filterGradPackingDy(args, blockFloats);
  const transpose = tf.getKernel('Transpose', 'wasm')!.kernelFunc;
  const co = info.outChannels;
  const M = info.batchSize * info.outHeight * info.outWidth;
  const block = Math.max(1, Math.min(M, Math.floor(blockFloats / K)));
  const dy2d = { dataId: dy.dataId, shape: [M, co], dtype: 'float32' as const };
  const dyT = transpose({ inputs: { x: dy2d }, attrs: { perm: [1, 0] }, backend: wasm }) as Info;
  const total = new Float32Array(co * K);
  for (let m0 = 0; m0 < M; m0 += block) {
    const m1 = Math.min(M, m0 + block);
    const rows = m1 - m0;
    // dyᵀ's columns m0..m1: dyᵀ itself (as [1, co, M]) when it is one block, else a copy.
    const whole = rows === M;
    const a = whole
      ? { dataId: dyT.dataId, shape: [1, co, M], dtype: 'float32' as const }
      : wasm.makeOutput([1, co, rows], 'float32');
    const b = wasm.makeOutput([1, rows, K], 'float32');
    fillIm2col(wasm, x, info, m0, m1, b);
    if (!whole) {
      const all = wasm.typedArrayFromHeap(dyT) as Float32Array;
      const part = wasm.typedArrayFromHeap(a) as Float32Array;
      for (let c = 0; c < co; c++) part.set(all.subarray(c * M + m0, c * M + m1), c * rows);
    }
    addProduct(wasm, a, b, total, m0 === 0);
    for (const t of whole ? [b] : [a, b]) wasm.disposeData(t.dataId);
  }
  wasm.disposeData(dyT.dataId);
  const out = wasm.makeOutput([info.filterHeight, info.filterWidth, info.inChannels, co], 'float32');
  const dw = wasm.typedArrayFromHeap(out) as Float32Array;
  for (let k = 0; k < K; k++) for (let c = 0; c < co; c++) dw[k * co + c] = total[c * K + k];
  return out;
}

/**
 * The product in the SIMD module (kernels.wat `filterGrad`, output channels in fours), block by block of output
 * positions: no operand to pack, no transposes. The reference CNN's first layer went 5.3 → 2.2 ms a step (Node,
 * profiled; 1.3–1.8 ms in Chromium).
 */
function filterGradSimd(args: KernelArgs, simd: SimdKernels, blockFloats: number): Info {
  const wasm = args.backend as BackendWasm;
  const { x, dy, info } = filterGradCall(args, false);
  const K = info.filterHeight * info.filterWidth * info.inChannels;
  const co = info.outChannels;
  const M = info.batchSize * info.outHeight * info.outWidth;
  const block = Math.max(1, Math.min(M, Math.floor(blockFloats / K)));
  const out = wasm.makeOutput([info.filterHeight, info.filterWidth, info.inChannels, co], 'float32');
  (wasm.typedArrayFromHeap(out) as Float32Array).fill(0);
  // Heap offsets stay put when the heap grows (only the views move).
  const dw = heapOffset(wasm, out);
  const g = heapOffset(wasm, dy);
  for (let m0 = 0; m0 < M; m0 += block) {
    const m1 = Math.min(M, m0 + block);
    const col = wasm.makeOutput([m1 - m0, K], 'float32');
    fillIm2col(wasm, x, info, m0, m1, col);
    simd.filterGrad(heapOffset(wasm, col), g + m0 * co * 4, dw, m1 - m0, K, co);
    wasm.disposeData(col.dataId);
  }
  return out;
}

/**
 * The same product the other way round, for many filter taps per output channel (K > co): dW[K × co] =
 * im2colᵀ(x)[K × M] · dy[M × co], so that XNNPACK packs dy (M·co values) rather than the larger im2col matrix
 * (M·K). Packing is most of the product's time (a fresh 692,224-value operand: ~4 ms, against 0.6 ms for the
 * product itself), so the smaller operand is always the packed one.
 */
function filterGradPackingDy(args: KernelArgs, blockFloats: number): Info {
  const wasm = args.backend as BackendWasm;
  const { x, dy, info } = filterGradCall(args, false);
  const transpose = tf.getKernel('Transpose', 'wasm')!.kernelFunc;
  const K = info.filterHeight * info.filterWidth * info.inChannels;
  const co = info.outChannels;
  const M = info.batchSize * info.outHeight * info.outWidth;
  const block = Math.max(1, Math.min(M, Math.floor(blockFloats / K)));
  const total = new Float32Array(K * co);
  for (let m0 = 0; m0 < M; m0 += block) {
    const m1 = Math.min(M, m0 + block);
    const rows = m1 - m0;
    // im2colᵀ in one pass where the SIMD module runs, else im2col and the backend's Transpose.
    const direct = simdKernels(wasm) !== null;
    const p = wasm.makeOutput(direct ? [K, rows] : [rows, K], 'float32');
    fillIm2col(wasm, x, info, m0, m1, p, direct);
    const pT = direct ? p : (transpose({ inputs: { x: p }, attrs: { perm: [1, 0] }, backend: wasm }) as Info);
    // dy's rows m0..m1: dy itself (as [1, M, co]) when it is one block, else a copy.
    const whole = rows === M;
    const b = whole
      ? { dataId: dy.dataId, shape: [1, M, co], dtype: 'float32' as const }
      : wasm.makeOutput([1, rows, co], 'float32');
    if (!whole) {
      const g = wasm.typedArrayFromHeap(dy) as Float32Array;
      (wasm.typedArrayFromHeap(b) as Float32Array).set(g.subarray(m0 * co, m1 * co));
    }
    addProduct(wasm, { ...pT, shape: [1, K, rows] }, b, total, m0 === 0);
    for (const t of new Set(whole ? [p, pT] : [p, pT, b])) wasm.disposeData(t.dataId);
  }
  const out = wasm.makeOutput([info.filterHeight, info.filterWidth, info.inChannels, co], 'float32');
  (wasm.typedArrayFromHeap(out) as Float32Array).set(total);
  return out;
}

/**
 * Fills `target` with the im2col rows m0..m1 ([rows × K], or [K × rows] when `transposed`, which only the SIMD
 * module does): its loop (kernels.wat) where it runs — for the reference CNN's first layer 0.5 against ~2.5 ms
 * in the loop above — else that loop (views taken now: an allocation may have moved the heap).
 */
function fillIm2col(
  wasm: BackendWasm,
  x: Info,
  info: Conv2DInfo,
  m0: number,
  m1: number,
  target: Info,
  transposed = false,
): void {
  const simd = simdKernels(wasm);
  if (!simd) {
    im2col(
      wasm.typedArrayFromHeap(x) as Float32Array,
      info,
      m0,
      m1,
      wasm.typedArrayFromHeap(target) as Float32Array,
    );
    return;
  }
  const { padInfo: pad } = info;
  simd.im2col(
    heapOffset(wasm, x),
    heapOffset(wasm, target),
    info.inHeight,
    info.inWidth,
    info.inChannels,
    info.outHeight,
    info.outWidth,
    info.filterHeight,
    info.filterWidth,
    info.strideHeight,
    info.strideWidth,
    info.dilationHeight,
    info.dilationWidth,
    pad.top,
    pad.left,
    m0,
    m1,
    transposed ? 1 : 0,
  );
}

/** total (+)= a · b, through the backend's BatchMatMul (XNNPACK); `first` sets instead of adding. */
function addProduct(wasm: BackendWasm, a: Info, b: Info, total: Float32Array, first: boolean): void {
  const product = tf.getKernel('BatchMatMul', 'wasm')!.kernelFunc({
    inputs: { a, b },
    attrs: { transposeA: false, transposeB: false },
    backend: wasm,
  } as unknown as Parameters<tf.KernelFunc>[0]) as Info;
  const values = wasm.typedArrayFromHeap(product) as Float32Array;
  if (first) total.set(values);
  else for (let i = 0; i < total.length; i++) total[i] += values[i];
  wasm.disposeData(product.dataId);
}
