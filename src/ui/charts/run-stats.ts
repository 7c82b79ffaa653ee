/** Headline numbers of a run for the runs table (pure). */
import type { RunRecord } from '../../train/types';

/** A run's final and best metrics; undefined where the run did not record them. */
export interface RunStats {
  epochs: number;
  finalLoss?: number;
  finalValLoss?: number;
  bestValLoss?: number;
  /** Validation accuracy (classifiers) or MAE (regression). */
  finalValMetric?: number;
  bestValMetric?: number;
  /** Epoch (1-based count) of the best validation loss. */
  bestEpoch?: number;
  metric: 'accuracy' | 'mae';
}

const finite = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v);

/** Final and best loss / validation metrics: best is the lowest loss or MAE, the highest accuracy. */
export function runStats(run: Pick<RunRecord, 'batches' | 'epochs'>): RunStats {
  const { batches, epochs } = run;
  const metric =
    epochs.some((e) => finite(e.valAccuracy)) || batches.some((b) => finite(b.accuracy)) ? 'accuracy' : 'mae';
  const last = epochs[epochs.length - 1];
  const stats: RunStats = {
    epochs: epochs.length,
    metric,
    finalLoss: last?.loss ?? batches[batches.length - 1]?.loss,
    finalValLoss: last?.valLoss,
    finalValMetric: metric === 'accuracy' ? last?.valAccuracy : last?.valMae,
  };
  epochs.forEach((e, i) => {
    if (finite(e.valLoss) && !(stats.bestValLoss !== undefined && stats.bestValLoss <= e.valLoss)) {
      stats.bestValLoss = e.valLoss;
      stats.bestEpoch = i + 1;
    }
    const v = metric === 'accuracy' ? e.valAccuracy : e.valMae;
    if (!finite(v)) return;
    const better =
      stats.bestValMetric === undefined ||
      (metric === 'accuracy' ? v > stats.bestValMetric : v < stats.bestValMetric);
    if (better) stats.bestValMetric = v;
  });
  return stats;
}

/** A metric for the table: accuracy as a percentage, others with 3–4 significant digits. */
export function formatMetric(v: number | undefined, kind: 'loss' | 'accuracy' | 'mae'): string {
  if (v === undefined || !Number.isFinite(v)) return '—';
  if (kind === 'accuracy') return `${(v * 100).toFixed(1)}%`;
  return Math.abs(v) >= 1e-3 ? String(Number(v.toPrecision(4))) : v.toExponential(2);
}
