import { useTranslation } from 'react-i18next';
import { useStudio } from '../../state/store';
import { currentConfig } from '../training/training-status';
import { useGenerate } from './generate-store';
import { LatentFigure } from './LatentFigure';
import { ReconstructionsFigure } from './ReconstructionsFigure';
import { SamplesFigure } from './SamplesFigure';
import './generate.css';

const selectArtifacts = (s: ReturnType<typeof useGenerate.getState>) => s.artifacts;
const selectTraining = (s: { training: unknown }) => s.training;

/** The Generate tab: what a VAE, GAN or autoencoder makes, epoch by epoch. */
export function GeneratePanel() {
  const { t } = useTranslation('generate');
  const artifacts = useGenerate(selectArtifacts);
  const objective = currentConfig(useStudio(selectTraining)).objective ?? 'supervised';
  const last = artifacts.at(-1);
  if (!last) {
    const generative = objective === 'vae' || objective === 'gan' || objective === 'autoencoder';
    return (
      <section className="generate" aria-label={t('title')}>
        <p className="generate__note">{generative ? t('trainFirst') : t('notGenerative')}</p>
      </section>
    );
  }
  return (
    <section className="generate" aria-label={t('title')}>
      <SamplesFigure artifacts={artifacts} />
      {last.objective === 'vae' && <LatentFigure artifact={last} />}
      <ReconstructionsFigure artifact={last} />
      {last.objective !== 'autoencoder' && (
        <p className="generate__note">{t(`publishHint.${last.objective}`)}</p>
      )}
    </section>
  );
}
