import { definePooling3D } from './pool-shape';

/** Downsamples a volume by keeping the largest value in each 3-D window. */
export const maxPooling3d = definePooling3D(
  'MaxPooling3D',
  'Downsamples a volume by keeping the largest value in each 3-D window.',
);
