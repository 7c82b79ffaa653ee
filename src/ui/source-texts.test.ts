/**
 * Texts that live outside the UI but are shown in it — template titles and descriptions (src/graph), built-in
 * dataset names and descriptions (src/data) — each have a catalog entry whose English is exactly the source's,
 * so a Chinese person reads them in Chinese. When a source text changes, this test names the entry to update
 * (until then the UI shows the new English rather than a stale translation).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { BUILTINS } from '../data';
import { TEMPLATES } from '../graph';
import { i18n, translateOr } from '../i18n';
import { en } from '../i18n/resources';

describe('template and dataset texts', () => {
  afterAll(() => void i18n.changeLanguage('en'));

  it('has every template and built-in dataset in the English catalog, word for word', () => {
    const templates = en.app.template as Record<string, { title: string; description: string }>;
    const builtins = en.data.builtin as Record<string, { name: string; description: string }>;
    const stale = [
      ...TEMPLATES.filter(
        (t) => templates[t.id]?.title !== t.title || templates[t.id]?.description !== t.description,
      ).map((t) => `app:template.${t.id}`),
      ...BUILTINS.filter(
        (b) => builtins[b.id]?.name !== b.name || builtins[b.id]?.description !== b.description,
      ).map((b) => `data:builtin.${b.id}`),
    ];
    expect(stale).toEqual([]);
  });

  it('shows them in Chinese, and a changed source text in its new English', async () => {
    await i18n.changeLanguage('zh-CN');
    const cnn = TEMPLATES.find((t) => t.id === 'reference-cnn')!;
    expect(translateOr('app:template.reference-cnn.title', cnn.title)).toBe('MNIST 手写数字 CNN');
    expect(translateOr('data:builtin.iris.name', 'Iris flowers')).toBe('Iris 鸢尾花');
    expect(translateOr('data:builtin.iris.name', 'Iris flowers, renamed')).toBe('Iris flowers, renamed');
  });
});
