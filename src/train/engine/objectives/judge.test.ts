import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeBackends } from '../../testing/backends';
import { judgeShare, mnist, trainGenerative, trainJudge } from '../../testing/judge';
import type { TrainingData } from '../feed';
import { closeYieldChannel } from '../control';

// Integration: real MNIST, trained in this Node process on WASM; a classifier trained here judges the digits.
let data: TrainingData;
let judge: tf.LayersModel;
beforeAll(async () => {
  const backends = await nodeBackends();
  if (!backends.includes('wasm')) throw new Error('these integration tests need the WASM backend');
  await tf.setBackend('wasm');
  data = await mnist();
  const trained = await trainJudge(data, 3);
  judge = trained.judge;
  expect(trained.accuracy).toBeGreaterThan(0.9);
}, 300_000);
afterAll(() => {
  judge?.dispose();
  closeYieldChannel();
});

describe('generated digits, judged by a classifier trained on MNIST labels', () => {
  it('the dense VAE: the share of confident digits among 64 samples beats the untrained network by ≥ 20 points', async () => {
    const run = await trainGenerative('vae-mnist', data, { epochs: 8, batchSize: 64 });
    const untrained = await judgeShare(judge, run.untrained);
    const trained = await judgeShare(judge, run.perEpoch.at(-1)!);
    console.info(`VAE judge share: untrained ${untrained}, after ${run.perEpoch.length} epochs ${trained}`);
    expect(run.perEpoch[0].length).toBe(64 * 28 * 28);
    expect(trained - untrained).toBeGreaterThanOrEqual(0.2);
  }, 600_000);
});
