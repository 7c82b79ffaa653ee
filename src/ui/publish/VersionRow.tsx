import type { VersionInfo } from '../../publish';

function bytesText(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}

function parityText(v: VersionInfo): string {
  const p = v.notes?.parity;
  if (!p) return v.notes ? 'not checked' : '—';
  return `${p.status === 'ok' ? 'parity ok' : 'parity failed'} (${p.maxAbsDiff.toExponential(1)})`;
}

function details(v: VersionInfo): string {
  const notes = v.notes;
  if (!notes) return 'published outside the studio (no parity record)';
  const accuracy =
    notes.testAccuracy != null
      ? `test accuracy ${(notes.testAccuracy * 100).toFixed(1)}%`
      : 'test accuracy —';
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
  return (
    <li className="versions__item" data-version={v.version} aria-label={`Version ${v.version}`}>
      <div className="versions__head">
        <strong>v{v.version}</strong>
        <span
          className={`versions__state versions__state--${v.state.toLowerCase()}`}
          title={v.error || undefined}
        >
          {v.state}
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
            aria-label={`Make version ${v.version} stable`}
            onClick={() => props.onLabel('stable')}
          >
            {rollBack ? 'Roll back: make stable' : 'Make stable'}
          </button>
        )}
        {available && !v.labels.includes('canary') && (
          <button
            type="button"
            disabled={busy}
            aria-label={`Make version ${v.version} canary`}
            onClick={() => props.onLabel('canary')}
          >
            Make canary
          </button>
        )}
        <button
          type="button"
          disabled={busy || v.labels.length > 0}
          title={v.labels.length > 0 ? 'Move its labels to another version first' : undefined}
          aria-label={`Delete version ${v.version}`}
          onClick={() => {
            if (window.confirm(`Delete version ${v.version}? Requests for it will fail.`)) props.onDelete();
          }}
        >
          Delete
        </button>
      </div>
    </li>
  );
}
