import type { AnyLayerSpec } from '../../define';
import { cropping2d } from './cropping2d';
import { flatten } from './flatten';
import { permute } from './permute';
import { repeatVector } from './repeat-vector';
import { reshape } from './reshape';
import { upSampling2d } from './up-sampling2d';
import { zeroPadding2d } from './zero-padding2d';

/** Reshaping layers. */
export const reshapingLayers: AnyLayerSpec[] = [
  flatten,
  reshape,
  permute,
  repeatVector,
  upSampling2d,
  zeroPadding2d,
  cropping2d,
];
