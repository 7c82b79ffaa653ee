import { definePooling1D } from './pool-shape';

/** Downsamples a sequence by keeping the largest value in each window. */
export const maxPooling1d = definePooling1D(
  'MaxPooling1D',
  'Downsamples a sequence by keeping the largest value in each window.',
);
