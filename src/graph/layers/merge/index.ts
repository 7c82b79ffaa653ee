import type { AnyLayerSpec } from '../../define';
import { add } from './add';
import { average } from './average';
import { concatenate } from './concatenate';
import { dot } from './dot';
import { maximum } from './maximum';
import { minimum } from './minimum';
import { multiply } from './multiply';
import { subtract } from './subtract';

/**
 * Merge layers. TF.js 4.22 has no Subtract layer class: the studio's own (src/compile/custom-layers.ts) must be
 * registered wherever models are built or loaded.
 */
export const mergeLayers: AnyLayerSpec[] = [
  add,
  subtract,
  multiply,
  average,
  maximum,
  minimum,
  concatenate,
  dot,
];
