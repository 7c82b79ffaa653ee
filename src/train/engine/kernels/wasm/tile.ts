import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelArgs } from '../filter-grad';
import { wrapWasmKernel } from './wrap';

type Info = tf.TensorInfo;
type Values = Float32Array | Int32Array | Uint8Array;

/** tfjs-backend-wasm's own Tile, kept for dtypes ours does not take. */
let original: tf.KernelConfig | undefined;

/**
 * Writes x (shape `shape`, from `at`) tiled by `reps` from axis `axis` on into `out` at `to`; returns the length
 * written. Each axis writes its sub-blocks once, then repeats the whole block by doubling copies (memcpy).
 */
function tileInto(
  x: Values,
  at: number,
  shape: number[],
  reps: number[],
  axis: number,
  out: Values,
  to: number,
): number {
  const inner = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  let written = 0;
  if (axis === shape.length - 1) {
    out.set(x.subarray(at, at + shape[axis]), to);
    written = shape[axis];
  } else {
    for (let i = 0; i < shape[axis]; i++)
      written += tileInto(x, at + i * inner, shape, reps, axis + 1, out, to + written);
  }
  const block = written;
  while (written < block * reps[axis]) {
    const n = Math.min(written, block * reps[axis] - written);
    out.copyWithin(to + written, to, to + n);
    written += n;
  }
  return written;
}

/**
 * Tile for the WASM backend as block copies: tfjs-backend-wasm's kernel computes every output element's source
 * index, and BatchNormalization's gradient tiles the per-channel scale to the whole activation (a DCGAN step
 * spent 147 ms in 5 Tiles; bench/wasm-profile.ts --template dcgan-mnist). Same values, any rank and dtype
 * but strings.
 */
export function tileWasm(args: KernelArgs): Info {
  const wasm = args.backend as BackendWasm;
  const { x } = args.inputs as { x: Info };
  const { reps } = args.attrs as unknown as { reps: number[] };
  if (x.dtype === 'string' || x.shape.length === 0 || reps.length !== x.shape.length)
    return (original!.kernelFunc as (a: KernelArgs) => Info)(args);
  const shape = x.shape.map((d, i) => d * reps[i]);
  const out = wasm.makeOutput(shape, x.dtype);
  if (tf.util.sizeFromShape(shape) === 0) return out;
  // Views after the allocation: making an output may grow (and so move) the heap.
  const src = wasm.typedArrayFromHeap(x) as Values;
  // Axes after the last repeated one are copied as one run: fold them into a single last axis.
  const last = reps.reduce((k, r, i) => (r > 1 ? i : k), -1);
  const run = x.shape.slice(last + 1).reduce((a, b) => a * b, 1);
  const folded = [...x.shape.slice(0, last + 1), run];
  tileInto(src, 0, folded, [...reps.slice(0, last + 1), 1], 0, wasm.typedArrayFromHeap(out) as Values, 0);
  return out;
}

/** Puts this kernel in place of tfjs-backend-wasm's Tile (once). */
export function registerTileWasm(): void {
  original = wrapWasmKernel('Tile', tileWasm) ?? original;
}
