import type { RunRecord, TrainingConfig } from '../train/types';

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The training settings of a project file, or null when missing or damaged (the defaults then apply). */
export function asTrainingConfig(v: unknown): TrainingConfig | null {
  if (!isObj(v)) return null;
  const ok =
    typeof v.optimizer === 'string' &&
    typeof v.learningRate === 'number' &&
    typeof v.batchSize === 'number' &&
    typeof v.epochs === 'number';
  return ok ? (v as unknown as TrainingConfig) : null;
}

/** The runs of a project file that are well formed; a damaged run is left out instead of breaking the charts. */
export function asRuns(v: unknown): RunRecord[] {
  if (!Array.isArray(v)) return [];
  return v.filter(
    (r): r is RunRecord =>
      isObj(r) &&
      typeof r.id === 'string' &&
      typeof r.name === 'string' &&
      Array.isArray(r.batches) &&
      Array.isArray(r.epochs) &&
      isObj(r.config) &&
      isObj(r.timings),
  );
}

/** Runs that were live when the page went away are not running any more: say so (Resume continues them). */
export function settleInterrupted(runs: RunRecord[]): RunRecord[] {
  return runs.map((r) =>
    r.status === 'running' || r.status === 'paused'
      ? {
          ...r,
          status: 'stopped',
          message: 'Interrupted when the page closed; Resume continues it from its last epoch.',
        }
      : r,
  );
}
