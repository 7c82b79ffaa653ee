import { describe, expect, it } from 'vitest';
import { errorOf, shapeOf } from '../../testing/layers';

describe('1-D pooling', () => {
  it.each(['MaxPooling1D', 'AveragePooling1D'])('%s offers Reshape [n, 1] for a flat input', (type) => {
    const e = errorOf(type, [null, 50]);
    expect(e.message).toBe(
      `${type} needs a rank-3 input (None, steps, channels); it got (None, 50). Insert Reshape [50, 1] before it.`,
    );
    expect(e.fix).toMatchObject({
      kind: 'insertBefore',
      layer: { type: 'Reshape', params: { targetShape: [50, 1] } },
    });
    expect(shapeOf(type, [null, 50, 1])).toEqual([null, 25, 1]);
  });
});

describe('2-D pooling', () => {
  it('AveragePooling2D offers Reshape [s, s, 1] for a flat square input', () => {
    const e = errorOf('AveragePooling2D', [null, 784]);
    expect(e.fix).toMatchObject({ layer: { type: 'Reshape', params: { targetShape: [28, 28, 1] } } });
  });

  it('names the sizes when the pool window is larger than the input and offers padding "same"', () => {
    const e = errorOf('MaxPooling2D', [null, 2, 2, 8], { poolSize: [3, 3], strides: [3, 3] });
    expect(e.message).toBe(
      'MaxPooling2D: a pool window of 3×3 does not fit the input (None, 2, 2, 8) — the output would be (None, 0, 0, 8). Set padding to "same", use a smaller pool window, or feed a larger input.',
    );
    expect(e.fix).toEqual({ kind: 'setParams', label: 'Set padding to "same"', params: { padding: 'same' } });
    expect(
      shapeOf('MaxPooling2D', [null, 2, 2, 8], { poolSize: [3, 3], strides: [3, 3], padding: 'same' }),
    ).toEqual([null, 1, 1, 8]);
  });
});

describe('global pooling', () => {
  it.each(['GlobalAveragePooling2D', 'GlobalMaxPooling2D'])(
    '%s explains what it needs when given a flat vector',
    (type) => {
      const e = errorOf(type, [null, 128]);
      expect(e.message).toContain(`needs a rank-4 input (None, h, w, channels); it got (None, 128).`);
      expect(e.message).toContain('connect it to the output of a Conv2D or pooling layer instead');
      expect(e.fix).toBeUndefined();
    },
  );

  it('points a sequence to the 1-D layer and an image to the 2-D one', () => {
    expect(errorOf('GlobalAveragePooling2D', [null, 10, 16]).message).toContain(
      'For a sequence use GlobalAveragePooling1D.',
    );
    expect(errorOf('GlobalMaxPooling1D', [null, 7, 7, 3]).message).toContain(
      'For images use GlobalMaxPooling2D.',
    );
    expect(shapeOf('GlobalAveragePooling2D', [null, 7, 7, 64])).toEqual([null, 64]);
  });
});

describe('3-D pooling', () => {
  it('pools a volume', () => {
    expect(shapeOf('MaxPooling3D', [null, 4, 8, 8, 2])).toEqual([null, 2, 4, 4, 2]);
    expect(errorOf('AveragePooling3D', [null, 8, 8, 2]).message).toBe(
      'AveragePooling3D needs a rank-5 input (None, depth, h, w, c); it got (None, 8, 8, 2).',
    );
  });
});
