import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeBackends } from '../../testing/backends';
import { confidentDigits, judgeShare, mnist, trainGenerative, trainJudge } from '../../testing/judge';
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
  const trained = await trainJudge(data);
  judge = trained.judge;
  expect(trained.accuracy).toBeGreaterThan(0.95);
  // A fair judge: it labels most real digits with confidence ≥ 0.9 (the ceiling generated digits aim for).
  expect(await judgeShare(judge, Float32Array.from(data.test.x.subarray(0, 64 * 28 * 28)))).toBeGreaterThan(
    0.9,
  );
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

  it('the dense GAN: the confident share of 64 samples over its last three epochs beats the untrained generator by ≥ 20 points', async () => {
    // About 1,400 alternating steps (9 epochs of 64 over 10,000 digits): a GAN's samples swing from epoch to
    // epoch, so the figure is the mean over the last three epochs' fixed-noise samples, not one lucky epoch.
    const run = await trainGenerative('gan-mnist', data, { epochs: 9, batchSize: 64 });
    const untrained = await judgeShare(judge, run.untrained);
    const shares: number[] = [];
    for (const samples of run.perEpoch) shares.push(await judgeShare(judge, samples));
    const lastThree = shares.slice(-3).reduce((a, b) => a + b, 0) / 3;
    console.info(`GAN judge share: untrained ${untrained}, per epoch ${shares.join(', ')}`);
    expect(run.perEpoch).toHaveLength(9);
    expect(lastThree - untrained).toBeGreaterThanOrEqual(0.2);
    // Not one digit over and over (mode collapse): the confident samples of the last epochs are ≥ 4 digits.
    const digits = new Set<number>();
    for (const samples of run.perEpoch.slice(-3))
      for (const d of await confidentDigits(judge, samples)) digits.add(d);
    console.info(`GAN digits among confident samples: ${[...digits].sort().join(' ')}`);
    expect(digits.size).toBeGreaterThanOrEqual(4);
  }, 900_000);
});
