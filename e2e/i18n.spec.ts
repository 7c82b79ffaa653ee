import { expect, test } from '@playwright/test';
import { Studio } from './studio';

// A person whose browser speaks Chinese: the studio starts in Chinese without being asked.
test.use({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });

test('a Chinese browser gets a Chinese studio; shape errors in Chinese; English chosen in the header is remembered', async ({
  page,
}) => {
  await page.goto('/');
  const palette = page.getByRole('navigation', { name: '层面板' });
  await expect(palette).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByLabel('保存状态')).toHaveText('已保存');
  await expect(page.getByRole('button', { name: '模板' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '训练' })).toBeVisible();
  // Layer type names stay Keras' own.
  await expect(palette.getByRole('button', { name: 'Conv2D', exact: true })).toBeVisible();
  await expect(palette.getByRole('heading', { name: '卷积' })).toBeVisible();

  const canvas = page.getByRole('region', { name: '模型图' });
  await expect(canvas).toContainText('从层面板把层拖到这里');
  const studio = new Studio(page);
  // Studio's locators are English; these two are the same elements under their Chinese names.
  Object.assign(studio, { palette, canvas });
  await studio.drag('Input', 300, 80);
  await studio.drag('Conv2D', 300, 260);
  const conv = studio.node('conv2d');
  await expect(conv).toContainText('Conv2D 需要一个输入：请把一个层连接到它。');

  await studio.connect('input', 'conv2d');
  await expect(conv).toContainText('(None, 26, 26, 32)');
  await expect(conv).toContainText('320 个参数');

  // A flat input: the error names the shapes and offers its fix, in Chinese.
  await studio.select('input');
  await page.getByLabel('shape', { exact: true }).fill('784');
  await expect(conv).toContainText(
    'Conv2D 需要秩为 4 的输入 (None, h, w, c)；实际得到 (None, 784)。请在它前面插入 Reshape [28, 28, 1]。',
  );
  const fix = conv.getByRole('button', { name: '修复：插入 Reshape [28, 28, 1]' });
  await expect(fix).toBeVisible();
  await studio.select('conv2d');
  await expect(page.getByRole('tabpanel')).toContainText('输出通道的数量。');
  await expect(page.getByRole('tabpanel')).toContainText('问题');
  // The README's picture is refreshed on request only (UPDATE_DOCS=1); a test run never rewrites the docs.
  await page.screenshot({
    path: process.env.UPDATE_DOCS ? 'docs/screenshot-zh.png' : 'test-results/screenshot-zh.png',
  });

  await fix.click();
  await expect(conv).toContainText('(None, 26, 26, 32)');
  await expect(page.getByLabel('保存状态')).toHaveText('已保存');

  await expect(page.getByRole('tabpanel')).toContainText('输出形状');

  // Switch to English in the header; the choice survives a reload although the browser still says zh-CN.
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(page.getByRole('navigation', { name: 'Layer palette' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Train' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByLabel('Save status')).toHaveText('Saved');
  await page.reload();

  await expect(page.getByRole('navigation', { name: 'Layer palette' })).toBeVisible();
  await expect(page.getByLabel('Save status')).toHaveText('Saved');
  await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
  await expect(
    page.getByRole('region', { name: 'Model graph' }).locator('[data-node-name="conv2d"]'),
  ).toContainText('320 params');
});
