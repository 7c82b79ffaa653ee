/**
 * The i18n set-up (i18next + react-i18next). The browser's language picks the default; a choice made in the
 * header's language switch is remembered in localStorage. Plurals follow CLDR rules through `Intl.PluralRules`
 * (`key_one` / `key_other`), numbers and percentages are formatted with `Intl` (`{{n, number}}`,
 * `{{v, percent}}`).
 */
import i18next, { type BackendModule, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, type Language, LANGUAGES } from './resources';

export { LANGUAGES, type Language } from './resources';

const STORAGE_KEY = 'model-studio.language';

/** The language to start in: the remembered choice, else the browser's, else English. */
export function detectLanguage(
  stored: string | null = safeStorage()?.getItem(STORAGE_KEY) ?? null,
  preferred: readonly string[] = typeof navigator === 'undefined' ? [] : (navigator.languages ?? []),
): Language {
  if (stored && LANGUAGES.some((l) => l.code === stored)) return stored as Language;
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/**
 * English is bundled (it is also every text's fallback); the other languages' catalogs are fetched when first
 * used, so a person reading English never downloads them (see `locale-catalogs.ts`).
 */
const lazyCatalogs: BackendModule = {
  type: 'backend',
  init() {},
  read(lng, ns, callback) {
    import('./locale-catalogs')
      .then((m) => callback(null, m.catalog(lng, ns)))
      .catch((e: unknown) => callback(e instanceof Error ? e.message : String(e), null));
  },
};

/** Creates an initialised i18next instance (tests make their own; the app uses `i18n`). */
export function createI18n(lng: Language = detectLanguage()): I18n {
  return createLoading(lng).instance;
}

function createLoading(lng: Language): { instance: I18n; ready: Promise<unknown> } {
  const instance = i18next.createInstance();
  const ready = instance
    .use(lazyCatalogs)
    .use(initReactI18next)
    .init({
      lng,
      fallbackLng: 'en',
      resources: { en },
      partialBundledLanguages: true,
      defaultNS: 'common',
      ns: Object.keys(en),
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
  return { instance, ready };
}

const loading = createLoading(detectLanguage());
/** The studio's one i18next instance. */
export const i18n = loading.instance;
/** Settles when the starting language's texts are loaded: at once for English, after one fetch for Chinese. */
export const i18nReady: Promise<unknown> = loading.ready;
syncDocumentLanguage(i18n.language);

/** Switches the UI language and remembers the choice. */
export function setLanguage(lng: Language): void {
  safeStorage()?.setItem(STORAGE_KEY, lng);
  void i18n.changeLanguage(lng);
  syncDocumentLanguage(lng);
}

function syncDocumentLanguage(lng: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}

type Lookup = (key: string, values?: Record<string, unknown>) => string;

/**
 * Says a text that comes from outside the UI (a template's title, a dataset's name) in the UI language: `english`
 * is the source's own text and `key` (built at run time, `app:template.<id>.title`) its catalog entry. The
 * translation is used only while the English catalog still says exactly `english`, so a text changed at its
 * source, or added later, shows in English rather than as a stale translation.
 */
export function translateOr(key: string, english: string, values?: Record<string, unknown>): string {
  const inEnglish = (i18n.getFixedT('en') as unknown as Lookup)(key, values);
  return inEnglish === english ? (i18n.t as unknown as Lookup)(key, values) : english;
}

/** Formats a number in the current UI language (`1,234.5` / `1,234.5`). */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(i18n.language, options).format(value);
}

/** Formats a fraction as a percentage in the current UI language (`0.978` → `97.8%`). */
export function formatPercent(fraction: number, digits = 1): string {
  return new Intl.NumberFormat(i18n.language, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(fraction);
}
