import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

// A Chinese person reads the data loaders' sentences and the domain templates in Chinese too.
test.use({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/data/${name}`, import.meta.url));

test('a broken CSV is explained in Chinese, with its row and counts; the domain templates have Chinese titles', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByLabel('保存状态')).toHaveText('已保存');

  await page.getByRole('tab', { name: '数据' }).click();
  const data = page.getByRole('region', { name: '数据' });
  const dataset = data.getByRole('combobox', { name: '数据集', exact: true });
  await dataset.selectOption({ label: '上传 CSV…' });
  await data.getByLabel('CSV 文件', { exact: true }).setInputFiles(fixture('broken-ragged.csv'));
  await expect(data.getByRole('alert')).toHaveText(
    '第 4 行有 2 个字段，但表头有 3 个。每一行都需要相同数量的以“,”分隔的字段。',
  );
  await data.getByLabel('CSV 文件', { exact: true }).setInputFiles(fixture('latin1.csv'));
  await expect(data.getByRole('alert')).toContainText('该文件不是 UTF-8 文本');
  await data.screenshot({ path: test.info().outputPath('data-error-zh.png') });

  await page.getByRole('button', { name: '模板' }).click();
  const dialog = page.getByRole('dialog');
  for (const title of ['矩阵分解', '神经推荐模型', '单目标定位器', '语音命令 CNN'])
    await expect(dialog.getByRole('heading', { name: title, exact: true })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('templates-zh.png') });
});

test.describe('an English browser', () => {
  test.use({ locale: 'en-US' });

  test('switches to Chinese in the header: the Chinese texts are fetched then and stay after a reload', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('navigation', { name: 'Layer palette' })).toBeVisible();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await expect(page.getByRole('navigation', { name: '层面板' })).toBeVisible();
    await expect(page.getByRole('tab', { name: '训练' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('navigation', { name: '层面板' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  });
});
