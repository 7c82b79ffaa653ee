import { definePooling3D } from './pool-shape';

/** Downsamples a volume by averaging each 3-D window. */
export const averagePooling3d = definePooling3D(
  'AveragePooling3D',
  'Downsamples a volume by averaging each 3-D window.',
);
