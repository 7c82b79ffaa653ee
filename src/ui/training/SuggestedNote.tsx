import { useTranslation } from 'react-i18next';
import { asDatasetConfig, signatureFor } from '../../data';
import { useStudio } from '../../state/store';
import type { TrainingConfig } from '../../train/types';

const selectTrainSamples = (s: { dataset: unknown }) =>
  signatureFor(asDatasetConfig(s.dataset))?.trainSamples;

/** "suggested" beside Epochs / Batch size while the value follows the dataset's size. */
export function SuggestedNote({ config, field }: { config: TrainingConfig; field: 'epochs' | 'batchSize' }) {
  const { t } = useTranslation('firstrun');
  const n = useStudio(selectTrainSamples);
  if (!n || !config.suggested?.includes(field)) return null;
  return (
    <span className="training-suggested" title={t('suggestedHint', { count: n })}>
      {t('suggested')}
    </span>
  );
}
