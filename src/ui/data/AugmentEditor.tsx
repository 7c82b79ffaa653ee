import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AugmentOptions, LoadedDataset } from '../../data';
import { augmentBatch, augmentControls, makeRng, NO_AUGMENT, sampleView } from '../../data';
import { PixelCanvas } from './Preview';
import { SpectrogramCanvas } from './SpectrogramCanvas';

interface Props {
  ds: LoadedDataset;
  value: AugmentOptions | null;
  onChange(value: AugmentOptions | null): void;
}

const percent = (v: number) => `±${Math.round(v * 100)} %`;
const upTo = (v: number) => `≤ ${Math.round(v * 100)} %`;

/** The sliders in order, with their range and how their value reads. */
const SLIDERS = ['rotation', 'shift', 'zoom', 'timeMask', 'freqMask', 'noise'] as const;
const RANGES: Record<(typeof SLIDERS)[number], { max: number; step: number; show(v: number): string }> = {
  rotation: { max: 45, step: 1, show: (v) => `±${v}°` },
  shift: { max: 0.3, step: 0.01, show: percent },
  zoom: { max: 0.3, step: 0.01, show: percent },
  timeMask: { max: 0.5, step: 0.01, show: upTo },
  freqMask: { max: 0.5, step: 0.01, show: upTo },
  noise: { max: 1, step: 0.05, show: String },
};

/**
 * Augmentation settings that fit the data (see `augmentControls`: no flip or rotation for spectrograms, noise
 * only for tables and series) with a live grid of the first training pictures as a batch would see them.
 */
export function AugmentEditor({ ds, value, onChange }: Props) {
  const o = value ?? NO_AUGMENT;
  const [seed, setSeed] = useState(1);
  const { t } = useTranslation('data');
  const set = (patch: Partial<AugmentOptions>) => onChange({ ...o, ...patch });
  const previews = useMemo(() => augmentedSamples(ds, o, seed), [ds, o, seed]);
  const has = new Set(augmentControls(ds));
  const sound = ds.format.kind === 'spectrogram';
  const note: 'boxes' | 'image' | 'spectrogram' | 'table' =
    ds.domain?.kind === 'boxes'
      ? 'boxes'
      : ds.format.kind === 'image'
        ? 'image'
        : sound
          ? 'spectrogram'
          : 'table';
  return (
    <fieldset className="data-group">
      <legend>{t('augmentation')}</legend>
      <p className="muted small">{t(`augmentNotes.${note}`)}</p>
      {has.has('flip') && (
        <label className="data-check">
          <input type="checkbox" checked={o.flip} onChange={(e) => set({ flip: e.target.checked })} />
          {t('flip')}
        </label>
      )}
      {SLIDERS.filter((k) => has.has(k)).map((k) => {
        const { max, step, show } = RANGES[k];
        const label = sound && k === 'shift' ? 'timeShift' : sound && k === 'zoom' ? 'stretch' : k;
        return (
          <Slider
            key={k}
            label={t(label)}
            value={o[k] ?? 0}
            max={max}
            step={step}
            show={k === 'noise' ? (sd) => t('noiseValue', { sd }) : show}
            onChange={(v) => set({ [k]: v })}
          />
        );
      })}
      {previews.length > 0 && (
        <>
          <ul className="data-grid data-grid--small" aria-label={t('augmentPreview')}>
            {previews.map(({ id, view }) => (
              <li key={id}>
                {sound ? (
                  <SpectrogramCanvas
                    view={view}
                    width={64}
                    height={48}
                    label={t('augmentedSample', { n: id + 1 })}
                  />
                ) : (
                  <PixelCanvas view={view} size={40} label={t('augmentedSample', { n: id + 1 })} />
                )}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => setSeed((s) => s + 1)}>
            {t('newDraw')}
          </button>
        </>
      )}
    </fieldset>
  );
}

function Slider(p: {
  label: string;
  value: number;
  max: number;
  step: number;
  show(v: number): string;
  onChange(v: number): void;
}) {
  return (
    <label className="data-slider">
      <span>{p.label}</span>
      <input
        type="range"
        min={0}
        max={p.max}
        step={p.step}
        value={p.value}
        onChange={(e) => p.onChange(Number(e.target.value))}
      />
      <span className="data-slider__value">{p.show(p.value)}</span>
    </label>
  );
}

function augmentedSamples(ds: LoadedDataset, o: AugmentOptions, seed: number) {
  const f = ds.format;
  if (f.kind !== 'image' && f.kind !== 'spectrogram') return [];
  const [h, w, c] = f.kind === 'image' ? [f.height, f.width, f.channels] : [f.frames, f.bins, 1];
  const n = Math.min(8, ds.counts.train);
  const batch = (ds.x.train as Float32Array).slice(0, n * w * h * c);
  const out = augmentBatch(batch, [n, h, w, c], o, makeRng(seed));
  const view = { ...ds, x: { ...ds.x, train: out } };
  return Array.from({ length: n }, (_, id) => ({ id, view: sampleView(view, 'train', id) })).flatMap((s) =>
    s.view.kind === 'image' ? [{ id: s.id, view: s.view }] : [],
  );
}
