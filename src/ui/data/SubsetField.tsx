import { useTranslation } from 'react-i18next';
import type { DatasetConfig } from '../../data';
import { SUBSET_SIZES, subsetSize } from '../../data';
import { SelectField } from './fields';

interface Props {
  config: DatasetConfig;
  onChange(config: DatasetConfig): void;
}

/** How many training images of a full image set (MNIST, Fashion-MNIST) to use: a subset for quick runs, or all. */
export function SubsetField({ config, onChange }: Props) {
  const { t } = useTranslation('data');
  const source = config.source;
  if (source.kind !== 'builtin') return null;
  const sizes = SUBSET_SIZES[source.id];
  const chosen = subsetSize(source.id, source.samples);
  if (!sizes || chosen === null) return null;
  const all = sizes.train[sizes.train.length - 1];
  const options = sizes.train.map(
    (n) => [String(n), n === all ? t('subsetAll', { n }) : t('subsetSome', { n })] as [string, string],
  );
  return (
    <fieldset className="data-group">
      <legend>{t('subset')}</legend>
      <SelectField
        label={t('subset')}
        hideLabel
        value={String(sizes.train.includes(chosen) ? chosen : all)}
        options={options}
        onChange={(v) => onChange({ ...config, source: { ...source, samples: Number(v) } })}
      />
      <p className="small">{t('subsetNote', { val: sizes.val, test: sizes.test })}</p>
    </fieldset>
  );
}
