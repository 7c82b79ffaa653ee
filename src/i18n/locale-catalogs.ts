/**
 * The catalogs of every language but English, one chunk fetched on first use (English is bundled with the app).
 * Each file under `locales/<language>/` exports one namespace, named after the file (`train.ts` → `train`).
 */
const files = import.meta.glob<Record<string, unknown>>('./locales/zh-CN/*.ts', { eager: true });

/** The namespace `ns` of language `lng`, or an empty one when the studio does not speak that language. */
export function catalog(lng: string, ns: string): Record<string, unknown> {
  if (lng !== 'zh-CN') return {};
  const file = files[`./locales/zh-CN/${ns}.ts`];
  return file ? (Object.values(file)[0] as Record<string, unknown>) : {};
}
