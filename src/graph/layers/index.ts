import type { AnyLayerSpec, SpecContext } from '../define';
import { activationLayers } from './activation';
import { convLayers } from './conv';
import { coreLayers } from './core';
import { mergeLayers } from './merge';
import { normalizationLayers } from './normalization';
import { poolingLayers } from './pooling';
import { recurrentLayers } from './recurrent';
import { regularizationLayers } from './regularization';
import { reshapingLayers } from './reshaping';
import { wrapperLayers } from './wrappers';

/** Every layer type the studio knows, in palette order. */
export const ALL_LAYERS: readonly AnyLayerSpec[] = [
  ...coreLayers,
  ...convLayers,
  ...poolingLayers,
  ...reshapingLayers,
  ...normalizationLayers,
  ...regularizationLayers,
  ...activationLayers,
  ...recurrentLayers,
  ...mergeLayers,
  ...wrapperLayers,
];

const byType = new Map(ALL_LAYERS.map((s) => [s.type, s]));

/** The spec of a layer type, or undefined for a type the catalog lacks. */
export function getSpec(type: string): AnyLayerSpec | undefined {
  return byType.get(type);
}

/** The context handed to specs so wrappers can reach the layers they wrap. */
export const specContext: SpecContext = { spec: getSpec };
