import { describe, expect, it } from 'vitest';
import { asDatasetConfig } from './config';
import { DEFAULT_SPLIT } from './split';

const good = {
  version: 1,
  source: { kind: 'builtin', id: 'iris', seed: 1, samples: 150 },
  split: DEFAULT_SPLIT,
  augment: null,
  fitted: {},
};

describe('asDatasetConfig', () => {
  it('accepts a saved config, and survives a JSON round trip', () => {
    expect(asDatasetConfig(JSON.parse(JSON.stringify(good)))).toEqual(good);
  });
  it('turns missing, future or damaged entries into "no dataset"', () => {
    expect(asDatasetConfig(null)).toBeNull();
    expect(asDatasetConfig({ ...good, version: 2 })).toBeNull();
    expect(asDatasetConfig({ ...good, source: { kind: 'builtin', id: 'cifar' } })).toBeNull();
    expect(asDatasetConfig({ ...good, source: { kind: 'csv' } })).toBeNull();
    expect(asDatasetConfig({ ...good, split: { train: 'a' } })).toBeNull();
  });
  it('keeps uploaded ratings and box sets (an upload becomes the project dataset)', () => {
    const ratings = { ...good, source: { kind: 'ratings', fileKey: 'k', fileName: 'ratings.csv' } };
    const images = { width: 32, height: 32, channels: 1 };
    const boxes = { ...good, source: { kind: 'boxes', fileKey: 'k', fileName: 'b.zip', images } };
    expect(asDatasetConfig(ratings)).toEqual(ratings);
    expect(asDatasetConfig(boxes)).toEqual(boxes);
    expect(
      asDatasetConfig({ ...boxes, source: { kind: 'boxes', fileKey: 'k', fileName: 'b.zip' } }),
    ).toBeNull();
  });
});
