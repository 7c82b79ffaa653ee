import type { AnyLayerSpec } from '../../define';
import { bidirectional } from './bidirectional';
import { timeDistributed } from './time-distributed';

/** Wrapper layers. */
export const wrapperLayers: AnyLayerSpec[] = [timeDistributed, bidirectional];
