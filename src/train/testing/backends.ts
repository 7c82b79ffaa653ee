import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerWasmTrainingKernels } from '../engine/wasm-kernels';

let ready: Promise<string[]> | null = null;

/** Backends usable in this Node process (cpu always; wasm from the package's own .wasm files). */
export function nodeBackends(): Promise<string[]> {
  ready ??= (async () => {
    const dist = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'));
    setWasmPaths(`${dist}/`);
    registerWasmTrainingKernels();
    const names = ['cpu'];
    if (await tf.setBackend('wasm').catch(() => false)) names.push('wasm');
    await tf.setBackend('cpu');
    return names;
  })();
  return ready;
}
