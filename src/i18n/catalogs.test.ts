import { describe, expect, it } from 'vitest';
import { createI18n, detectLanguage } from './index';
import { en, zhCN } from './resources';

type Tree = { [k: string]: string | Tree };

/** Every leaf of a catalog as `path → text`. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(path, v);
    else for (const [p, s] of leaves(v, path)) out.set(p, s);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  const english = leaves(en as unknown as Tree);
  const chinese = leaves(zhCN as unknown as Tree);

  it('have the same namespaces in both languages', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('have every English key in Chinese and no extra ones', () => {
    const missing = [...english.keys()].filter((k) => !chinese.has(k));
    const extra = [...chinese.keys()].filter((k) => !english.has(k));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it('keep the same placeholders in both languages and leave no text empty', () => {
    const wrong: string[] = [];
    for (const [key, text] of english) {
      const zh = chinese.get(key) ?? '';
      if (!text.trim() || !zh.trim()) wrong.push(`${key}: empty`);
      else if (placeholders(text).join() !== placeholders(zh).join()) wrong.push(`${key}: ${text} ≠ ${zh}`);
    }
    expect(wrong).toEqual([]);
  });

  it('translate every sentence: no Chinese entry is English words left as they were', () => {
    // Names that are the same in both languages (Conv2D, SGD, REST URL, NaN) are single or upper-case words.
    const untranslated = [...english].filter(
      ([key, text]) => chinese.get(key) === text && /\b[a-z]{2,}\s+[a-z]{2,}\b/.test(text),
    );
    expect(untranslated).toEqual([]);
  });

  it('format plurals and numbers per language', async () => {
    const enI18n = createI18n('en');
    expect(enI18n.t('samples', { count: 1 })).toBe('1 sample');
    expect(enI18n.t('samples', { count: 8500 })).toBe('8,500 samples');
    expect(enI18n.t('percent', { value: 0.978 })).toBe('97.8%');
    const zh = createI18n('zh-CN');
    await zh.changeLanguage('zh-CN'); // the Chinese catalog is fetched on first use
    expect(zh.t('samples', { count: 8500 })).toBe('8,500 个样本');
    expect(zh.t('saved')).toBe('已保存');
  });

  it('load every Chinese namespace lazily, exactly as the catalog defines it', async () => {
    const { catalog } = await import('./locale-catalogs');
    for (const ns of Object.keys(zhCN) as (keyof typeof zhCN)[]) expect(catalog('zh-CN', ns)).toBe(zhCN[ns]);
  });

  it('start in the remembered language, else the browser language', () => {
    expect(detectLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(detectLanguage(null, ['zh-TW', 'en'])).toBe('zh-CN');
    expect(detectLanguage(null, ['de-DE', 'en-GB'])).toBe('en');
    expect(detectLanguage('xx', [])).toBe('en');
  });
});
