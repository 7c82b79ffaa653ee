import { defineLayer } from '../../define';
import { formatShape, ShapeError } from '../../shape';
import type { Dim, Shape } from '../../types';
import { expectImage } from '../conv/conv2d';
import { randInt } from '../conv/conv-shape';
import { fromNested, sampleSides, sideParams, toNested } from './side-params';

/** Removes rows and columns at the borders of an image. */
export const cropping2d = defineLayer({
  type: 'Cropping2D',
  category: 'Reshaping',
  description: 'Cuts rows and columns off the borders of each image, e.g. to match a skip connection.',
  params: sideParams(0, 'removed'),
  outputShape: ([x], p) => {
    expectImage('Cropping2D', x);
    const crop = (d: Dim, a: number, b: number, axis: string): Dim => {
      // An unknown size stays unknown (TF.js itself would compute null - n as a negative number).
      if (d === null) return null;
      if (d - a - b > 0) return d - a - b;
      throw new ShapeError(
        `Cropping2D removes ${a} + ${b} ${axis} from an input only ${d} ${axis} large ${formatShape(x)}; at least one must remain. Crop less.`,
      );
    };
    const out: Shape = [
      x[0],
      crop(x[1], p.top, p.bottom, 'rows'),
      crop(x[2], p.left, p.right, 'columns'),
      x[3],
    ];
    return out;
  },
  paramCount: () => 0,
  toTfjs: (p) => ({ className: 'Cropping2D', config: { cropping: toNested(p) } }),
  fromKeras: (c) => fromNested(c.cropping),
  sampleInputs: (rng) => [[null, randInt(rng, 2, 14), randInt(rng, 2, 14), randInt(rng, 1, 4)]],
  sampleParams: (rng) => sampleSides(rng, 3),
});
