import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelArgs } from '../filter-grad';
import { wrapWasmKernel } from './wrap';

type Info = tf.TensorInfo;

/** tfjs-backend-wasm's own BatchMatMul, kept when ours wraps it. */
let original: tf.KernelConfig | undefined;

/** The permutation that swaps a tensor's last two axes. */
function swapLast(rank: number): number[] {
  const perm = Array.from({ length: rank }, (_, i) => i);
  [perm[rank - 2], perm[rank - 1]] = [perm[rank - 1], perm[rank - 2]];
  return perm;
}

/**
 * BatchMatMul for the WASM backend with transposed operands made explicit: tfjs-backend-wasm's kernel is fast
 * on plain operands (XNNPACK) but 12–30× slower with `transposeA` / `transposeB` — exactly the two products of
 * every Dense layer's gradient (dx = dy·Wᵀ, dW = xᵀ·dy). Transposing first (a cheap copy) and multiplying the
 * plain operands gives the same product: a dense GAN step went from 218 ms to a fraction (bench/profile in the
 * issue note).
 */
export function batchMatMulWasm(args: KernelArgs): Info {
  const wasm = args.backend as BackendWasm;
  const { a, b } = args.inputs as { a: Info; b: Info };
  const attrs = args.attrs as unknown as { transposeA: boolean; transposeB: boolean };
  const base = original!.kernelFunc as (a: KernelArgs) => Info;
  if (!attrs.transposeA && !attrs.transposeB) return base(args);
  const transpose = tf.getKernel('Transpose', 'wasm')!.kernelFunc;
  const flip = (x: Info) =>
    transpose({ inputs: { x }, attrs: { perm: swapLast(x.shape.length) }, backend: wasm }) as Info;
  const temps: Info[] = [];
  const plain = (x: Info, flipped: boolean) => {
    if (!flipped) return x;
    const t = flip(x);
    temps.push(t);
    return t;
  };
  const out = base({
    ...args,
    inputs: { a: plain(a, attrs.transposeA), b: plain(b, attrs.transposeB) },
    attrs: { ...args.attrs, transposeA: false, transposeB: false },
  });
  for (const t of temps) wasm.disposeData(t.dataId);
  return out;
}

/** Wraps the WASM backend's BatchMatMul (once; its set-up function stays, so it works before or after start). */
export function registerBatchMatMulWasm(): void {
  original = wrapWasmKernel('BatchMatMul', batchMatMulWasm) ?? original;
}
