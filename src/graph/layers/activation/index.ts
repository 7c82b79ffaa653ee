import type { AnyLayerSpec } from '../../define';
import { elu } from './elu';
import { leakyRelu } from './leaky-relu';
import { prelu } from './prelu';
import { relu } from './relu';
import { softmax } from './softmax';
import { thresholdedRelu } from './thresholded-relu';

/** Activation layers (the generic Activation layer lives in core/). */
export const activationLayers: AnyLayerSpec[] = [relu, leakyRelu, prelu, elu, thresholdedRelu, softmax];
