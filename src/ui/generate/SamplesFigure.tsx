import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatShape } from '../../graph/shape';
import type { SampleArtifact } from './generate-store';
import { imageDims, indices, sampleCount } from './images';
import { SampleImage } from './SampleImage';
import { SampleTable } from './SampleTable';

/** The figure "Samples": generated samples from a fixed seed, with a slider through the kept epochs. */
export function SamplesFigure({ artifacts }: { artifacts: SampleArtifact[] }) {
  const { t } = useTranslation('generate');
  const withSamples = artifacts.filter((a) => a.samples);
  const [chosen, setChosen] = useState<number | null>(null);
  const sliderId = useId();
  if (!withSamples.length) return null;
  // Follows the newest epoch until the person moves the slider.
  const index = chosen === null ? withSamples.length - 1 : Math.min(chosen, withSamples.length - 1);
  const a = withSamples[index];
  const values = a.samples!;
  const dims = imageDims(a.shape);
  const n = sampleCount(values, a.shape);
  return (
    <figure className="generate__figure" aria-label={t('samples')}>
      <figcaption>
        {t('samples')} · {t('epochN', { n: a.epoch })}
      </figcaption>
      {withSamples.length > 1 && (
        <div className="generate__slider">
          <label htmlFor={sliderId}>{t('epoch')}</label>
          <input
            id={sliderId}
            type="range"
            min={0}
            max={withSamples.length - 1}
            value={index}
            onChange={(e) => setChosen(Number(e.target.value))}
          />
          <output htmlFor={sliderId}>{a.epoch}</output>
        </div>
      )}
      {dims ? (
        <div className="generate__grid">
          {indices(n).map((i) => (
            <SampleImage key={i} values={values} index={i} dims={dims} label={t('sampleN', { n: i + 1 })} />
          ))}
        </div>
      ) : (
        <>
          <p className="generate__note">{t('notImages', { shape: formatShape([null, ...a.shape]) })}</p>
          <SampleTable values={values} shape={a.shape} label={t('samplesTable')} />
        </>
      )}
      <p className="generate__note">{t(`samplesHelp.${a.objective}`)}</p>
    </figure>
  );
}
