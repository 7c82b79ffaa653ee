import { useTranslation } from 'react-i18next';
import { type ModelPart, partsOf } from '../../publish/parts';
import { useStudio } from '../../state/store';

const selectGraph = (s: ReturnType<typeof useStudio.getState>) => s.graph;

/** The part of a generative model to publish (VAE: whole or decoder; GAN: generator or whole); hidden otherwise. */
export function PartField({ value, onChange }: { value?: ModelPart; onChange(part: ModelPart): void }) {
  const { t } = useTranslation('generate');
  const parts = partsOf(useStudio(selectGraph));
  if (parts.length < 2) return null;
  return (
    <div className="publish__field">
      <span>{t('publish.what')}</span>
      <select
        aria-label={t('publish.what')}
        value={value ?? parts[0]}
        onChange={(e) => onChange(e.target.value as ModelPart)}
      >
        {parts.map((p) => (
          <option key={p} value={p}>
            {t(`publish.${p}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
