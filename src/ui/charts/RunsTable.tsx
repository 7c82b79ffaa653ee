import { useState } from 'react';
import { fileSafeName, runMetricsCsv } from '../../evaluate/csv';
import type { RunRecord } from '../../train/types';
import { downloadBlob } from './export-png';
import { formatMetric, runStats } from './run-stats';

interface RunsTableProps {
  runs: RunRecord[];
  colors: Record<string, string>;
  shown: string[];
  onToggle(id: string, show: boolean): void;
  onRename(id: string, name: string): void;
  onDelete(id: string): void;
}

const LIVE = new Set(['running', 'paused']);

function NameCell({ run, color, onRename }: { run: RunRecord; color: string; onRename(name: string): void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    const name = draft?.trim();
    if (name && name !== run.name) onRename(name);
    setDraft(null);
  };
  return (
    <td>
      <span className="chart__swatch" style={{ background: color }} />
      {draft === null ? (
        <>
          <span className="runs__name">{run.name}</span>{' '}
          <button
            type="button"
            className="runs__link"
            aria-label={`Rename ${run.name}`}
            onClick={() => setDraft(run.name)}
          >
            Rename
          </button>
        </>
      ) : (
        <input
          aria-label="Run name"
          value={draft}
          // biome-ignore lint/a11y/noAutofocus: the person just asked to edit this name
          autoFocus
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') setDraft(null);
          }}
        />
      )}
      <div className="runs__meta">
        {run.status} · {run.backend} · {run.config.optimizer ?? ''} {run.config.learningRate ?? ''}
      </div>
    </td>
  );
}

function RunRow({
  run,
  color,
  shown,
  ...act
}: Omit<RunsTableProps, 'runs' | 'colors' | 'shown'> & { run: RunRecord; color: string; shown: boolean }) {
  const s = runStats(run);
  const live = LIVE.has(run.status);
  const exportCsv = () =>
    downloadBlob(
      new Blob([runMetricsCsv(run)], { type: 'text/csv' }),
      `${fileSafeName(run.name)}-metrics.csv`,
    );
  return (
    <tr aria-label={run.name}>
      <td>
        <input
          type="checkbox"
          aria-label={`Overlay ${run.name}`}
          checked={shown}
          onChange={(e) => act.onToggle(run.id, e.target.checked)}
        />
      </td>
      <NameCell run={run} color={color} onRename={(name) => act.onRename(run.id, name)} />
      <td>
        <div>loss {formatMetric(s.finalLoss, 'loss')}</div>
        <div>val {formatMetric(s.finalValLoss, 'loss')}</div>
        <div>{formatMetric(s.finalValMetric, s.metric)}</div>
      </td>
      <td>
        <div title={s.bestEpoch ? `epoch ${s.bestEpoch}` : undefined}>
          val {formatMetric(s.bestValLoss, 'loss')}
        </div>
        <div>{formatMetric(s.bestValMetric, s.metric)}</div>
      </td>
      <td>
        <div className="runs__actions">
          <button
            type="button"
            className="runs__link"
            aria-label={`Export CSV of ${run.name}`}
            onClick={exportCsv}
          >
            CSV
          </button>
          <button
            type="button"
            className="runs__link runs__link--danger"
            aria-label={`Delete ${run.name}`}
            title={live ? 'Stop the run before deleting it' : undefined}
            disabled={live}
            onClick={() => act.onDelete(run.id)}
          >
            Delete
          </button>
        </div>
      </td>
    </tr>
  );
}

/** The table of runs: overlay checkbox, name (renameable), final and best metrics, CSV export and delete. */
export function RunsTable({ runs, colors, shown, ...actions }: RunsTableProps) {
  if (!runs.length) return <p className="muted">No runs yet. Each training run is recorded here.</p>;
  return (
    <div className="runs__wrap">
      <table className="runs" aria-label="Runs">
        <thead>
          <tr>
            <th>
              <span className="visually-hidden">Overlay</span>
            </th>
            <th>Run</th>
            <th title="Last epoch: training loss, validation loss, validation accuracy or MAE">Final</th>
            <th title="Best epoch: lowest validation loss, best validation accuracy or MAE">Best</th>
            <th>
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {[...runs].reverse().map((run) => (
            <RunRow
              key={run.id}
              run={run}
              color={colors[run.id]}
              shown={shown.includes(run.id)}
              {...actions}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
