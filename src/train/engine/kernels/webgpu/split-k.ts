import type * as tf from '@tensorflow/tfjs';
import { type GpuProgram, grid1d, runProgram } from './gpu-program';

/** Enough workgroups to fill a large GPU (an H200 has 132 SMs), without slicing K thinner than `minK`. */
export function splitsFor(tiles: number, k: number, minK: number, targetGroups = 1024): number {
  return Math.max(1, Math.min(Math.ceil(k / minK), Math.ceil(targetGroups / tiles)));
}

/** How a reduction of length `k` over `tiles` output tiles is cut: slice length (a multiple of `align`), slices. */
export function splitK(
  tiles: number,
  k: number,
  minK: number,
  align = 1,
): { kChunk: number; slices: number } {
  const kChunk = Math.ceil(k / splitsFor(tiles, k, minK) / align) * align;
  return { kChunk, slices: Math.ceil(k / kChunk) };
}

/**
 * Dispatches a split-K program whose workgroups' z is the slice: with one slice straight into `shape`, else
 * into [slices, size] partial results that `reduceSplits` sums (a second dispatch; the partials are freed).
 */
export function runSplitK(
  backend: unknown,
  program: GpuProgram,
  inputs: tf.TensorInfo[],
  shape: number[],
  slices: number,
): tf.TensorInfo {
  if (slices === 1) return runProgram(backend, program, inputs, [shape])[0];
  const size = shape.reduce((a, b) => a * b, 1);
  const [partial] = runProgram(backend, program, inputs, [[slices, size]]);
  const out = reduceSplits(backend, partial, slices, shape);
  (backend as { disposeData(id: object): void }).disposeData(partial.dataId);
  return out;
}

/** Sums `splits` partial results laid out [splits, size] into one tensor of `shape` (one dispatch). */
export function reduceSplits(
  backend: unknown,
  partial: tf.TensorInfo,
  splits: number,
  shape: number[],
): tf.TensorInfo {
  const size = shape.reduce((a, b) => a * b, 1);
  const workgroups = grid1d(size, 256);
  const program: GpuProgram = {
    key: 'studio-reduce-splits',
    name: 'StudioSplitKReduce',
    outputs: 1,
    inputs: 1,
    uniforms: [
      { name: 'size', type: 'u32', value: size },
      { name: 'splits', type: 'u32', value: splits },
      { name: 'rowGroups', type: 'u32', value: workgroups[0] },
    ],
    body: `
@compute @workgroup_size(256, 1, 1)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.y * u.rowGroups * 256u + gid.x;
  if (i >= u.size) { return; }
  var s = 0.0;
  for (var p = 0u; p < u.splits; p++) { s += in0[p * u.size + i]; }
  out0[i] = s;
}`,
    workgroups,
  };
  return runProgram(backend, program, [partial], [shape])[0];
}
