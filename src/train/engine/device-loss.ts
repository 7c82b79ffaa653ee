import type { BackendMeasurement, BackendName } from '../types';
import { fastest } from './backends';

/**
 * WebGPU can lose its device (GPU process crash, driver reset, sleep). Then the next read of a GPU buffer fails —
 * often before `GPUDevice.lost` has settled — with errors such as "Failed to execute 'mapAsync' on 'GPUBuffer':
 * A valid external Instance reference no longer exists." (seen when Chromium's GPU process dies) or
 * "Device is lost". These words mark such errors.
 */
const LOST_WORDS =
  /device (is |was |has been )?lost|lost device|instance reference no longer exists|mapAsync|GPU process|context lost/i;

/** True when this error reads like the GPU device going away (not a bug of the model or the data). */
export function looksLikeDeviceLoss(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return LOST_WORDS.test(text);
}

/** Where a run goes after losing WebGPU: the fastest other measured backend, else the CPU (always there). */
export function fallbackBackend(measurements: BackendMeasurement[]): BackendName {
  return fastest(measurements.filter((m) => m.backend !== 'webgpu')) ?? 'cpu';
}

/** What the person reads when the run moves off the lost device. */
export function deviceLostMessage(next: BackendName, epoch: number): string {
  const from = epoch > 0 ? `the checkpoint of epoch ${epoch}` : 'the start (no epoch was finished yet)';
  return `The GPU device was lost; training moved to ${next} and continues from ${from}.`;
}

interface Lossable {
  lost?: Promise<unknown>;
}

/** Watches one WebGPU device for loss. */
export class DeviceWatch {
  lost = false;
  private settled: Promise<void> | null = null;
  private generation = 0;

  /** Starts watching `device` (the tfjs WebGPU backend's `device`); `onLost` runs once when it is lost. */
  watch(device: Lossable | undefined, onLost: () => void): void {
    if (!device?.lost) return;
    const generation = ++this.generation;
    this.settled = device.lost.then(() => {
      if (generation !== this.generation) return;
      this.lost = true;
      onLost();
    });
  }

  /**
   * Whether `error`, thrown while training on the watched device, came from losing it: the device reports
   * `lost` within `waitMs`, or the error itself names a lost device.
   */
  async explains(error: unknown, waitMs = 2000): Promise<boolean> {
    if (!this.settled) return false;
    if (!this.lost) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([this.settled, new Promise<void>((r) => (timer = setTimeout(r, waitMs)))]);
      clearTimeout(timer);
    }
    if (!this.lost && looksLikeDeviceLoss(error)) this.lost = true;
    return this.lost;
  }

  /** Forgets the device (after moving to another backend). */
  reset(): void {
    this.generation += 1;
    this.lost = false;
    this.settled = null;
  }
}
