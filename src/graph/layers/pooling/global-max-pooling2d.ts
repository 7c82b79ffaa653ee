import { defineGlobalPooling2D } from './pool-shape';

/** Keeps the largest value of each channel over the image: (None, h, w, c) → (None, c). */
export const globalMaxPooling2d = defineGlobalPooling2D(
  'GlobalMaxPooling2D',
  'Keeps the largest value of each channel over the image: (None, h, w, c) → (None, c).',
  'takes the maximum',
);
