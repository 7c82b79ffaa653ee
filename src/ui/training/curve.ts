import type { BatchPoint } from '../../train/types';

/**
 * Merges newly arrived batch points into a run's curve. After a resume from a checkpoint the steps restart at
 * the checkpoint's step, so points the lost device had trained past it are replaced, not duplicated.
 */
export function mergeBatches(curve: BatchPoint[], incoming: BatchPoint[]): BatchPoint[] {
  if (!incoming.length) return curve;
  const first = incoming[0].step;
  if (!curve.length || curve[curve.length - 1].step < first) return curve.concat(incoming);
  return curve.filter((b) => b.step < first).concat(incoming);
}
