import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { KERNELS_PLAIN, KERNELS_SHARED } from './binary';

/** The functions of kernels.wat; pointers are byte offsets into the WASM backend's memory. */
export interface SimdKernels {
  reluBiasGrad(dy: number, y: number, dz: number, db: number, rows: number, C: number): void;
  sumRows(x: number, out: number, rows: number, C: number): void;
  maxPoolGrad2x2(
    x: number,
    y: number,
    g: number,
    dx: number,
    N: number,
    H: number,
    W: number,
    C: number,
    OH: number,
    OW: number,
  ): number;
  im2col(
    x: number,
    out: number,
    H: number,
    W: number,
    C: number,
    OH: number,
    OW: number,
    fh: number,
    fw: number,
    sh: number,
    sw: number,
    dh: number,
    dw: number,
    top: number,
    left: number,
    m0: number,
    m1: number,
    transposed: number,
  ): void;
  filterGrad(col: number, dy: number, dw: number, rows: number, K: number, co: number): void;
  adam(
    value: number,
    m0: number,
    v0: number,
    g: number,
    out: number,
    m1: number,
    v1: number,
    n: number,
    beta1: number,
    beta2: number,
    oneMinusBeta1: number,
    oneMinusBeta2: number,
    omab1: number,
    omab2: number,
    epsilon: number,
    negativeLr: number,
  ): void;
}

/** What the backend object holds that this reads: its Emscripten module and its tensors' places. */
interface WasmInternals {
  wasm: { wasmMemory?: WebAssembly.Memory; asm?: { memory?: WebAssembly.Memory } };
  dataIdMap: { get(dataId: object): { memoryOffset: number } | undefined };
}

const instances = new WeakMap<WebAssembly.Memory, SimdKernels | null>();
let enabled = true;

/**
 * Turns the SIMD kernels off (or back on): every kernel then runs its JavaScript loop, as in a browser whose
 * WebAssembly lacks SIMD. For the kernel tests, which check both ways.
 */
export function useSimdKernels(on: boolean): void {
  enabled = on;
}

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/**
 * The SIMD kernels instantiated on this backend's memory (once per memory), or null where they cannot run: a
 * WebAssembly without SIMD (tfjs then runs its plain build too) or a backend whose memory is not reachable.
 * Callers then use their JavaScript loops.
 */
export function simdKernels(backend: unknown): SimdKernels | null {
  if (!enabled) return null;
  const module = (backend as WasmInternals).wasm;
  const memory = module?.wasmMemory ?? module?.asm?.memory;
  if (!memory) return null;
  const known = instances.get(memory);
  if (known !== undefined) return known;
  let kernels: SimdKernels | null = null;
  try {
    const shared = typeof SharedArrayBuffer === 'function' && memory.buffer instanceof SharedArrayBuffer;
    const bytes = decode(shared ? KERNELS_SHARED : KERNELS_PLAIN);
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
    kernels = instance.exports as unknown as SimdKernels;
  } catch {
    kernels = null;
  }
  instances.set(memory, kernels);
  return kernels;
}

/** A tensor's byte offset in the WASM backend's memory. */
export function heapOffset(backend: BackendWasm, t: tf.TensorInfo): number {
  const entry = (backend as unknown as WasmInternals).dataIdMap.get(t.dataId);
  if (!entry) throw new Error('the tensor is not in the WASM backend');
  return entry.memoryOffset;
}
