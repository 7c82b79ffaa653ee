import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language, setLanguage } from '../../i18n';

/** The header's language switch; the choice is remembered (see `src/i18n`). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <select
      className="topbar__language"
      aria-label={t('language')}
      value={i18n.language}
      onChange={(e) => setLanguage(e.target.value as Language)}
    >
      {LANGUAGES.map((l) => (
        <option key={l.code} value={l.code} lang={l.code}>
          {l.name}
        </option>
      ))}
    </select>
  );
}
