import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SampleView } from '../../data';

type ImageView = Extract<SampleView, { kind: 'image' }>;

/** A spectrogram picture (time → right, pitch → up), stretched to `width`×`height` CSS pixels. */
export function SpectrogramCanvas({
  view,
  width,
  height,
  label,
}: {
  view: ImageView;
  width: number;
  height: number;
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
      className="spectrogram"
      width={view.width}
      height={view.height}
      style={{ width, height, imageRendering: 'pixelated' }}
      role="img"
      aria-label={label}
    />
  );
}

/** The data preview of an audio dataset: one spectrogram per sample with its label. */
export function SpectrogramGrid({
  items,
  large,
}: {
  items: { id: number; view: SampleView; label: string }[];
  large: boolean;
}) {
  const { t } = useTranslation('audio');
  return (
    <ul className={large ? 'data-grid data-grid--large' : 'data-grid'} aria-label={t('sampleSpectrograms')}>
      {items.map(({ id, view, label }) => (
        <li key={id}>
          {view.kind === 'image' && (
            <SpectrogramCanvas
              view={view}
              width={large ? 120 : 90}
              height={large ? 80 : 60}
              label={t('sampleLabel', { n: id + 1, label })}
            />
          )}
          <span>{label}</span>
        </li>
      ))}
    </ul>
  );
}
