import { describe, expect, it } from 'vitest';
import { chain } from '../../graph';
import type { DatasetConfig } from '../types';
import { isPaddedText, padsPerBatch, withoutPadding } from './padding';

const builtin = (id: 'spam' | 'iris'): DatasetConfig =>
  ({ source: { kind: 'builtin', id, seed: 1, samples: 0 } }) as DatasetConfig;
const lstm = (length: number | null) =>
  chain([
    ['Input', { shape: [length], dtype: 'int32' }],
    ['Embedding', { inputDim: 5000, outputDim: 8 }],
    ['LSTM', { units: 4 }],
    ['Dense', { units: 2, activation: 'softmax' }],
  ]).graph;

describe('variable-length text', () => {
  it('knows which datasets are end-padded token ids', () => {
    expect(isPaddedText(builtin('spam'))).toBe(true);
    expect(isPaddedText(builtin('iris'))).toBe(false);
    const csv = (type: 'text' | 'numeric') =>
      ({
        source: { kind: 'csv', csv: { columns: [{ name: 'body', type, role: 'feature' }] } },
      }) as unknown as DatasetConfig;
    expect(isPaddedText(csv('text'))).toBe(true);
    expect(isPaddedText(csv('numeric'))).toBe(false);
  });

  it('pads per batch only when the one Input takes any length', () => {
    expect(padsPerBatch(builtin('spam'), lstm(null))).toBe(true);
    expect(padsPerBatch(builtin('spam'), lstm(100))).toBe(false);
    expect(padsPerBatch(builtin('iris'), lstm(null))).toBe(false);
  });

  it('drops the padding at the end of one text, keeping one id at least', () => {
    expect([...withoutPadding(Int32Array.from([5, 9, 0, 0]))]).toEqual([5, 9]);
    expect([...withoutPadding(Int32Array.from([0, 0, 0]))]).toEqual([0]);
    expect([...withoutPadding(Int32Array.from([0, 7, 0]))]).toEqual([0, 7]);
  });
});
