import { describe, expect, it } from 'vitest';
import { augmentBatch, augmentControls, fitAugment, maskBands } from './augment-kinds';
import type { SampleFormat } from './types';
import { makeRng } from './rng';

const of = (format: SampleFormat, inputDtype: 'float32' | 'int32' = 'float32') => ({ format, inputDtype });
const image = of({ kind: 'image', width: 4, height: 4, channels: 1 });
const audio = { sampleRate: 8000, durationMs: 1000, feature: 'logmel' } as never;
const spectrogram = of({ kind: 'spectrogram', frames: 6, bins: 5, audio });
const table = of({ kind: 'table', featureNames: ['a', 'b'] });
const text = of({ kind: 'text', vocabulary: ['a'] }, 'int32');
const ratings = {
  ...of({ kind: 'table', featureNames: ['user', 'item'] }, 'int32'),
  domain: { kind: 'ratings' as const, users: 2, items: 2 },
};
const boxes = { ...image, domain: { kind: 'boxes' as const, classes: 3 } };

describe('augmentation that fits the data', () => {
  it('offers mirror and rotation for pictures only, masks for spectrograms, noise for tables, nothing for text', () => {
    expect(augmentControls(image)).toEqual(['flip', 'rotation', 'shift', 'zoom', 'noise']);
    expect(augmentControls(spectrogram)).toEqual(['shift', 'zoom', 'timeMask', 'freqMask', 'noise']);
    expect(augmentControls(table)).toEqual(['noise']);
    expect(augmentControls(text)).toEqual([]);
  });

  it('offers nothing for user and item ids, and only noise for pictures whose boxes would not move with them', () => {
    expect(augmentControls(ratings)).toEqual([]);
    expect(augmentControls(boxes)).toEqual(['noise']);
  });

  it('turns off what does not fit: a flipped, rotated spectrogram keeps only its shift and masks', () => {
    const o = { flip: true, rotation: 20, shift: 0.1, zoom: 0, timeMask: 0.2 };
    expect(fitAugment(spectrogram, o)).toEqual({
      flip: false,
      rotation: 0,
      shift: 0.1,
      zoom: 0,
      timeMask: 0.2,
      freqMask: 0,
      noise: 0,
    });
    expect(fitAugment(table, { flip: true, rotation: 20, shift: 0, zoom: 0 })).toBeNull();
    expect(fitAugment(text, { flip: false, rotation: 0, shift: 0, zoom: 0, noise: 0.5 })).toBeNull();
  });
});

describe('SpecAugment masks', () => {
  it('blanks one band of whole frames and one band of whole bins, no wider than asked', () => {
    const [n, h, w] = [20, 10, 8];
    const x = new Float32Array(n * h * w).fill(1);
    maskBands(
      x,
      [n, h, w, 1],
      { flip: false, rotation: 0, shift: 0, zoom: 0, timeMask: 0.3, freqMask: 0.25 },
      makeRng(3),
    );
    let widest = { rows: 0, cols: 0 };
    for (let i = 0; i < n; i++) {
      const at = (r: number, c: number) => x[i * h * w + r * w + c];
      const rows = Array.from({ length: h }, (_, r) => r).filter((r) =>
        [...Array(w).keys()].every((c) => at(r, c) === 0),
      );
      const cols = Array.from({ length: w }, (_, c) => c).filter((c) =>
        [...Array(h).keys()].every((r) => at(r, c) === 0),
      );
      // Each band is contiguous, and every zero lies in one of the two bands.
      if (rows.length) expect(rows[rows.length - 1] - rows[0]).toBe(rows.length - 1);
      if (cols.length) expect(cols[cols.length - 1] - cols[0]).toBe(cols.length - 1);
      for (let r = 0; r < h; r++)
        for (let c = 0; c < w; c++)
          if (at(r, c) === 0) expect(rows.includes(r) || cols.includes(c)).toBe(true);
      widest = { rows: Math.max(widest.rows, rows.length), cols: Math.max(widest.cols, cols.length) };
    }
    expect(widest.rows).toBe(3); // 30 % of 10 frames
    expect(widest.cols).toBe(2); // 25 % of 8 bins
  });
});

describe('augmentBatch', () => {
  it('adds noise of the asked spread to any float batch and leaves the input untouched', () => {
    const x = new Float32Array(20_000);
    const out = augmentBatch(
      x,
      [10_000, 2],
      { flip: false, rotation: 0, shift: 0, zoom: 0, noise: 0.5 },
      makeRng(1),
    );
    const sd = Math.sqrt(out.reduce((s, v) => s + v * v, 0) / out.length);
    expect(sd).toBeGreaterThan(0.48);
    expect(sd).toBeLessThan(0.52);
    expect(x.every((v) => v === 0)).toBe(true);
  });

  it('changes nothing when every option is off', () => {
    const x = Float32Array.from({ length: 32 }, (_, i) => i);
    const off = { flip: false, rotation: 0, shift: 0, zoom: 0 };
    expect(Array.from(augmentBatch(x, [2, 4, 4, 1], off, makeRng(1)))).toEqual(Array.from(x));
  });
});
