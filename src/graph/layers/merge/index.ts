import type { AnyLayerSpec } from '../../define';
import { add } from './add';
import { average } from './average';
import { concatenate } from './concatenate';
import { dot } from './dot';
import { maximum } from './maximum';
import { minimum } from './minimum';
import { multiply } from './multiply';

/** Merge layers. TF.js 4.22 has no Subtract layer class, so the catalog has none either. */
export const mergeLayers: AnyLayerSpec[] = [add, multiply, average, maximum, minimum, concatenate, dot];
