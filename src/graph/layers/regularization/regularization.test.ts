import { describe, expect, it } from 'vitest';
import { withDefaults } from '../../define';
import { ShapeError } from '../../shape';
import type { Shape } from '../../types';
import { specContext } from '../index';

function run(type: string, x: Shape) {
  const spec = specContext.spec(type)!;
  return spec.outputShape([x], withDefaults(spec, {}), specContext);
}

describe('noise and dropout layers', () => {
  it('SpatialDropout1D needs a sequence and points a flat vector to Dropout', () => {
    expect(run('SpatialDropout1D', [null, 20, 8])).toEqual([null, 20, 8]);
    expect(() => run('SpatialDropout1D', [null, 20])).toThrow(
      new ShapeError(
        'SpatialDropout1D needs a rank-3 input (None, steps, channels); it got (None, 20). For a flat vector use Dropout.',
      ),
    );
  });

  it.each(['GaussianNoise', 'GaussianDropout', 'AlphaDropout'])(
    '%s keeps any shape and has no weights',
    (type) => {
      const spec = specContext.spec(type)!;
      expect(run(type, [null, 5, 6, 7])).toEqual([null, 5, 6, 7]);
      expect(spec.paramCount([[null, 5, 6, 7]], withDefaults(spec, {}), specContext)).toBe(0);
    },
  );
});
