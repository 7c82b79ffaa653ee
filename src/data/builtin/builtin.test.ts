import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type DataIO, buildDataset } from '../load';
import { classCounts, labelText, sampleView } from '../sample';
import { DEFAULT_SPLIT } from '../split';
import type { BuiltinId, DatasetConfig } from '../types';
import { BUILTINS } from './catalog';
import { generate } from './synthetic';

const out = mkdtempSync(join(tmpdir(), 'prepare-data-'));
execFileSync('node', ['scripts/prepare-data.mjs', '--out', out, '--force']);
// The packs are ~110 MB: remove them when the file's tests are done.
afterAll(() => rmSync(out, { recursive: true, force: true }));
const io: DataIO = {
  asset: async (name) => new Uint8Array(readFileSync(join(out, name))),
  file: async () => {
    throw new Error('no files');
  },
};
const config = (id: BuiltinId, samples = 500): DatasetConfig => ({
  version: 1,
  source: { kind: 'builtin', id, seed: 1, samples },
  split: DEFAULT_SPLIT,
  augment: null,
  fitted: {},
});

describe('built-in datasets', () => {
  it('MNIST, quick subset: 10,000 28×28 training digits, the whole 5,000 / 10,000 validation and test', async () => {
    const ds = await buildDataset(config('mnist', 10_000), io);
    expect(ds.inputShape).toEqual([28, 28, 1]);
    expect(ds.counts).toEqual({ train: 10_000, val: 5000, test: 10_000 });
    expect(ds.x.train.length).toBe(10_000 * 784);
    expect(Math.max(...ds.x.test.subarray(0, 784))).toBeLessThanOrEqual(1);
    expect(classCounts(ds, 'train').every((c) => c > 800)).toBe(true);
    const view = sampleView(ds, 'test', 0);
    expect(view.kind === 'image' && view.rgba.length).toBe(28 * 28 * 4);
  });

  it('Iris: 150 rows, 3 species, z-scored on the training split', async () => {
    const ds = await buildDataset(config('iris'), io);
    expect(ds.counts.train + ds.counts.val + ds.counts.test).toBe(150);
    expect(ds.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(ds.config.fitted.normaliser?.kind).toBe('zscore');
    const view = sampleView(ds, 'train', 0);
    expect(view.kind === 'table' && view.cells[0].value).toBeGreaterThan(4);
  });

  it('Spam: token ids with a vocabulary fitted on the training e-mails', async () => {
    const ds = await buildDataset(config('spam'), io);
    expect(ds.inputDtype).toBe('int32');
    expect(ds.inputShape).toEqual([100]);
    expect(ds.classNames).toEqual(['ham', 'spam']);
    expect(ds.config.fitted.vocabulary).toHaveLength(5000);
    expect(ds.counts.train + ds.counts.val + ds.counts.test).toBe(
      BUILTINS.find((b) => b.id === 'spam')!.size,
    );
    const view = sampleView(ds, 'train', 0);
    expect(view.kind === 'text' && view.tokens.length).toBeGreaterThan(0);
  });

  it('each generator declares the shape and label kind it produces', async () => {
    for (const info of BUILTINS.filter((b) => b.synthetic)) {
      // Ratings need at least two per user (300 users) for a leave-last-out split.
      const samples = info.id === 'ratings' ? 1200 : 500;
      const ds = await buildDataset(config(info.id, samples), io);
      expect(ds.inputShape).toEqual(info.inputShape);
      expect(ds.labelKind).toBe(info.labelKind);
      const total = ds.counts.train + ds.counts.val + ds.counts.test;
      // Users rate a random number of items (log-normal around the mean), so ratings come to about the request.
      if (info.id === 'ratings') expect(Math.abs(total - samples) / samples).toBeLessThan(0.15);
      else expect(total).toBe(samples);
      expect(labelText(ds, 'val', 0)).not.toBe('');
    }
  });

  it('generators are seeded', () => {
    expect(Array.from(generate('spirals', 50, 3).x)).toEqual(Array.from(generate('spirals', 50, 3).x));
    expect(Array.from(generate('spirals', 50, 3).x)).not.toEqual(Array.from(generate('spirals', 50, 4).x));
    expect(() => generate('xor', 1, 1)).toThrow(/from 10 to/);
  });
});
