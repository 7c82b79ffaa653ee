import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ENV_SPECS, type EnvId } from '../../envs';

/** The "Game" combobox: the game an agent project plays (its "dataset"), or none. */
export function GameSelect({ value, onChange }: { value: EnvId | null; onChange(env: EnvId | null): void }) {
  const { t } = useTranslation('play');
  const id = useId();
  return (
    <div className="training-field">
      <label htmlFor={id}>{t('game')}</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(e) => onChange((e.target.value || null) as EnvId | null)}
      >
        <option value="">{t('noGame')}</option>
        {ENV_SPECS.map((s) => (
          <option key={s.id} value={s.id}>
            {t(`games.${s.id}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
