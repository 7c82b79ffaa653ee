import { defineGlobalPooling2D } from './pool-shape';

/** Averages each channel over the image: (None, h, w, c) → (None, c). */
export const globalAveragePooling2d = defineGlobalPooling2D(
  'GlobalAveragePooling2D',
  'Averages each channel over the image: (None, h, w, c) → (None, c).',
  'averages',
);
