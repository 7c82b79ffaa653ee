import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../graph';
import { nodeBackends } from '../testing/backends';
import type { TrainingConfig } from '../types';
import { BACKENDS, fastest, measureBackends } from './backends';
import type { TrainingData } from './feed';

let available: string[] = [];
beforeAll(async () => {
  available = await nodeBackends();
});

const CONFIG: TrainingConfig = {
  optimizer: 'adam',
  learningRate: 0.001,
  schedule: 'constant',
  loss: 'auto',
  batchSize: 32,
  epochs: 1,
  seed: 1,
  backend: 'auto',
};

function mnistShaped(n: number): TrainingData {
  const split = (count: number) => ({
    x: Float32Array.from({ length: count * 784 }, (_, i) => (i % 7) / 7),
    y: Int32Array.from({ length: count }, (_, i) => i % 10),
    count,
  });
  return {
    inputShape: [28, 28, 1],
    inputDtype: 'float32',
    labelKind: 'classes',
    targetShape: [1],
    numClasses: 10,
    augment: null,
    train: split(n),
    val: split(8),
    test: split(8),
  };
}

describe('backend measurement', () => {
  it('times the reference CNN on each backend, explains the unusable ones and picks WASM over CPU', async () => {
    const measured = await measureBackends(TEMPLATES[0].build(), mnistShaped(64), CONFIG, BACKENDS);
    expect(measured.map((m) => m.backend)).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    const gpu = measured.filter((m) => m.backend === 'webgpu' || m.backend === 'webgl');
    for (const m of gpu) if (m.samplesPerSecond === null) expect(m.error).toBeTruthy();
    const cpu = measured.find((m) => m.backend === 'cpu')!;
    expect(cpu.samplesPerSecond).toBeGreaterThan(0);
    if (available.includes('wasm')) {
      const wasm = measured.find((m) => m.backend === 'wasm')!;
      expect(wasm.samplesPerSecond!).toBeGreaterThan(cpu.samplesPerSecond! * 3);
      expect(fastest(measured.filter((m) => m.backend === 'wasm' || m.backend === 'cpu'))).toBe('wasm');
    }
    await tf.setBackend('cpu');
  });

  it('ignores unusable backends and prefers the earlier one on a tie', () => {
    expect(
      fastest([
        { backend: 'webgpu', samplesPerSecond: null, error: 'no adapter' },
        { backend: 'webgl', samplesPerSecond: 10 },
        { backend: 'wasm', samplesPerSecond: 10 },
      ]),
    ).toBe('webgl');
    expect(fastest([{ backend: 'cpu', samplesPerSecond: null, error: 'x' }])).toBeNull();
  });
});
