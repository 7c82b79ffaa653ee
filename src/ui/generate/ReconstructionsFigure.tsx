import { useTranslation } from 'react-i18next';
import type { SampleArtifact } from './generate-store';
import { imageDims, indices, sampleCount } from './images';
import { SampleImage } from './SampleImage';
import { SampleTable } from './SampleTable';

/** The figure "Reconstructions": test inputs (top row) above what the model makes of them (bottom row). */
export function ReconstructionsFigure({ artifact }: { artifact: SampleArtifact }) {
  const { t } = useTranslation('generate');
  const { originals, reconstructions, shape } = artifact;
  if (!originals || !reconstructions) return null;
  const dims = imageDims(shape);
  const n = sampleCount(originals, shape);
  return (
    <figure className="generate__figure" aria-label={t('reconstructions')}>
      <figcaption>{t('reconstructions')}</figcaption>
      {dims ? (
        <div className="generate__pairs">
          {indices(n).map((i) => (
            <div key={i} className="generate__pair">
              <SampleImage values={originals} index={i} dims={dims} label={t('originalN', { n: i + 1 })} />
              <SampleImage
                values={reconstructions}
                index={i}
                dims={dims}
                label={t('reconstructionN', { n: i + 1 })}
              />
            </div>
          ))}
        </div>
      ) : (
        <>
          <SampleTable values={originals} shape={shape} label={t('originalsTable')} />
          <SampleTable values={reconstructions} shape={shape} label={t('reconstructionsTable')} />
        </>
      )}
    </figure>
  );
}
