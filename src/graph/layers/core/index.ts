import type { AnyLayerSpec } from '../../define';
import { activationLayer } from './activation';
import { dense } from './dense';
import { input } from './input';
import { masking } from './masking';
import { sampling } from './sampling';

/** Input, Dense, Activation and other core layers (Sampling: the VAE's latent draw). */
export const coreLayers: AnyLayerSpec[] = [input, dense, activationLayer, masking, sampling];
