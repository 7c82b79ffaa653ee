import { useTranslation } from 'react-i18next';
import { BUILTINS, type BuiltinId, builtinSignature, suggestSettings } from '../../data';
import type { Template } from '../../graph';
import { builtinName } from '../data/builtin-text';
import { builtinConfig } from '../data/SourceEditor';

/** "Trains on Iris flowers · 100 epochs, batch 16": the dataset and settings a template opens with. */
export function RecommendedLine({ template }: { template: Template }) {
  const { t } = useTranslation('firstrun');
  const rec = template.recommended;
  const info = rec && BUILTINS.find((b) => b.id === rec.dataset);
  if (!rec || !info) return null;
  const n = builtinSignature(builtinConfig(info.id as BuiltinId))?.trainSamples ?? info.size;
  const suggested = suggestSettings(n);
  return (
    <p className="muted template-data">
      {t('trainsOn', {
        dataset: builtinName(info.id),
        epochs: rec.settings.epochs ?? suggested.epochs,
        batch: rec.settings.batchSize ?? suggested.batchSize,
      })}
    </p>
  );
}
