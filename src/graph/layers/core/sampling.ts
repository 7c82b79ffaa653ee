import type { Rng } from '../../define';
import { defineLayer } from '../../define';
import { formatShape, ShapeError } from '../../shape';
import type { Shape } from '../../types';

/** The output of Sampling for inputs [z_mean, z_log_var]: their common shape; a sentence when they differ. */
function samplingShape(xs: Shape[]): Shape {
  if (xs.length !== 2) {
    throw new ShapeError(
      `Sampling takes exactly 2 inputs, [z_mean, z_log_var] in that order; it got ${xs.length}. ` +
        'Connect two Dense layers of the same width (the mean and the log-variance of the latent code).',
    );
  }
  const [mean, logVar] = xs;
  const same = mean.length === logVar.length && mean.every((d, i) => i === 0 || d === logVar[i]);
  if (!same) {
    const units = mean[mean.length - 1];
    throw new ShapeError(
      `Sampling needs z_mean and z_log_var of the same shape; z_mean is ${formatShape(mean)} and z_log_var is ${formatShape(logVar)}.`,
      typeof units === 'number' && mean.length === 2 && logVar.length === 2
        ? {
            kind: 'setUpstreamParams',
            label: `Give z_log_var ${units} units like z_mean`,
            nodePort: 1,
            params: { units },
          }
        : undefined,
    );
  }
  return mean.slice();
}

/**
 * The reparameterisation trick of a variational autoencoder (Keras' VAE example's `Sampling` class): inputs
 * [z_mean, z_log_var], output z = z_mean + exp(0.5·z_log_var)·ε with ε ~ N(0, I); it samples in inference too,
 * as Keras' does. TF.js has no such class: the studio ships a vetted one (src/compile/custom-layers.ts),
 * registered by the compiler, the training worker and the server. The VAE objective adds its KL term.
 */
export const sampling = defineLayer({
  type: 'Sampling',
  category: 'Core',
  description:
    'Draws the latent code z = z_mean + exp(½·z_log_var)·ε of a variational autoencoder from [z_mean, z_log_var].',
  params: {},
  inputs: { min: 2, max: 2 },
  outputShape: samplingShape,
  paramCount: () => 0,
  toTfjs: () => ({ className: 'Sampling', config: {} }),
  // Mostly two equal latent shapes; sometimes a mismatch (tfjs' class must refuse it too).
  sampleInputs: (rng: Rng): Shape[] => {
    const rank = 1 + Math.floor(rng() * 2);
    const base: Shape = [null, ...Array.from({ length: rank }, () => 1 + Math.floor(rng() * 16))];
    if (rng() < 0.8) return [base, base.slice()];
    return [base, base.map((d, i) => (i === base.length - 1 ? (d as number) + 1 : d))];
  },
});
