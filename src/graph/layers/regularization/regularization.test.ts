import { describe, expect, it } from 'vitest';
import { ShapeError } from '../../shape';
import { runLayer, shapeOf } from '../../testing/layers';

describe('noise and dropout layers', () => {
  it('SpatialDropout1D needs a sequence and points a flat vector to Dropout', () => {
    expect(shapeOf('SpatialDropout1D', [null, 20, 8])).toEqual([null, 20, 8]);
    expect(() => shapeOf('SpatialDropout1D', [null, 20])).toThrow(
      new ShapeError(
        'SpatialDropout1D needs a rank-3 input (None, steps, channels); it got (None, 20). For a flat vector use Dropout.',
      ),
    );
  });

  it.each(['GaussianNoise', 'GaussianDropout', 'AlphaDropout'])(
    '%s keeps any shape and has no weights',
    (type) => {
      expect(runLayer(type, [null, 5, 6, 7])).toEqual({
        shape: [null, 5, 6, 7],
        count: { trainable: 0, nonTrainable: 0 },
      });
    },
  );
});
