import { describe, expect, it } from 'vitest';
import { DeviceWatch, deviceLostMessage, fallbackBackend, looksLikeDeviceLoss } from './device-loss';

describe('looksLikeDeviceLoss', () => {
  it('recognises the errors a lost WebGPU device throws', () => {
    // The exact error Chromium gives when its GPU process is crashed mid-run (e2e/training-device-loss.spec.ts).
    const crash = new Error(
      "Failed to execute 'mapAsync' on 'GPUBuffer': A valid external Instance reference no longer exists.",
    );
    expect(looksLikeDeviceLoss(crash)).toBe(true);
    expect(looksLikeDeviceLoss(new Error('Device is lost'))).toBe(true);
    expect(looksLikeDeviceLoss('GPU device was lost')).toBe(true);
  });

  it('leaves model and data errors alone', () => {
    expect(
      looksLikeDeviceLoss(new Error("Kernel 'Conv2DBackpropFilter' not registered for backend 'wasm'")),
    ).toBe(false);
    expect(looksLikeDeviceLoss(new Error('Error when checking input: expected shape [null,28,28,1]'))).toBe(
      false,
    );
  });
});

describe('fallbackBackend', () => {
  it('takes the fastest measured backend other than WebGPU', () => {
    expect(
      fallbackBackend([
        { backend: 'webgpu', samplesPerSecond: 900 },
        { backend: 'webgl', samplesPerSecond: 300 },
        { backend: 'wasm', samplesPerSecond: 500 },
        { backend: 'cpu', samplesPerSecond: 20 },
      ]),
    ).toBe('wasm');
  });

  it('falls back to the CPU when nothing else was measured (backend chosen in the settings)', () => {
    expect(fallbackBackend([])).toBe('cpu');
    expect(fallbackBackend([{ backend: 'webgpu', samplesPerSecond: 900 }])).toBe('cpu');
  });
});

describe('deviceLostMessage', () => {
  it('names the new backend and the epoch it continues from', () => {
    expect(deviceLostMessage('wasm', 3)).toBe(
      'The GPU device was lost; training moved to wasm and continues from the checkpoint of epoch 3.',
    );
    expect(deviceLostMessage('cpu', 0)).toMatch(/moved to cpu and continues from the start/);
  });
});

function lossable() {
  let lose!: () => void;
  const lost = new Promise<unknown>((r) => (lose = () => r({ reason: 'unknown' })));
  return { device: { lost }, lose };
}

describe('DeviceWatch', () => {
  it('reports a loss once, through the callback', async () => {
    const w = new DeviceWatch();
    const { device, lose } = lossable();
    let calls = 0;
    w.watch(device, () => calls++);
    expect(w.lost).toBe(false);
    lose();
    await device.lost;
    await Promise.resolve();
    expect(w.lost).toBe(true);
    expect(calls).toBe(1);
  });

  it('explains an error when the device reports lost shortly after it', async () => {
    const w = new DeviceWatch();
    const { device, lose } = lossable();
    w.watch(device, () => undefined);
    setTimeout(lose, 10);
    expect(await w.explains(new Error('some opaque failure'), 1000)).toBe(true);
  });

  it('explains an error that names a lost device even before `lost` settles', async () => {
    const w = new DeviceWatch();
    w.watch(lossable().device, () => undefined);
    expect(await w.explains(new Error('Device is lost'), 5)).toBe(true);
    expect(w.lost).toBe(true);
  });

  it('does not explain ordinary errors, nor anything when no device is watched', async () => {
    const w = new DeviceWatch();
    expect(await w.explains(new Error('Device is lost'), 5)).toBe(false);
    w.watch(lossable().device, () => undefined);
    expect(await w.explains(new Error('shape mismatch'), 5)).toBe(false);
  });

  it('ignores a loss of a device it was reset from', async () => {
    const w = new DeviceWatch();
    const { device, lose } = lossable();
    let calls = 0;
    w.watch(device, () => calls++);
    w.reset();
    lose();
    await device.lost;
    await Promise.resolve();
    expect(w.lost).toBe(false);
    expect(calls).toBe(0);
  });
});
