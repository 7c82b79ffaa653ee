import { existsSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';

/** Debian Chromium's SwiftShader: a software Vulkan driver Dawn accepts (Mesa's lavapipe lacks a feature). */
export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';
/** Debian Chromium ships its own Vulkan loader there (no system libvulkan1 needed). */
export const CHROMIUM_LIB_DIR = '/usr/lib/chromium';

let ready: Promise<string | null> | null = null;

/**
 * Makes tfjs-backend-webgpu usable in this Node process through Dawn (npm `webgpu`): sets `navigator.gpu`,
 * Dawn's WebGPU globals and a `WorkerGlobalScope` before importing the backend (it registers itself only
 * then). Returns why WebGPU is unavailable, or null when the `webgpu` backend can be selected.
 *
 * Vulkan comes from the machine's driver; without one, set VK_ICD_FILENAMES to SwiftShader's ICD (and, where
 * no system libvulkan.so.1 exists, LD_LIBRARY_PATH to Chromium's directory — before the process starts,
 * which vitest.config.ts and bench:gpu do).
 */
export function setUpNodeWebGpu(): Promise<string | null> {
  ready ??= (async () => {
    if (!process.env.VK_ICD_FILENAMES && !process.env.VK_DRIVER_FILES && existsSync(SWIFTSHADER_ICD)) {
      // Dawn reads the loader's variables when it first enumerates adapters, i.e. after this point.
      process.env.VK_ICD_FILENAMES = SWIFTSHADER_ICD;
    }
    let dawn: { create(flags: string[]): GPU; globals: Record<string, unknown> };
    try {
      dawn = (await import('webgpu')) as unknown as typeof dawn;
    } catch (e) {
      return `Dawn's Node binding (npm webgpu) could not load: ${e instanceof Error ? e.message : String(e)}`;
    }
    const g = globalThis as Record<string, unknown>;
    for (const [k, v] of Object.entries(dawn.globals)) if (!(k in g)) g[k] = v;
    const gpu = dawn.create([]);
    const adapter = await gpu.requestAdapter();
    if (!adapter) {
      return existsSync(SWIFTSHADER_ICD)
        ? `no WebGPU adapter: Vulkan did not load (LD_LIBRARY_PATH needs ${CHROMIUM_LIB_DIR} where no libvulkan1 is installed)`
        : `no WebGPU adapter and no SwiftShader (${SWIFTSHADER_ICD} is absent: apt-get install chromium)`;
    }
    Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true, writable: true });
    g.WorkerGlobalScope ??= class WorkerGlobalScope {};
    await import('@tensorflow/tfjs-backend-webgpu');
    if (!tf.findBackendFactory('webgpu'))
      return 'tfjs-backend-webgpu did not register (navigator.gpu unseen)';
    const previous = tf.getBackend();
    const ok = await tf.setBackend('webgpu').catch(() => false);
    if (previous) await tf.setBackend(previous);
    return ok ? null : 'the webgpu backend could not start on this adapter';
  })();
  return ready;
}

/** The adapter's description as tfjs-backend-webgpu sees it (vendor, architecture, device). */
export function adapterDescription(): string {
  const backend = tf.findBackend('webgpu') as unknown as { adapterInfo?: Record<string, unknown> } | null;
  const info = backend?.adapterInfo as unknown as Record<string, unknown> | undefined;
  if (!info) return 'unknown';
  const parts = ['vendor', 'architecture', 'device', 'description'].map((k) => info[k]).filter(Boolean);
  return parts.length ? parts.join(' / ') : 'unknown';
}
