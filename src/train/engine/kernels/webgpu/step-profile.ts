import * as tf from '@tensorflow/tfjs';
import { ownDispatches } from './gpu-program';

/** What one training step costs on webgpu: tfjs kernels, GPU dispatches, and GPU time per kernel type. */
export interface StepProfile {
  /** tfjs kernel invocations (tf.profile), including ones that dispatch nothing (Reshape …). */
  kernels: number;
  /** Compute dispatches recorded on the GPU (tfjs-backend-webgpu's programs and the studio's). */
  dispatches: number;
  /** Kernel name → [invocations, GPU ms] (timestamp queries; 0 where the adapter has none). */
  byKernel: Record<string, { count: number; gpuMs: number }>;
  timestampQueries: boolean;
}

interface Recording {
  recordAndSubmit: (...args: unknown[]) => unknown;
  supportTimestampQuery?: boolean;
}

/** Counts the GPU dispatches `f` issues on the current (webgpu) backend. */
export async function countDispatches(f: () => Promise<unknown>): Promise<number> {
  const backend = tf.backend() as unknown as Recording;
  const original = backend.recordAndSubmit;
  let n = 0;
  backend.recordAndSubmit = function (this: unknown, ...args: unknown[]) {
    n++;
    return original.apply(this, args);
  };
  const own = ownDispatches.count;
  try {
    await f();
  } finally {
    backend.recordAndSubmit = original;
  }
  return n + ownDispatches.count - own;
}

/** Profiles one call of `step` (which must leave its results read back or disposed). */
export async function profileStep(step: () => Promise<void>): Promise<StepProfile> {
  const dispatches = await countDispatches(step);
  const info = await tf.profile(step);
  const byKernel: StepProfile['byKernel'] = {};
  for (const k of info.kernels) {
    byKernel[k.name] ??= { count: 0, gpuMs: 0 };
    const e = byKernel[k.name];
    e.count++;
    e.gpuMs += typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0;
  }
  for (const e of Object.values(byKernel)) e.gpuMs = Math.round(e.gpuMs * 1000) / 1000;
  const timestampQueries = (tf.backend() as unknown as Recording).supportTimestampQuery === true;
  return { kernels: info.kernels.length, dispatches, byKernel, timestampQueries };
}
