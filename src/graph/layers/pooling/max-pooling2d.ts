import { definePooling2D } from './pool-shape';

export { pool2dShape } from './pool-shape';

/** Keeps the largest value in each window. */
export const maxPooling2d = definePooling2D(
  'MaxPooling2D',
  'Downsamples an image by keeping the largest value in each window.',
);
