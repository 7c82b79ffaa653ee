import { useTranslation } from 'react-i18next';
import type { AudioOptions, DatasetConfig } from '../../data';
import { audioOptionsIssue, audioOptionsOf, featureShape } from '../../data';
import { dataErrorText } from './data-error-text';
import { NumberField, SelectField } from './fields';

const FFT_SIZES = ['128', '256', '512', '1024', '2048'] as const;

/** The audio preprocessing of the shown dataset: sample rate, clip length and spectrogram parameters. */
export function AudioEditor({
  config,
  onChange,
}: {
  config: DatasetConfig;
  onChange(c: DatasetConfig): void;
}) {
  const { t } = useTranslation('audio');
  const o = audioOptionsOf(config);
  const source = config.source;
  if (!o || (source.kind !== 'audio' && source.kind !== 'builtin')) return null;
  const set = (patch: Partial<AudioOptions>) => {
    const audio = { ...o, ...patch };
    // New parameters are refitted on load; the old fitted audio must not win over them.
    onChange({ ...config, source: { ...source, audio }, fitted: { ...config.fitted, audio: undefined } });
  };
  const issue = audioOptionsIssue(o);
  const problem = issue && dataErrorText({ message: issue.message, detail: issue });
  const whole = (v: number) => Math.round(v);
  return (
    <fieldset className="data-group">
      <legend>{t('legend')}</legend>
      <SelectField
        label={t('feature')}
        value={o.feature}
        options={[
          ['logmel', t('logmel')],
          ['mfcc', t('mfcc')],
        ]}
        onChange={(feature) => set({ feature })}
      />
      <div className="data-row">
        <NumberField
          label={t('sampleRate')}
          value={o.sampleRate}
          min={4000}
          max={48000}
          step={1000}
          suffix="Hz"
          onCommit={(v) => set({ sampleRate: whole(v) })}
        />
        <NumberField
          label={t('duration')}
          value={o.durationMs}
          min={100}
          max={10000}
          step={100}
          suffix="ms"
          onCommit={(v) => set({ durationMs: whole(v) })}
        />
      </div>
      <div className="data-row">
        <SelectField
          label={t('fftSize')}
          value={String(o.fftSize) as (typeof FFT_SIZES)[number]}
          options={FFT_SIZES.map((s) => [s, s] as const)}
          onChange={(v) => set({ fftSize: Number(v), hop: Math.min(o.hop, Number(v)) })}
        />
        <NumberField
          label={t('hop')}
          value={o.hop}
          min={1}
          max={o.fftSize}
          suffix={t('samplesUnit')}
          onCommit={(v) => set({ hop: whole(v) })}
        />
      </div>
      <div className="data-row">
        <NumberField
          label={t('melBands')}
          value={o.melBands}
          min={2}
          max={256}
          onCommit={(v) => set({ melBands: whole(v) })}
        />
        {o.feature === 'mfcc' && (
          <NumberField
            label={t('mfccCount')}
            value={o.mfccCount}
            min={1}
            max={o.melBands}
            onCommit={(v) => set({ mfccCount: whole(v) })}
          />
        )}
      </div>
      <div className="data-row">
        <NumberField
          label={t('fMin')}
          value={o.fMin}
          min={0}
          suffix="Hz"
          onCommit={(v) => set({ fMin: v })}
        />
        <NumberField
          label={t('fMax')}
          value={o.fMax}
          min={0}
          suffix="Hz"
          onCommit={(v) => set({ fMax: v })}
        />
      </div>
      {problem ? (
        <p className="data-alert" role="alert">
          {problem}
        </p>
      ) : (
        <p className="muted small">{t('shape', { shape: `(None, ${featureShape(o).join(', ')})` })}</p>
      )}
    </fieldset>
  );
}
