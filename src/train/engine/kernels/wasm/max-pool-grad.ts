import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelArgs } from '../filter-grad';

type Info = tf.TensorInfo;

/**
 * MaxPoolGrad for the WASM backend, a loop over the backend's own heap: each window's dy goes to the window's
 * first maximum in scan order, as on the CPU backend (so ties, such as a window of ReLU zeros, land the same).
 * tfjs-backend-wasm's C kernel took ~10× its MaxPool, the largest share of a reference-CNN step (bench/
 * wasm-threads.ts profiles it). Channels are innermost, so the loop reads memory in order.
 */
export function maxPoolGradWasm({ inputs, attrs, backend }: KernelArgs): Info {
  const wasm = backend as BackendWasm;
  const { dy, input } = inputs as { dy: Info; input: Info };
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
  const g = wasm.typedArrayFromHeap(dy) as Float32Array;
  const out = wasm.typedArrayFromHeap(dx) as Float32Array;
  out.fill(0);
  const { batchSize, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = info;
  const { strideHeight: sh, strideWidth: sw, effectiveFilterHeight: fh, effectiveFilterWidth: fw } = info;
  const { top, left } = info.padInfo;
  const best = new Float32Array(C);
  const at = new Int32Array(C);
  for (let n = 0; n < batchSize; n++) {
    for (let oh = 0; oh < OH; oh++) {
      const h0 = oh * sh - top;
      for (let ow = 0; ow < OW; ow++) {
        const w0 = ow * sw - left;
        best.fill(Number.NEGATIVE_INFINITY);
        at.fill(-1);
        for (let r = Math.max(0, -h0); r < fh && h0 + r < H; r++) {
          for (let q = Math.max(0, -w0); q < fw && w0 + q < W; q++) {
            const base = ((n * H + h0 + r) * W + w0 + q) * C;
            for (let c = 0; c < C; c++) {
              const v = x[base + c];
              if (v > best[c]) {
                best[c] = v;
                at[c] = base + c;
              }
            }
          }
        }
        const o = ((n * OH + oh) * OW + ow) * C;
        for (let c = 0; c < C; c++) if (at[c] >= 0) out[at[c]] += g[o + c];
      }
    }
  }
  return dx;
}

/** Puts this kernel in place of tfjs-backend-wasm's own MaxPoolGrad (once). */
export function registerMaxPoolGradWasm(): void {
  const current = tf.getKernel('MaxPoolGrad', 'wasm');
  if (current?.kernelFunc === (maxPoolGradWasm as unknown as tf.KernelFunc)) return;
  if (current) tf.unregisterKernel('MaxPoolGrad', 'wasm');
  tf.registerKernel({
    kernelName: 'MaxPoolGrad',
    backendName: 'wasm',
    kernelFunc: maxPoolGradWasm as unknown as tf.KernelFunc,
  });
}
