import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AugmentOptions, LoadedDataset } from '../../data';
import { augmentImages, makeRng, NO_AUGMENT, sampleView } from '../../data';
import { PixelCanvas } from './Preview';

interface Props {
  ds: LoadedDataset;
  value: AugmentOptions | null;
  onChange(value: AugmentOptions | null): void;
}

/** Augmentation settings with a live grid of the first training images as a batch would see them. */
export function AugmentEditor({ ds, value, onChange }: Props) {
  const o = value ?? NO_AUGMENT;
  const [seed, setSeed] = useState(1);
  const { t } = useTranslation('data');
  const set = (patch: Partial<AugmentOptions>) => onChange({ ...o, ...patch });
  const previews = useMemo(() => augmentedSamples(ds, o, seed), [ds, o, seed]);
  return (
    <fieldset className="data-group">
      <legend>{t('augmentation')}</legend>
      <label className="data-check">
        <input type="checkbox" checked={o.flip} onChange={(e) => set({ flip: e.target.checked })} />
        {t('flip')}
      </label>
      <Slider
        label={t('rotation')}
        value={o.rotation}
        max={45}
        step={1}
        unit="°"
        onChange={(rotation) => set({ rotation })}
      />
      <Slider
        label={t('shift')}
        value={o.shift}
        max={0.3}
        step={0.01}
        unit=""
        onChange={(shift) => set({ shift })}
      />
      <Slider
        label={t('zoom')}
        value={o.zoom}
        max={0.3}
        step={0.01}
        unit=""
        onChange={(zoom) => set({ zoom })}
      />
      <ul className="data-grid data-grid--small" aria-label={t('augmentPreview')}>
        {previews.map(({ id, view }) => (
          <li key={id}>
            <PixelCanvas view={view} size={40} label={t('augmentedSample', { n: id + 1 })} />
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => setSeed((s) => s + 1)}>
        {t('newDraw')}
      </button>
    </fieldset>
  );
}

function Slider(p: {
  label: string;
  value: number;
  max: number;
  step: number;
  unit: string;
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
      <span className="data-slider__value">
        {p.unit === '°' ? `±${p.value}°` : `±${Math.round(p.value * 100)} %`}
      </span>
    </label>
  );
}

function augmentedSamples(ds: LoadedDataset, o: AugmentOptions, seed: number) {
  if (ds.format.kind !== 'image') return [];
  const { width: w, height: h, channels: c } = ds.format;
  const n = Math.min(8, ds.counts.train);
  const batch = (ds.x.train as Float32Array).slice(0, n * w * h * c);
  const out = augmentImages(batch, [n, h, w, c], o, makeRng(seed));
  const view = { ...ds, x: { ...ds.x, train: out } };
  return Array.from({ length: n }, (_, id) => ({ id, view: sampleView(view, 'train', id) })).flatMap((s) =>
    s.view.kind === 'image' ? [{ id: s.id, view: s.view }] : [],
  );
}
