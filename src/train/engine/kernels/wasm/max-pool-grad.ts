import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelArgs } from '../filter-grad';
import { heapOffset, simdKernels } from './simd';
import { wrapWasmKernel } from './wrap';

type Info = tf.TensorInfo;

/**
 * MaxPoolGrad for the WASM backend, a loop over the backend's own heap: each window's dy goes to the window's
 * first maximum in scan order, as on the CPU backend (so ties, such as a window of ReLU zeros, land the same).
 * tfjs-backend-wasm's C kernel took ~10× its MaxPool, the largest share of a reference-CNN step (bench/
 * wasm-threads.ts profiles it). Channels are innermost, so the loop reads memory in order.
 */
export function maxPoolGradWasm({ inputs, attrs, backend }: KernelArgs): Info {
  const wasm = backend as BackendWasm;
  const { dy, input, output } = inputs as { dy: Info; input: Info; output: Info };
  const a = attrs as unknown as {
    filterSize: number | [number, number];
    strides: number | [number, number];
    pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
    dimRoundingMode?: 'floor' | 'round' | 'ceil';
  };
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    a.filterSize,
    a.strides,
    1,
    a.pad,
    a.dimRoundingMode,
  );
  const dx = wasm.makeOutput(input.shape, 'float32');
  // Views after the allocation: making an output may grow (and so move) the heap.
  const x = wasm.typedArrayFromHeap(input) as Float32Array;
  const y = wasm.typedArrayFromHeap(output) as Float32Array;
  const g = wasm.typedArrayFromHeap(dy) as Float32Array;
  const out = wasm.typedArrayFromHeap(dx) as Float32Array;
  const { batchSize, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = info;
  const { strideHeight: sh, strideWidth: sw, effectiveFilterHeight: fh, effectiveFilterWidth: fw } = info;
  const { top, left } = info.padInfo;
  if (fh === 2 && fw === 2 && sh === 2 && sw === 2 && top === 0 && left === 0 && 2 * OH <= H && 2 * OW <= W) {
    // SIMD (kernels.wat) for channels in fours; a window lane holding a NaN sends it all to the loop below.
    const simd = C % 4 === 0 ? simdKernels(wasm) : null;
    const at = (t: Info) => heapOffset(wasm, t);
    const tiling = { N: batchSize, H, W, C, OH, OW };
    if (!simd || simd.maxPoolGrad2x2(at(input), at(output), at(dy), at(dx), batchSize, H, W, C, OH, OW) > 0) {
      tiledPool2x2Grad(x, y, g, out, tiling);
    }
    zeroUncovered(out, tiling);
    return dx;
  }
  out.fill(0);
  for (let n = 0; n < batchSize; n++) {
    for (let oh = 0; oh < OH; oh++) {
      const h0 = oh * sh - top;
      const r0 = Math.max(0, -h0);
      const r1 = Math.min(fh, H - h0);
      for (let ow = 0; ow < OW; ow++) {
        const w0 = ow * sw - left;
        const q0 = Math.max(0, -w0);
        const q1 = Math.min(fw, W - w0);
        const o = ((n * OH + oh) * OW + ow) * C;
        const origin = ((n * H + h0) * W + w0) * C;
        if (r1 - r0 === 2 && q1 - q0 === 2) {
          // A whole 2×2 window (the usual pool), unrolled: 3× faster than the general loop below.
          const p0 = origin + (r0 * W + q0) * C;
          const p2 = p0 + W * C;
          for (let c = 0; c < C; c++) {
            const target = y[o + c];
            const at =
              x[p0 + c] === target
                ? p0 + c
                : x[p0 + C + c] === target
                  ? p0 + C + c
                  : x[p2 + c] === target
                    ? p2 + c
                    : x[p2 + C + c] === target
                      ? p2 + C + c
                      : firstMax(x, origin + c, r0, r1, q0, q1, W * C, C);
            if (at >= 0) out[at] += g[o + c];
          }
          continue;
        }
        for (let c = 0; c < C; c++) {
          // The forward pass's maximum is known: the first position holding it (scan order) is the CPU
          // backend's first maximum, found without comparing every value.
          const target = y[o + c];
          let at = -1;
          find: for (let r = r0; r < r1; r++) {
            let i = origin + (r * W + q0) * C + c;
            for (let q = q0; q < q1; q++, i += C) {
              if (x[i] === target) {
                at = i;
                break find;
              }
            }
          }
          // No position equals it (a NaN in the window): the first maximum by comparison, as on the CPU.
          if (at < 0) at = firstMax(x, origin + c, r0, r1, q0, q1, W * C, C);
          if (at >= 0) out[at] += g[o + c];
        }
      }
    }
  }
  return dx;
}

/** A tiled pool's sizes: batch, input height, width and channels, output height and width. */
interface Tiling {
  N: number;
  H: number;
  W: number;
  C: number;
  OH: number;
  OW: number;
}

/**
 * The usual pool (2×2, stride 2, no padding), whose windows tile the input: every input value belongs to one
 * window at most, so each window writes its four values (dy at the first maximum, 0 elsewhere) — no clearing
 * pass and no scatter. The odd last row or column, which no window reads, is zeroed apart (`zeroUncovered`).
 */
function tiledPool2x2Grad(
  x: Float32Array,
  y: Float32Array,
  g: Float32Array,
  out: Float32Array,
  p: Tiling,
): void {
  const { N, H, W, C, OH, OW } = p;
  const row = W * C;
  for (let n = 0; n < N; n++) {
    for (let oh = 0; oh < OH; oh++) {
      let p0 = (n * H + 2 * oh) * row;
      let o = (n * OH + oh) * OW * C;
      for (let ow = 0; ow < OW; ow++, p0 += 2 * C, o += C) {
        const p1 = p0 + C;
        const p2 = p0 + row;
        const p3 = p2 + C;
        for (let c = 0; c < C; c++) {
          const target = y[o + c];
          const d = g[o + c];
          const a = x[p0 + c];
          const b = x[p1 + c];
          const e = x[p2 + c];
          const f = x[p3 + c];
          // No value equals the maximum (a NaN in the window): the first maximum by comparison, as on the CPU.
          const at =
            a === target
              ? p0
              : b === target
                ? p1
                : e === target
                  ? p2
                  : f === target
                    ? p3
                    : firstMax(x, p0 + c, 0, 2, 0, 2, row, C) - c;
          out[p0 + c] = at === p0 ? d : 0;
          out[p1 + c] = at === p1 ? d : 0;
          out[p2 + c] = at === p2 ? d : 0;
          out[p3 + c] = at === p3 ? d : 0;
        }
      }
    }
  }
}

/** Zeroes the odd last row and column of a tiled 2×2 pool's input, which no window reads. */
function zeroUncovered(out: Float32Array, { N, H, W, C, OH, OW }: Tiling): void {
  const row = W * C;
  const tail = (W - 2 * OW) * C;
  for (let n = 0; n < N; n++) {
    if (tail > 0) {
      for (let h = 0; h < 2 * OH; h++) {
        const edge = (n * H + h) * row + 2 * OW * C;
        out.fill(0, edge, edge + tail);
      }
    }
    if (2 * OH < H) out.fill(0, (n * H + 2 * OH) * row, (n + 1) * H * row);
  }
}

/** The index of the first maximum (scan order) of one window's channel, or −1 when none compares greater. */
function firstMax(
  x: Float32Array,
  origin: number,
  r0: number,
  r1: number,
  q0: number,
  q1: number,
  rowStride: number,
  C: number,
): number {
  let best = Number.NEGATIVE_INFINITY;
  let at = -1;
  for (let r = r0; r < r1; r++) {
    for (let q = q0, i = origin + r * rowStride + q * C; q < q1; q++, i += C) {
      if (x[i] > best) {
        best = x[i];
        at = i;
      }
    }
  }
  return at;
}

/** Puts this kernel in place of tfjs-backend-wasm's own MaxPoolGrad (once). */
export function registerMaxPoolGradWasm(): void {
  wrapWasmKernel('MaxPoolGrad', maxPoolGradWasm);
}
