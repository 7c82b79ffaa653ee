import { type ReactNode, useMemo, useState } from 'react';
import { cellSamples } from '../../evaluate/classification';

interface ConfusionMatrixProps {
  matrix: number[][];
  names: string[];
  yTrue: ArrayLike<number>;
  classes: ArrayLike<number>;
  confidence: ArrayLike<number>;
  samples?: (index: number) => ReactNode;
}

const LIST_LIMIT = 60;
const plural = (n: number) => `${n} sample${n === 1 ? '' : 's'}`;

/** Cell colour: blue on the diagonal, red off it, as strong as the share of the true class's samples. */
function cellStyle(count: number, rowTotal: number, diagonal: boolean) {
  const share = rowTotal ? count / rowTotal : 0;
  const rgb = diagonal ? '47 111 236' : '214 69 65';
  return {
    background: count ? `rgb(${rgb} / ${0.12 + 0.88 * share})` : '#fff',
    color: share > 0.5 ? '#fff' : '#1c2433',
  };
}

function CellList(p: ConfusionMatrixProps & { cell: [number, number] }) {
  const [t, pr] = p.cell;
  const indices = useMemo(
    () => cellSamples(p.yTrue, p.classes, p.confidence, t, pr),
    [p.yTrue, p.classes, p.confidence, t, pr],
  );
  const title = `True ${p.names[t]}, predicted ${p.names[pr]}: ${plural(indices.length)}`;
  return (
    <section className="cm-list" aria-label="Samples in the selected cell">
      <h4>{title}</h4>
      {indices.length > LIST_LIMIT && (
        <p className="muted">
          Showing the {LIST_LIMIT} most confident of {indices.length}.
        </p>
      )}
      {indices.length === 0 && <p className="muted">No test samples fall in this cell.</p>}
      <ul>
        {indices.slice(0, LIST_LIMIT).map((i) => (
          <li key={i}>
            <div className="cm-list__sample">{p.samples ? p.samples(i) : `Sample #${i + 1}`}</div>
            <div className="cm-list__meta">
              predicted <b>{p.names[pr]}</b> ({(p.confidence[i] * 100).toFixed(1)}%) · true{' '}
              <b>{p.names[t]}</b>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The confusion matrix as a heatmap of buttons (rows: true class, columns: predicted class); clicking a cell
 * lists its samples with predicted and true class and the confidence.
 */
export function ConfusionMatrix(props: ConfusionMatrixProps) {
  const { matrix, names } = props;
  const [cell, setCell] = useState<[number, number] | null>(null);
  const k = matrix.length;
  return (
    <div className="cm">
      <div className="cm__axis">Predicted →</div>
      <fieldset
        className="cm__grid"
        aria-label="Confusion matrix"
        style={{ gridTemplateColumns: `auto repeat(${k}, minmax(22px, 44px))` }}
      >
        <span className="cm__corner">True ↓</span>
        {names.map((n) => (
          <span key={`h${n}`} className="cm__head" title={n}>
            {n}
          </span>
        ))}
        {matrix.map((row, t) => {
          const total = row.reduce((a, b) => a + b, 0);
          return [
            <span key={`r${names[t]}`} className="cm__head cm__head--row" title={names[t]}>
              {names[t]}
            </span>,
            ...row.map((count, p) => (
              <button
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are a fixed grid addressed by position
                key={`${t}-${p}`}
                type="button"
                className="cm__cell"
                aria-label={`${plural(count)}: true ${names[t]}, predicted ${names[p]}`}
                aria-pressed={cell?.[0] === t && cell?.[1] === p}
                style={cellStyle(count, total, t === p)}
                onClick={() => setCell([t, p])}
              >
                {count}
              </button>
            )),
          ];
        })}
      </fieldset>
      {cell && <CellList {...props} cell={cell} />}
    </div>
  );
}
