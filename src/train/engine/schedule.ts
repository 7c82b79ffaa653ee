import type { TrainingConfig } from '../types';

/** The learning rate of an epoch (0-based) under the run's schedule. */
export function learningRateAt(config: TrainingConfig, epoch: number): number {
  const lr = config.learningRate;
  const rate = config.decayRate ?? 0.5;
  switch (config.schedule) {
    case 'step':
      return lr * rate ** Math.floor(epoch / Math.max(1, config.decaySteps ?? 10));
    case 'exponential':
      return lr * rate ** epoch;
    case 'cosine':
      return 0.5 * lr * (1 + Math.cos((Math.PI * epoch) / Math.max(1, config.epochs)));
    default:
      return lr;
  }
}
