import { definePooling2D } from './pool-shape';

/** Downsamples an image by averaging each window. */
export const averagePooling2d = definePooling2D(
  'AveragePooling2D',
  'Downsamples an image by averaging each window.',
);
