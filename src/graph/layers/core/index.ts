import type { AnyLayerSpec } from '../../define';
import { activationLayer } from './activation';
import { dense } from './dense';
import { input } from './input';
import { masking } from './masking';

/** Input, Dense, Activation and other core layers. */
export const coreLayers: AnyLayerSpec[] = [input, dense, activationLayer, masking];
