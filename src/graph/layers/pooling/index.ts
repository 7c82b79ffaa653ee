import type { AnyLayerSpec } from '../../define';
import { averagePooling1d } from './average-pooling1d';
import { averagePooling2d } from './average-pooling2d';
import { averagePooling3d } from './average-pooling3d';
import { globalAveragePooling1d } from './global-average-pooling1d';
import { globalAveragePooling2d } from './global-average-pooling2d';
import { globalMaxPooling1d } from './global-max-pooling1d';
import { globalMaxPooling2d } from './global-max-pooling2d';
import { maxPooling1d } from './max-pooling1d';
import { maxPooling2d } from './max-pooling2d';
import { maxPooling3d } from './max-pooling3d';

/** Pooling layers. */
export const poolingLayers: AnyLayerSpec[] = [
  maxPooling1d,
  averagePooling1d,
  maxPooling2d,
  averagePooling2d,
  globalMaxPooling1d,
  globalAveragePooling1d,
  globalMaxPooling2d,
  globalAveragePooling2d,
  maxPooling3d,
  averagePooling3d,
];
