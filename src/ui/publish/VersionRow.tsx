import { useTranslation } from 'react-i18next';
import { formatPercent, i18n, translateOr } from '../../i18n';
import type { VersionInfo } from '../../publish';

const t = (key: string, values?: Record<string, unknown>) =>
  (i18n.t as unknown as (k: string, v?: Record<string, unknown>) => string)(`publish:${key}`, values);

function bytesText(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}

function parityText(v: VersionInfo): string {
  const p = v.notes?.parity;
  if (!p) return v.notes ? t('notChecked') : '—';
  return t('parityDiff', {
    verdict: p.status === 'ok' ? t('parityOk') : t('parityFailed'),
    diff: p.maxAbsDiff.toExponential(1),
  });
}

function details(v: VersionInfo): string {
  const notes = v.notes;
  if (!notes) return t('outside');
  const accuracy =
    notes.testAccuracy != null
      ? t('testAccuracy', { value: formatPercent(notes.testAccuracy) })
      : t('testAccuracyNone');
  return `${new Date(notes.publishedAt).toLocaleString()} · ${bytesText(notes.bytes)} · ${accuracy}`;
}

/** One version in the versions list, with its label, roll-back and delete actions. */
export function VersionRow(props: {
  v: VersionInfo;
  stable: number | undefined;
  busy: boolean;
  onLabel(label: string): void;
  onDelete(): void;
}) {
  const { v, stable, busy } = props;
  const available = v.state === 'AVAILABLE';
  const isStable = v.labels.includes('stable');
  const rollBack = stable !== undefined && v.version < stable;
  const failed = v.notes?.parity?.status === 'failed';
  const { t: tr } = useTranslation('publish');
  return (
    <li
      className="versions__item"
      data-version={v.version}
      aria-label={tr('versionN', { version: v.version })}
    >
      <div className="versions__head">
        <strong>v{v.version}</strong>
        <span
          className={`versions__state versions__state--${v.state.toLowerCase()}`}
          title={v.error || undefined}
        >
          {translateOr(`publish:state.${v.state}`, v.state)}
        </span>
        {v.labels.map((l) => (
          <span key={l} className="versions__label">
            {l}
          </span>
        ))}
        <span className={failed ? 'versions__bad' : 'versions__parity'}>{parityText(v)}</span>
      </div>
      <div className="versions__meta">{details(v)}</div>
      <div className="versions__actions">
        {available && !isStable && (
          <button
            type="button"
            disabled={busy}
            aria-label={tr('makeStable', { version: v.version })}
            onClick={() => props.onLabel('stable')}
          >
            {rollBack ? tr('rollBack') : tr('makeStableShort')}
          </button>
        )}
        {available && !v.labels.includes('canary') && (
          <button
            type="button"
            disabled={busy}
            aria-label={tr('makeCanary', { version: v.version })}
            onClick={() => props.onLabel('canary')}
          >
            {tr('makeCanaryShort')}
          </button>
        )}
        <button
          type="button"
          disabled={busy || v.labels.length > 0}
          title={v.labels.length > 0 ? tr('moveLabels') : undefined}
          aria-label={tr('deleteVersion', { version: v.version })}
          onClick={() => {
            if (window.confirm(tr('confirmDelete', { version: v.version }))) props.onDelete();
          }}
        >
          {tr('delete')}
        </button>
      </div>
    </li>
  );
}
