import * as tf from '@tensorflow/tfjs';
import type { KernelArgs } from '../filter-grad';

type KernelFn = (args: KernelArgs) => tf.TensorInfo | tf.TensorInfo[];

/**
 * Puts `kernelFunc` in place of the WASM backend's kernel `name` (once; tfjs' set-up function stays, so it
 * works before or after the backend starts). Returns tfjs' own kernel, for what the replacement hands back to
 * it, or undefined when there is none or it was replaced already.
 */
export function wrapWasmKernel(name: string, kernelFunc: KernelFn): tf.KernelConfig | undefined {
  const current = tf.getKernel(name, 'wasm');
  if (!current || current.kernelFunc === (kernelFunc as unknown as tf.KernelFunc)) return undefined;
  tf.unregisterKernel(name, 'wasm');
  tf.registerKernel({
    kernelName: name,
    backendName: 'wasm',
    kernelFunc: kernelFunc as unknown as tf.KernelFunc,
    setupFunc: current.setupFunc,
  });
  return current;
}
