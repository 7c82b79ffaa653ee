import { describe, expect, it } from 'vitest';
import { trainTemplate } from './template-run';

// Each template trains on its recommended built-in dataset with the settings the studio applies when it is
// opened with that dataset, on WASM in Node. The small sets and spam train in full; MNIST trains one epoch of
// its 55,000 training digits here to bound the time on 2 cores — `npx tsx bench/templates.ts` trains it in full.
describe('templates reach a stated accuracy with their default settings', () => {
  it('MLP for tabular data on Iris: ≥ 90 %', { timeout: 240_000 }, async () => {
    const r = await trainTemplate('tabular-mlp');
    expect([r.epochs, r.batchSize]).toEqual([100, 16]);
    expect(r.testAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('MLP for 2-D points on two spirals: ≥ 95 %', { timeout: 240_000 }, async () => {
    const r = await trainTemplate('spiral-mlp');
    expect(r.testAccuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('Two-input model on Iris (sepal | petal): ≥ 90 %', { timeout: 240_000 }, async () => {
    const r = await trainTemplate('two-input');
    expect(r.testAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('LSTM text classifier on spam, its default two epochs: ≥ 90 %', { timeout: 900_000 }, async () => {
    // The LSTM's every step max-pooled reached 97.3 % in two epochs of 37 steps of 128 (measured 2026-11-30,
    // 239 s on 2 busy cores); its last state alone reached 88.4 % after one. Spam is 30 % of the set.
    const r = await trainTemplate('lstm-text');
    expect([r.epochs, r.batchSize, r.learningRate]).toEqual([2, 128, 0.01]);
    expect(r.testAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('CNN for MNIST digits, one epoch of the full 55,000 training digits: ≥ 97 % of the 10,000 test digits', {
    timeout: 600_000,
  }, async () => {
    // Seed 1 on WASM reached 97.3 % after one epoch of the recommended batch 32 / Adam 0.001 (measured
    // 2026-11-30, 213 s on 2 busy cores); the template's five epochs are in the bench.
    const r = await trainTemplate('reference-cnn', { epochs: 1 });
    expect([r.trainSamples, r.batchSize, r.learningRate]).toEqual([55_000, 32, 0.001]);
    expect(r.testAccuracy).toBeGreaterThanOrEqual(0.97);
  });
});
