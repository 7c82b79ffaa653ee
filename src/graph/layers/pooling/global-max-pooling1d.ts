import { defineGlobalPooling1D } from './pool-shape';

/** Keeps the largest value of each channel over all steps: (None, steps, c) → (None, c). */
export const globalMaxPooling1d = defineGlobalPooling1D(
  'GlobalMaxPooling1D',
  'Keeps the largest value of each channel over all steps: (None, steps, c) → (None, c).',
  'takes the maximum',
);
