import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import plain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { registerWasmTrainingKernels } from './wasm-kernels';
import { chooseWasmThreads } from './wasm-threads';

/**
 * Points the WASM backend at the .wasm files Vite emits, adds the gradient kernels it lacks, and picks the
 * threaded SIMD build, one XNNPACK thread per core, where the page is cross-origin isolated (`./wasm-threads`).
 * `threads` overrides the core count (benchmarks).
 */
export function setUpWasm(threads?: number): void {
  setWasmPaths({
    'tfjs-backend-wasm.wasm': plain,
    'tfjs-backend-wasm-simd.wasm': simd,
    'tfjs-backend-wasm-threaded-simd.wasm': threaded,
  });
  chooseWasmThreads(threads);
  registerWasmTrainingKernels();
}
