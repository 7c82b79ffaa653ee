import { describe, expect, it } from 'vitest';
import { trainTemplate } from './template-run';

// Each template trains on its recommended built-in dataset with the settings the studio applies when it is
// opened with that dataset, on WASM in Node. The small sets train in full; the big ones (spam, MNIST) train one
// epoch here to bound the time on 2 cores — `npx tsx bench/templates.ts` trains them in full and reports.
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

  it('LSTM text classifier on spam, one epoch: ≥ 85 %', { timeout: 900_000 }, async () => {
    // One epoch (37 steps of 128) reached 88.4 % without masking (measured 2026-11-30); spam is 30 % of the set.
    const r = await trainTemplate('lstm-text', { epochs: 1 });
    expect(r.testAccuracy).toBeGreaterThanOrEqual(0.85);
  });

  it('CNN for MNIST digits, one epoch of the 8,500 training digits: ≥ 88 %', {
    timeout: 600_000,
  }, async () => {
    // Seed 1 on WASM reached 90.8 % after one epoch (measured 2026-11-30); five epochs are in the bench.
    const r = await trainTemplate('reference-cnn', { epochs: 1 });
    expect(r.testAccuracy).toBeGreaterThanOrEqual(0.88);
  });
});
