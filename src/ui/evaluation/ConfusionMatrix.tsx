import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent, i18n } from '../../i18n';
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
const plural = (n: number) => i18n.t('evaluate:samples', { count: n });

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
  const { t: tr } = useTranslation('evaluate');
  const title = tr('cellTitle', {
    truth: p.names[t],
    predicted: p.names[pr],
    samples: plural(indices.length),
  });
  return (
    <section className="cm-list" aria-label={tr('cellSamples')}>
      <h4>{title}</h4>
      {indices.length > LIST_LIMIT && (
        <p className="muted">{tr('showing', { limit: LIST_LIMIT, count: indices.length })}</p>
      )}
      {indices.length === 0 && <p className="muted">{tr('noCellSamples')}</p>}
      <ul>
        {indices.slice(0, LIST_LIMIT).map((i) => (
          <li key={i}>
            <div className="cm-list__sample">{p.samples ? p.samples(i) : tr('sampleN', { n: i + 1 })}</div>
            <div className="cm-list__meta">
              {tr('predictedPart')} <b>{p.names[pr]}</b> ({formatPercent(p.confidence[i])}) · {tr('truePart')}{' '}
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
  const { t: tr } = useTranslation('evaluate');
  const k = matrix.length;
  return (
    <div className="cm">
      <div className="cm__axis">{tr('predictedAxis')}</div>
      <fieldset
        className="cm__grid"
        aria-label={tr('confusionMatrix')}
        style={{ gridTemplateColumns: `auto repeat(${k}, minmax(22px, 44px))` }}
      >
        <span className="cm__corner">{tr('trueAxis')}</span>
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
                aria-label={tr('cellLabel', { samples: plural(count), truth: names[t], predicted: names[p] })}
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
