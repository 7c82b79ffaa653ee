import { useTranslation } from 'react-i18next';
import { RUN_COLORS } from '../charts/chart-data';
import type { SampleArtifact } from './generate-store';
import { imageDims, indices } from './images';
import { SampleImage } from './SampleImage';

const SIZE = 240;
const RANGE = 3;

/** The test set's encodings (z_mean) as dots coloured by class, over [-3, 3]². */
function Scatter({ encoded, labels }: { encoded: Float32Array; labels: Float32Array }) {
  const { t } = useTranslation('generate');
  const at = (v: number) => ((Math.max(-RANGE, Math.min(RANGE, v)) + RANGE) / (2 * RANGE)) * SIZE;
  return (
    <svg width={SIZE} height={SIZE} role="img" aria-label={t('encodings')} className="generate__scatter">
      <rect width={SIZE} height={SIZE} fill="#fff" stroke="#d0d5dd" />
      {indices(labels.length).map((i) => (
        <circle
          key={i}
          cx={at(encoded[2 * i])}
          cy={SIZE - at(encoded[2 * i + 1])}
          r={2}
          fill={RUN_COLORS[labels[i] % RUN_COLORS.length]}
        />
      ))}
    </svg>
  );
}

/** The figure "Latent space": the manifold decoded over a grid of z, beside the test encodings by class. */
export function LatentFigure({ artifact }: { artifact: SampleArtifact }) {
  const { t } = useTranslation('generate');
  const dims = imageDims(artifact.shape);
  if (!artifact.grid || !artifact.encoded || !artifact.labels) {
    return (
      <figure className="generate__figure" aria-label={t('latentSpace')}>
        <figcaption>{t('latentSpace')}</figcaption>
        <p className="generate__note">{t('latentNeeds2d')}</p>
      </figure>
    );
  }
  const n = artifact.gridSize ?? 0;
  return (
    <figure className="generate__figure" aria-label={t('latentSpace')}>
      <figcaption>{t('latentSpace')}</figcaption>
      <div className="generate__latent">
        {dims ? (
          <div className="generate__manifold" style={{ gridTemplateColumns: `repeat(${n}, 1fr)` }}>
            {indices(n * n).map((i) => (
              <SampleImage
                key={i}
                values={artifact.grid!}
                index={i}
                dims={dims}
                label={t('gridN', { n: i + 1 })}
                size={16}
              />
            ))}
          </div>
        ) : (
          <p className="generate__note">{t('manifoldImagesOnly')}</p>
        )}
        <Scatter encoded={artifact.encoded} labels={artifact.labels} />
      </div>
      <p className="generate__note">{t('latentHelp')}</p>
    </figure>
  );
}
