import type { AnyLayerSpec } from '../../define';
import { conv1d } from './conv1d';
import { conv2d } from './conv2d';
import { conv2dTranspose } from './conv2d-transpose';
import { conv3d } from './conv3d';
import { depthwiseConv2d } from './depthwise-conv2d';
import { separableConv2d } from './separable-conv2d';

/** Convolution layers. */
export const convLayers: AnyLayerSpec[] = [
  conv1d,
  conv2d,
  conv2dTranspose,
  separableConv2d,
  depthwiseConv2d,
  conv3d,
];
