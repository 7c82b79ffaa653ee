import type { Rng } from '../../define';
import type { Shape } from '../../types';
import { randInt } from '../conv/conv-shape';

/** Random inputs of rank 2 to 4 for element-wise activation layers. */
export function sampleAnyRank(rng: Rng): Shape[] {
  return [[null, ...Array.from({ length: randInt(rng, 1, 3) }, () => randInt(rng, 1, 10))]];
}
