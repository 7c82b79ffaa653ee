import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { augmentImages } from './augment';
import { applyNormaliser, denormalise, fitNormaliser } from './normalise';
import { DEFAULT_SPLIT, splitIndices, splitProblem } from './split';
import {
  buildVocabulary,
  decodeTokens,
  encodeText,
  OOV_ID,
  PAD_ID,
  tokenize,
  vocabularyIndex,
} from './text/tokenize';

describe('splitIndices', () => {
  it('is the same for the same seed and different for another', () => {
    const a = splitIndices(100, DEFAULT_SPLIT);
    const b = splitIndices(100, DEFAULT_SPLIT);
    const c = splitIndices(100, { ...DEFAULT_SPLIT, seed: 7 });
    expect(Array.from(a.train)).toEqual(Array.from(b.train));
    expect(Array.from(a.train)).not.toEqual(Array.from(c.train));
  });

  it('uses every index exactly once, with the asked sizes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 500 }), fc.integer(), (n, seed) => {
        const s = splitIndices(n, { ...DEFAULT_SPLIT, seed, stratify: false });
        const all = [...s.train, ...s.val, ...s.test].sort((x, y) => x - y);
        expect(all).toEqual(Array.from({ length: n }, (_, i) => i));
        expect(s.val.length).toBe(Math.round(n * 0.1));
      }),
    );
  });

  it('keeps class proportions when stratified', () => {
    const labels = Int32Array.from({ length: 1000 }, (_, i) => (i < 900 ? 0 : 1));
    const s = splitIndices(1000, { train: 0.5, val: 0.3, test: 0.2, seed: 1, stratify: true }, labels);
    const minority = (idx: Int32Array) => Array.from(idx).filter((i) => labels[i] === 1).length;
    expect([minority(s.train), minority(s.val), minority(s.test)]).toEqual([50, 30, 20]);
  });

  it('explains bad ratios', () => {
    expect(splitProblem({ ...DEFAULT_SPLIT, train: 0.5 })).toMatch(/add up to 100 %; they add up to 70 %/);
    expect(splitProblem({ ...DEFAULT_SPLIT, train: 0, val: 0.5, test: 0.5 })).toMatch(/more than 0/);
    expect(() => splitIndices(10, { ...DEFAULT_SPLIT, val: -1 })).toThrow(/zero or more/);
  });
});

describe('normaliser', () => {
  const x = Float32Array.from([1, 10, 3, 10, 5, 10]);
  it('min-max maps the training range to [0, 1], constant features to 0', () => {
    const stats = fitNormaliser(x, 2, 'minmax')!;
    expect(Array.from(applyNormaliser(Float32Array.from(x), stats))).toEqual([0, 0, 0.5, 0, 1, 0]);
  });
  it('z-score gives mean 0 and standard deviation 1, and can be undone', () => {
    const stats = fitNormaliser(x, 2, 'zscore')!;
    const z = applyNormaliser(Float32Array.from(x), stats);
    expect(z[0] + z[2] + z[4]).toBeCloseTo(0, 6);
    expect((z[0] ** 2 + z[2] ** 2 + z[4] ** 2) / 3).toBeCloseTo(1, 5);
    expect(denormalise(z[2], 0, stats)).toBeCloseTo(3, 5);
  });
  it('none fits nothing', () => expect(fitNormaliser(x, 2, 'none')).toBeUndefined());
});

describe('tokenisation', () => {
  it('lowercases and splits into words', () => {
    expect(tokenize("Don't PANIC: 42 towels, café!")).toEqual(["don't", 'panic', '42', 'towels', 'café']);
  });
  it('keeps the most frequent words after <pad> and <unk>', () => {
    const vocab = buildVocabulary(['b a a', 'c a b', 'd'], 4);
    expect(vocab).toEqual(['<pad>', '<unk>', 'a', 'b']);
  });
  it('pads, truncates and marks unknown words', () => {
    const index = vocabularyIndex(['<pad>', '<unk>', 'hello', 'world']);
    expect(Array.from(encodeText('hello there world', index, 5))).toEqual([2, OOV_ID, 3, PAD_ID, PAD_ID]);
    expect(Array.from(encodeText('hello hello hello world', index, 2))).toEqual([2, 2]);
    expect(decodeTokens([2, 1, 0], ['<pad>', '<unk>', 'hello'])).toEqual(['hello', '<unk>']);
  });
});

describe('augmentImages', () => {
  const img = Float32Array.from({ length: 16 }, (_, i) => (i % 4 < 2 ? 1 : 0));
  it('changes nothing with zero settings', () => {
    const out = augmentImages(img, [1, 4, 4, 1], { flip: false, rotation: 0, shift: 0, zoom: 0 }, () => 0.3);
    expect(Array.from(out)).toEqual(Array.from(img));
  });
  it('mirrors an image when the flip is drawn', () => {
    const out = augmentImages(img, [1, 4, 4, 1], { flip: true, rotation: 0, shift: 0, zoom: 0 }, () => 0.25);
    expect(Array.from(out.subarray(0, 4))).toEqual([0, 0, 1, 1]);
  });
});

describe('stratified split sizes', () => {
  it('match the unstratified sizes for uneven classes', () => {
    const labels = Int32Array.from({ length: 40 }, (_, i) => i % 3);
    const s = splitIndices(40, DEFAULT_SPLIT, labels);
    expect([s.train.length, s.val.length, s.test.length]).toEqual([32, 4, 4]);
  });
});

describe('tiny stratified splits', () => {
  it('never give a class more validation and test samples than it has', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 2, maxLength: 30 }), (ls) => {
        const s = splitIndices(
          ls.length,
          { train: 0.4, val: 0.3, test: 0.3, seed: 5, stratify: true },
          Int32Array.from(ls),
        );
        const all = [...s.train, ...s.val, ...s.test].sort((a, b) => a - b);
        expect(all).toEqual(ls.map((_, i) => i));
      }),
    );
  });
});
