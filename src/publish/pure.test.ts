import { describe, expect, it } from 'vitest';
import { preprocessingMetadata } from './metadata';
import { labelProblem, modelNameProblem, normaliseEndpoint, suggestModelName } from './names';
import { maxAbsDiff } from './parity';
import { generatedSamples, nestedSample, testSamples } from './samples';
import { captureStartupToken, type KeyValue, loadPrefs, loadToken, savePrefs } from './settings';
import { IRIS_CONFIG, irisSplit } from './testing/server';

function memory(): KeyValue & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return { map, get: async (k) => map.get(k), set: async (k, v) => void map.set(k, v) };
}

describe('names', () => {
  it('suggests a valid model name from the project name', () => {
    expect(suggestModelName('My MNIST model!')).toBe('my-mnist-model');
    expect(suggestModelName('Ünïcode café v2.1')).toBe('unicode-cafe-v2-1');
    expect(suggestModelName('***')).toBe('model');
    expect(suggestModelName('x'.repeat(100))).toHaveLength(63);
  });

  it('explains why a name or label is refused', () => {
    expect(modelNameProblem('iris-v2_a')).toBeNull();
    expect(modelNameProblem('')).toMatch(/Enter a model name/);
    expect(modelNameProblem('Iris')).toMatch(/starts with a lowercase letter/);
    expect(modelNameProblem('a.b')).toMatch(/no spaces, dots/);
    expect(modelNameProblem('a'.repeat(64))).toMatch(/at most 63/);
    expect(labelProblem('stable')).toBeNull();
    expect(labelProblem('')).toBeNull();
    expect(labelProblem('a-b')).toMatch(/letters, digits/);
  });

  it('normalises the endpoint address', () => {
    expect(normaliseEndpoint('http://localhost:8080/')).toBe('http://localhost:8080');
    expect(() => normaliseEndpoint('localhost')).toThrow(/not a URL/);
    expect(() => normaliseEndpoint('ftp://x')).toThrow(/http/);
  });
});

describe('token and preferences', () => {
  it('takes ?token= from the start-up URL once, removes it from the address bar and remembers it', async () => {
    const store = memory();
    const replaced: string[] = [];
    const page = {
      location: { href: 'http://localhost:8080/?token=abc123&x=1#top', origin: 'http://localhost:8080' },
      history: {
        state: null,
        replaceState: (_d: unknown, _u: string, url?: string) => void replaced.push(url!),
      },
    };
    expect(await captureStartupToken(page, store)).toBe('abc123');
    expect(replaced).toEqual(['/?x=1#top']);
    expect(await loadToken('http://localhost:8080', store)).toBe('abc123');
    const plain = { ...page, location: { ...page.location, href: 'http://localhost:8080/' } };
    expect(await captureStartupToken(plain, store)).toBeNull();
    expect(replaced).toHaveLength(1);
  });

  it('remembers the dialog choices per project', async () => {
    const store = memory();
    expect(await loadPrefs('p1', store)).toBeNull();
    await savePrefs('p1', { name: 'iris', endpoint: 'http://e', label: 'stable' }, store);
    expect(await loadPrefs('p1', store)).toEqual({ name: 'iris', endpoint: 'http://e', label: 'stable' });
    expect(await loadPrefs('p2', store)).toBeNull();
  });
});

describe('samples and metadata', () => {
  it('takes up to 32 test samples when the dataset fits the model, else none', () => {
    const s = testSamples(irisSplit(40), [{ shape: [4], dtype: 'float32' }]);
    expect(s?.count).toBe(32);
    expect(s?.inputs[0].data).toHaveLength(128);
    expect(testSamples(irisSplit(40), [{ shape: [5], dtype: 'float32' }])).toBeNull();
    expect(testSamples(null, [{ shape: [4], dtype: 'float32' }])).toBeNull();
  });

  it('generates the same inputs every time and nests one sample', () => {
    const a = generatedSamples([{ shape: [2, 3], dtype: 'float32' }], 4);
    expect(a.inputs[0].data).toEqual(
      generatedSamples([{ shape: [2, 3], dtype: 'float32' }], 4).inputs[0].data,
    );
    const nested = nestedSample(a.inputs[0], 1) as number[][];
    expect(nested).toHaveLength(2);
    expect(nested[1][2]).toBe(a.inputs[0].data[11]);
  });

  it('measures the largest difference, NaN-aware', () => {
    expect(maxAbsDiff([[1, 2]], [[1, 2.5]])).toBe(0.5);
    expect(maxAbsDiff([[Number.NaN]], [[Number.NaN]])).toBe(0);
    expect(maxAbsDiff([[Number.NaN]], [[1]])).toBe(Number.POSITIVE_INFINITY);
    expect(maxAbsDiff([[1]], [[1, 2]])).toBe(Number.POSITIVE_INFINITY);
  });

  it('describes the preprocessing that travels with the model', () => {
    const m = preprocessingMetadata('Iris', IRIS_CONFIG, { shape: [4], dtype: 'float32' });
    expect(m).toMatchObject({
      dataset: 'iris',
      classNames: ['setosa', 'versicolor', 'virginica'],
      output: { kind: 'classes' },
    });
    expect(m.input.description).toMatch(/\(x - mean\) \/ std/);
    const text = preprocessingMetadata(
      'Spam',
      { ...IRIS_CONFIG, fitted: { vocabulary: ['<pad>', '<unk>', 'win'] } },
      { shape: [20], dtype: 'int32' },
    );
    expect(text.text).toMatchObject({ padId: 0, oovId: 1, length: 20 });
    expect(text.input.description).toMatch(/pad with 0 \/ cut to 20 ids/);
  });
});
