import { describe, expect, it } from 'vitest';
import { errorOf as error, shapeOf as shape } from '../../testing/layers';
import { specContext } from '../index';

describe('element-wise merges', () => {
  it('broadcast like TF.js: 1 stretches, a missing leading axis is taken from the other, None wins', () => {
    expect(
      shape('Add', [
        [null, 26, 26, 32],
        [null, 26, 26, 32],
      ]),
    ).toEqual([null, 26, 26, 32]);
    expect(
      shape('Multiply', [
        [null, 3, 1],
        [null, 1, 4],
      ]),
    ).toEqual([null, 3, 4]);
    expect(
      shape('Average', [
        [null, 4],
        [null, 3, 4],
      ]),
    ).toEqual([null, 3, 4]);
    expect(
      shape('Maximum', [
        [null, 1],
        [null, null],
      ]),
    ).toEqual([null, null]);
  });

  it('name each input when the shapes do not fit', () => {
    expect(
      error('Add', [
        [null, 32],
        [null, 64],
      ]).message,
    ).toBe(
      'Add combines its inputs element by element, so their shapes must match (or be 1 where they differ); input 1 is (None, 32) and input 2 is (None, 64).',
    );
    expect(
      error('Minimum', [
        [null, 2],
        [null, 2],
        [null, 3],
      ]).message,
    ).toMatch(/input 1 is \(None, 2\), input 2 is \(None, 2\) and input 3 is \(None, 3\)\.$/);
  });

  it('include Subtract: exactly two inputs, broadcast like the others, no weights, both shapes named', () => {
    const spec = specContext.spec('Subtract')!;
    expect(spec.inputs).toEqual({ min: 2, max: 2 });
    expect(
      shape('Subtract', [
        [null, 3, 1],
        [null, 1, 4],
      ]),
    ).toEqual([null, 3, 4]);
    expect(
      spec.paramCount(
        [
          [null, 8],
          [null, 8],
        ],
        {},
        specContext,
      ),
    ).toBe(0);
    expect(
      error('Subtract', [
        [null, 32],
        [null, 64],
      ]).message,
    ).toBe(
      'Subtract combines its inputs element by element, so their shapes must match (or be 1 where they differ); input 1 is (None, 32) and input 2 is (None, 64).',
    );
    expect(
      error('Subtract', [
        [null, 2],
        [null, 2],
        [null, 2],
      ]).message,
    ).toMatch(/^Subtract takes exactly 2 inputs \(a − b\); it got 3: /);
  });
});

describe('Concatenate', () => {
  it('adds up the joined axis', () => {
    expect(
      shape('Concatenate', [
        [null, 3],
        [null, 5],
        [null, 2],
      ]),
    ).toEqual([null, 10]);
    expect(
      shape(
        'Concatenate',
        [
          [null, 4, 3],
          [null, null, 3],
        ],
        { axis: 1 },
      ),
    ).toEqual([null, null, 3]);
  });

  it('names both shapes and offers the axis that works', () => {
    const e = error('Concatenate', [
      [null, 3, 8],
      [null, 5, 8],
    ]);
    expect(e.message).toBe(
      'Concatenate joins its inputs along axis -1, so all other axes must match; input 1 is (None, 3, 8) and input 2 is (None, 5, 8). Set axis to 1 to join them along that axis.',
    );
    expect(e.fix).toEqual({ kind: 'setParams', label: 'Set axis to 1', params: { axis: 1 } });
  });

  it('offers no axis when none would work', () => {
    const e = error('Concatenate', [
      [null, 3, 8],
      [null, 5],
    ]);
    expect(e.message).toMatch(/input 2 is \(None, 5\)\. Reshape or Flatten/);
    expect(e.fix).toBeUndefined();
  });

  it('refuses an axis the inputs do not have', () => {
    expect(
      error(
        'Concatenate',
        [
          [null, 3],
          [null, 5],
        ],
        { axis: 2 },
      ).fix,
    ).toMatchObject({ params: { axis: -1 } });
  });
});

describe('Dot', () => {
  it('gives (None, 1) for two vectors and a matrix product for sequences', () => {
    expect(
      shape('Dot', [
        [null, 16],
        [null, 16],
      ]),
    ).toEqual([null, 1]);
    expect(
      shape(
        'Dot',
        [
          [null, 5, 8],
          [null, 7, 8],
        ],
        { axes: [2, 2] },
      ),
    ).toEqual([null, 5, 7]);
  });

  it('names both shapes when the multiplied axes differ and offers axes that match', () => {
    const e = error('Dot', [
      [null, 5, 8],
      [null, 7, 5],
    ]);
    expect(e.message).toBe(
      'Dot multiplies axis 1 of input 1 with axis 1 of input 2, so those sizes must be equal; input 1 is (None, 5, 8) and input 2 is (None, 7, 5). Set axes to [1, 2].',
    );
    expect(e.fix).toEqual({ kind: 'setParams', label: 'Set axes to [1, 2]', params: { axes: [1, 2] } });
  });
});
