import { definePooling1D } from './pool-shape';

/** Downsamples a sequence by averaging each window. */
export const averagePooling1d = definePooling1D(
  'AveragePooling1D',
  'Downsamples a sequence by averaging each window.',
);
