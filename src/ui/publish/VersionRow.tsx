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

/** One version in the versions table, with its label, roll-back and delete actions. */
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
  const notes = v.notes;
  return (
    <tr data-version={v.version}>
      <td>{v.version}</td>
      <td title={v.error || undefined}>{v.state}</td>
      <td>{notes ? new Date(notes.publishedAt).toLocaleString() : '—'}</td>
      <td>{notes ? bytesText(notes.bytes) : '—'}</td>
      <td className={notes?.parity?.status === 'failed' ? 'versions__bad' : undefined}>{parityText(v)}</td>
      <td>{notes?.testAccuracy != null ? `${(notes.testAccuracy * 100).toFixed(1)}%` : '—'}</td>
      <td>{v.labels.join(', ') || '—'}</td>
      <td className="versions__actions">
        {available && !isStable && (
          <button
            type="button"
            disabled={busy}
            aria-label={`Make version ${v.version} stable`}
            onClick={() => props.onLabel('stable')}
          >
            {rollBack ? 'Roll back here' : 'Make stable'}
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
      </td>
    </tr>
  );
}
