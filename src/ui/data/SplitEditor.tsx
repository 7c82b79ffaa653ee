import { useTranslation } from 'react-i18next';
import type { SplitConfig } from '../../data';
import { NumberField } from './fields';

interface Props {
  split: SplitConfig;
  fixed: boolean;
  onChange(split: SplitConfig): void;
}

const pct = (v: number) => Math.round(v * 1000) / 10;

/** Train / validation / test percentages, seed and stratification; validation and test adjust training. */
export function SplitEditor({ split, fixed, onChange }: Props) {
  const { t } = useTranslation('data');
  if (fixed) return <p className="muted small">{t('fixedSplit')}</p>;
  const set = (patch: Partial<SplitConfig>) => {
    const next = { ...split, ...patch };
    next.train = Math.round((1 - next.val - next.test) * 1000) / 1000;
    onChange(next);
  };
  return (
    <fieldset className="data-group">
      <legend>{t('split')}</legend>
      <div className="data-split">
        <span className="data-split-train">
          {t('training')} <strong>{pct(split.train)} %</strong>
        </span>
        <NumberField
          label={t('validation')}
          value={pct(split.val)}
          min={0}
          max={90}
          suffix="%"
          onCommit={(v) => set({ val: v / 100 })}
        />
        <NumberField
          label={t('test')}
          value={pct(split.test)}
          min={0}
          max={90}
          suffix="%"
          onCommit={(v) => set({ test: v / 100 })}
        />
      </div>
      <div className="data-row">
        <NumberField
          label={t('seed')}
          value={split.seed}
          step={1}
          onCommit={(v) => onChange({ ...split, seed: Math.trunc(v) })}
        />
        <label className="data-check">
          <input
            type="checkbox"
            checked={split.stratify}
            onChange={(e) => onChange({ ...split, stratify: e.target.checked })}
          />
          {t('stratify')}
        </label>
      </div>
    </fieldset>
  );
}
