import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import plain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { registerWasmTrainingKernels } from './wasm-kernels';

/** Points the WASM backend at the .wasm files Vite emits and adds the gradient kernels it lacks. */
export function setUpWasm(): void {
  setWasmPaths({
    'tfjs-backend-wasm.wasm': plain,
    'tfjs-backend-wasm-simd.wasm': simd,
    'tfjs-backend-wasm-threaded-simd.wasm': threaded,
  });
  // The threaded build's pthread helpers importScripts() the bundled main script, which a module worker
  // cannot do ("e is not defined"): stay on single-threaded SIMD, which still runs XNNPACK.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  registerWasmTrainingKernels();
}
