import type { AnyLayerSpec } from '../../define';
import { batchNormalization } from './batch-normalization';
import { layerNormalization } from './layer-normalization';

/** Normalization layers. */
export const normalizationLayers: AnyLayerSpec[] = [batchNormalization, layerNormalization];
