import { defineGlobalPooling1D } from './pool-shape';

/** Averages each channel over all steps: (None, steps, c) → (None, c). */
export const globalAveragePooling1d = defineGlobalPooling1D(
  'GlobalAveragePooling1D',
  'Averages each channel over all steps: (None, steps, c) → (None, c).',
  'averages',
);
