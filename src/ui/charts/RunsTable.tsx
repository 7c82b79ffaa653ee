import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { translateOr } from '../../i18n';
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
  const { t } = useTranslation('charts');
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
            aria-label={t('renameRun', { name: run.name })}
            onClick={() => setDraft(run.name)}
          >
            {t('rename')}
          </button>
        </>
      ) : (
        <input
          aria-label={t('runName')}
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
        {translateOr(`charts:status.${run.status}`, run.status)} · {run.backend} ·{' '}
        {run.config.optimizer ?? ''} {run.config.learningRate ?? ''}
        <SeriesLine run={run} />
      </div>
    </td>
  );
}

/** The last epoch's own losses of a VAE / GAN run (reconstruction, KL; discriminator, generator). */
function SeriesLine({ run }: { run: RunRecord }) {
  const { t } = useTranslation('generate');
  const last = run.epochs[run.epochs.length - 1]?.series;
  if (!last) return null;
  const parts = Object.entries(last).filter(([k]) => !/^val[A-Z]/.test(k));
  return (
    <div className="runs__series">
      {t(`objective.${run.config.objective ?? 'supervised'}`)} ·{' '}
      {parts.map(([k, v]) => `${t(`series.${k}`, k)} ${formatMetric(v, 'loss')}`).join(' · ')}
    </div>
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
  const { t } = useTranslation('charts');
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
          aria-label={t('overlayRun', { name: run.name })}
          checked={shown}
          onChange={(e) => act.onToggle(run.id, e.target.checked)}
        />
      </td>
      <NameCell run={run} color={color} onRename={(name) => act.onRename(run.id, name)} />
      <td>
        <div>{t('lossValue', { value: formatMetric(s.finalLoss, 'loss') })}</div>
        <div>{t('valValue', { value: formatMetric(s.finalValLoss, 'loss') })}</div>
        <div>{formatMetric(s.finalValMetric, s.metric)}</div>
      </td>
      <td>
        <div title={s.bestEpoch ? t('epochN', { n: s.bestEpoch }) : undefined}>
          {t('valValue', { value: formatMetric(s.bestValLoss, 'loss') })}
        </div>
        <div>{formatMetric(s.bestValMetric, s.metric)}</div>
      </td>
      <td>
        <div className="runs__actions">
          <button
            type="button"
            className="runs__link"
            aria-label={t('exportCsv', { name: run.name })}
            onClick={exportCsv}
          >
            CSV
          </button>
          <button
            type="button"
            className="runs__link runs__link--danger"
            aria-label={t('deleteRun', { name: run.name })}
            title={live ? t('stopFirst') : undefined}
            disabled={live}
            onClick={() => act.onDelete(run.id)}
          >
            {t('delete')}
          </button>
        </div>
      </td>
    </tr>
  );
}

/** The table of runs: overlay checkbox, name (renameable), final and best metrics, CSV export and delete. */
export function RunsTable({ runs, colors, shown, ...actions }: RunsTableProps) {
  const { t } = useTranslation('charts');
  if (!runs.length) return <p className="muted">{t('noRunsYet')}</p>;
  return (
    <div className="runs__wrap">
      <table className="runs" aria-label={t('runs')}>
        <thead>
          <tr>
            <th>
              <span className="visually-hidden">{t('overlay')}</span>
            </th>
            <th>{t('run')}</th>
            <th title={t('finalTitle')}>{t('final')}</th>
            <th title={t('bestTitle')}>{t('best')}</th>
            <th>
              <span className="visually-hidden">{t('actions')}</span>
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
