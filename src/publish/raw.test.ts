import { describe, expect, it } from 'vitest';
import type { PreprocessingMetadata } from './metadata';
import { rawInstance, rawKind, rawV2Inputs } from './raw';
import type { Samples } from './samples';

const base: PreprocessingMetadata = {
  format: 'model-studio/preprocessing',
  version: 1,
  project: 'p',
  dataset: 'd',
  input: { shape: [], dtype: 'float32', description: '' },
  output: { kind: 'classes', description: '' },
};

describe('prepared samples back to raw input', () => {
  it('table rows: original units by column name, one-hot groups back to their category', () => {
    const meta: PreprocessingMetadata = {
      ...base,
      featureNames: ['age', 'colour=red', 'colour=blue'],
      categories: { colour: ['red', 'blue'] },
      normaliser: { kind: 'zscore', a: [40, 0, 0], b: [10, 1, 1] },
    };
    const batch = { shape: [3], dtype: 'float32' as const, data: Float32Array.from([0.5, 0, 1, -1, 1, 0]) };
    expect(rawKind(meta, batch)).toBe('table');
    expect(rawInstance(meta, batch, 0)).toEqual({ age: 45, colour: 'blue' });
    expect(rawInstance(meta, batch, 1)).toEqual({ age: 30, colour: 'red' });
    const v2 = rawV2Inputs(meta, { count: 2, source: 'test split', inputs: [batch] }, [
      { name: 'x', datatype: 'FP32', shape: [-1, 3] },
    ]);
    expect(v2).toEqual([
      { name: 'age', shape: [2], datatype: 'FP32', data: [45, 30] },
      { name: 'colour', shape: [2], datatype: 'BYTES', data: ['blue', 'red'] },
    ]);
  });

  it('gray images as 0–255 pixel rows; text as words, unknown ids as a word the vocabulary lacks', () => {
    const image: PreprocessingMetadata = {
      ...base,
      image: { width: 2, height: 1, channels: 1, scale: 1 / 255, resize: 'area-average' },
    };
    const pixels = { shape: [1, 2, 1], dtype: 'float32' as const, data: Float32Array.from([0, 200 / 255]) };
    expect(rawInstance(image, pixels, 0)).toEqual([[0, 200]]);
    const text: PreprocessingMetadata = {
      ...base,
      vocabulary: ['<pad>', '<unk>', 'unk', 'good'],
      text: { lowercase: true, tokens: '', padId: 0, oovId: 1, length: 4 },
    };
    const ids = { shape: [4], dtype: 'int32' as const, data: Int32Array.from([3, 1, 2, 0]) };
    expect(rawInstance(text, ids, 0)).toBe('good unkx unk');
    const samples: Samples = { count: 1, source: 'generated', inputs: [ids] };
    expect(rawV2Inputs(text, samples, [{ name: 't', datatype: 'INT32', shape: [-1, 4] }])).toEqual([
      { name: 't', shape: [1], datatype: 'BYTES', data: ['good unkx unk'] },
    ]);
  });

  it('no metadata, or metadata that does not fit the input: no raw form (tensors are sent)', () => {
    const batch = { shape: [5], dtype: 'float32' as const, data: new Float32Array(5) };
    expect(rawInstance(null, batch, 0)).toBeNull();
    expect(rawInstance({ ...base, featureNames: ['a', 'b'] }, batch, 0)).toBeNull();
  });
});
