import { existsSync } from 'node:fs';
import { SWIFTSHADER_ICD, setUpNodeWebGpu } from './node-webgpu';

/**
 * For the WebGPU kernel tests: null when webgpu is usable; a reason to skip when no Vulkan driver can exist
 * here (no SwiftShader ICD and none configured). Where the ICD is present, a failed set-up is a test failure.
 */
export async function webGpuForTests(): Promise<{ skip: string | null; problem: string | null }> {
  const driver = process.env.VK_ICD_FILENAMES ?? process.env.VK_DRIVER_FILES ?? SWIFTSHADER_ICD;
  if (!existsSync(driver)) {
    const skip = `WebGPU kernel tests SKIPPED: no Vulkan driver (${driver} absent; apt-get install chromium)`;
    console.warn(skip);
    return { skip, problem: null };
  }
  return { skip: null, problem: await setUpNodeWebGpu() };
}

/** Deterministic values in [-1, 1). */
export function seeded(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

/** max |a − b| / max |b|. */
export function relError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0;
  let scale = 1e-12;
  for (let i = 0; i < b.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return diff / scale;
}
