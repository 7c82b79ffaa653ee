import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoadedDataset, SampleView } from '../../data';
import { labelText, sampleView } from '../../data';
import { SpectrogramGrid } from './SpectrogramCanvas';

/** Draws RGBA pixels on a canvas scaled up with crisp pixels. */
export function PixelCanvas({
  view,
  size,
  label,
}: {
  view: Extract<SampleView, { kind: 'image' }>;
  size: number;
  label: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.putImageData(new ImageData(new Uint8ClampedArray(view.rgba), view.width, view.height), 0, 0);
  }, [view]);
  return (
    <canvas
      ref={ref}
      width={view.width}
      height={view.height}
      style={{ width: size, height: size }}
      role="img"
      aria-label={label}
    />
  );
}

const COUNT = { image: 24, table: 8, text: 4, series: 3, spectrogram: 12 } as const;
const LARGE = { image: 120, table: 60, text: 24, series: 12, spectrogram: 60 } as const;

/** A preview that fits the data: an image grid, a table, token chips or a series plot (`large` in the dialog). */
export function Preview({ ds, large = false }: { ds: LoadedDataset; large?: boolean }) {
  const n = Math.min((large ? LARGE : COUNT)[ds.format.kind], ds.counts.train);
  const px = large ? 64 : 48;
  const { t } = useTranslation('data');
  const items = Array.from({ length: n }, (_, id) => ({
    id,
    view: sampleView(ds, 'train', id),
    label: labelText(ds, 'train', id),
  }));
  if (ds.format.kind === 'spectrogram') return <SpectrogramGrid items={items} large={large} />;
  if (ds.format.kind === 'image') {
    return (
      <ul className={large ? 'data-grid data-grid--large' : 'data-grid'} aria-label={t('sampleImages')}>
        {items.map(({ id: i, view, label }) => (
          <li key={i}>
            {view.kind === 'image' && (
              <PixelCanvas view={view} size={px} label={t('sampleLabel', { n: i + 1, label })} />
            )}
            <span>{label}</span>
          </li>
        ))}
      </ul>
    );
  }
  if (ds.format.kind === 'text') {
    return (
      <ul className="data-texts" aria-label={t('sampleTexts')}>
        {items.map(({ id: i, view, label }) => (
          <li key={i}>
            <span className="data-label">{label}</span>
            {view.kind === 'text' &&
              view.tokens
                .slice(0, large ? 200 : 30)
                .map((word, pos) => ({ word, pos }))
                .map(({ word, pos }) => <code key={pos}>{word}</code>)}
          </li>
        ))}
      </ul>
    );
  }
  if (ds.format.kind === 'series') return <SeriesPreview items={items} />;
  const names = ds.format.featureNames;
  return (
    <div className="data-table-wrap">
      <table className="data-table" aria-label={t('sampleRows')}>
        <thead>
          <tr>
            {names.map((name) => (
              <th key={name} scope="col">
                {name}
              </th>
            ))}
            <th scope="col">{t('label')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map(({ id: i, view, label }) => (
            <tr key={i}>
              {view.kind === 'table' && view.cells.map((c) => <td key={c.name}>{round(c.value)}</td>)}
              <td>{label}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function round(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(0) : String(Math.round(v * 1000) / 1000);
}

function SeriesPreview({ items }: { items: { id: number; view: SampleView; label: string }[] }) {
  const { t } = useTranslation('data');
  return (
    <ul className="data-series" aria-label={t('sampleWindows')}>
      {items.map(({ id: i, view, label }) => {
        if (view.kind !== 'series') return null;
        const min = Math.min(...view.values);
        const span = Math.max(...view.values) - min || 1;
        const pts = view.values.map(
          (v, k) => `${(k / (view.values.length - 1)) * 200},${40 - ((v - min) / span) * 36 - 2}`,
        );
        return (
          <li key={i}>
            <svg viewBox="0 0 200 40" width="200" height="40" aria-hidden="true">
              <polyline points={pts.join(' ')} fill="none" stroke="currentColor" strokeWidth="1.5" />
            </svg>
            <span>{t('next', { label })}</span>
          </li>
        );
      })}
    </ul>
  );
}
