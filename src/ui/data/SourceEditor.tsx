import { useTranslation } from 'react-i18next';
import type { BuiltinId, DatasetConfig, ImageOptions } from '../../data';
import { builtinInfo, DEFAULT_SPLIT, SPEECH_AUGMENT, SUBSET_SIZES } from '../../data';
import { AudioEditor } from './AudioEditor';
import { CsvEditor } from './CsvEditor';
import { NumberField, SelectField } from './fields';
import { SubsetField } from './SubsetField';
import type { Candidate } from './uploads';

interface Props {
  config: DatasetConfig;
  inspection?: Candidate['inspection'];
  onChange(config: DatasetConfig): void;
}

/** Options of the shown dataset's source: generator seed and size, CSV columns, or image decoding. */
export function SourceEditor({ config, inspection, onChange }: Props) {
  const { t } = useTranslation('data');
  const source = config.source;
  if (source.kind === 'csv') {
    return (
      <CsvEditor
        options={source.csv}
        inspection={inspection}
        onChange={(csv) => onChange({ ...config, source: { ...source, csv } })}
      />
    );
  }
  if (source.kind === 'ratings') return null;
  if (source.kind === 'audio' || (source.kind === 'builtin' && source.id === 'digits-audio'))
    return <AudioEditor config={config} onChange={onChange} />;
  if (source.kind === 'images' || source.kind === 'boxes') {
    const set = (patch: Partial<ImageOptions>) =>
      onChange({ ...config, source: { ...source, images: { ...source.images, ...patch } } });
    return (
      <fieldset className="data-group">
        <legend>{t('images')}</legend>
        <div className="data-row">
          <NumberField
            label={t('width')}
            value={source.images.width}
            min={4}
            max={512}
            onCommit={(v) => set({ width: Math.trunc(v) })}
          />
          <NumberField
            label={t('height')}
            value={source.images.height}
            min={4}
            max={512}
            onCommit={(v) => set({ height: Math.trunc(v) })}
          />
        </div>
        <SelectField
          label={t('colour')}
          value={String(source.images.channels) as '1' | '3'}
          options={[
            ['3', t('rgb')],
            ['1', t('grayscale')],
          ]}
          onChange={(v) => set({ channels: v === '1' ? 1 : 3 })}
        />
      </fieldset>
    );
  }
  if (SUBSET_SIZES[source.id]) return <SubsetField config={config} onChange={onChange} />;
  if (!builtinInfo(source.id).synthetic) return null;
  return (
    <fieldset className="data-group">
      <legend>{t('generator')}</legend>
      <div className="data-row">
        <NumberField
          label={t('samples')}
          value={source.samples}
          min={10}
          max={100000}
          onCommit={(v) => onChange({ ...config, source: { ...source, samples: Math.trunc(v) } })}
        />
        <NumberField
          label={t('seed')}
          value={source.seed}
          step={1}
          onCommit={(v) => onChange({ ...config, source: { ...source, seed: Math.trunc(v) } })}
        />
      </div>
    </fieldset>
  );
}

/** The config for a built-in dataset with default split and size. */
export function builtinConfig(id: BuiltinId): DatasetConfig {
  const info = builtinInfo(id);
  return {
    version: 1,
    source: { kind: 'builtin', id, seed: 1, samples: info.size },
    split: DEFAULT_SPLIT,
    augment: id === 'digits-audio' ? SPEECH_AUGMENT : null,
    fitted: {},
  };
}
