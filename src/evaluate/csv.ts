/** A run's metrics as CSV, for spreadsheets and pandas: one row per training batch and per validation epoch. */
import type { RunRecord } from '../train/types';

const COLUMNS = [
  'kind',
  'step',
  'epoch',
  'time_ms',
  'loss',
  'accuracy',
  'mae',
  'val_loss',
  'val_accuracy',
  'val_mae',
] as const;

// Full precision: a CSV is for analysis, and rounding here would lose what the run recorded.
const cell = (v: number | undefined) => (v === undefined ? '' : String(v));

/**
 * The run's metrics as CSV text. `kind` is `batch` for training batches and `epoch` for the validation rows
 * at the end of each epoch, so a reader can filter either series; empty cells mean "not measured".
 */
export function runMetricsCsv(run: Pick<RunRecord, 'batches' | 'epochs'>): string {
  const lines: string[] = [COLUMNS.join(',')];
  for (const b of run.batches) {
    lines.push(
      ['batch', b.step, b.epoch, b.time, b.loss, b.accuracy, b.mae, '', '', ''].map(toCell).join(','),
    );
  }
  for (const e of run.epochs) {
    const row = [
      'epoch',
      e.step,
      e.epoch,
      e.time,
      e.loss,
      e.accuracy,
      e.mae,
      e.valLoss,
      e.valAccuracy,
      e.valMae,
    ];
    lines.push(row.map(toCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}

function toCell(v: number | string | undefined): string {
  return typeof v === 'string' ? v : cell(v);
}

/** A file-system-safe file name from a run name: "Run 3 (adam)" → "run-3-adam". */
export function fileSafeName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'run';
}
