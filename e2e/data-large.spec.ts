import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { Studio } from './studio';

// A moderately large CSV (≈10 MB, 160,000 rows), generated here so the repository holds no big fixture.
const ROWS = 160_000;
let dir = '';
let csvPath = '';

test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'e2e-data-large-'));
  csvPath = join(dir, 'large.csv');
  let seed = 5;
  const rand = () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const kinds = ['alpha', 'beta', 'gamma'];
  const lines = ['a,b,c,d,e,f,g,h,kind'];
  for (let i = 0; i < ROWS; i++) {
    const f = Array.from({ length: 8 }, (_, k) => (rand() * 10 ** (k % 4)).toFixed(3));
    lines.push(`${f.join(',')},${kinds[i % 3]}`);
  }
  writeFileSync(csvPath, `${lines.join('\n')}\n`);
});

test.afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a large CSV shows progress, can be cancelled without touching the current dataset, then loads', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await new Studio(page).open();
  await page.getByRole('tab', { name: 'Data' }).click();
  const panel = page.getByRole('region', { name: 'Data' });
  const dataset = panel.getByRole('combobox', { name: 'Dataset', exact: true });
  const fact = (name: string) =>
    panel
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${name}$`) })
      .locator('xpath=following-sibling::dd[1]');

  await dataset.selectOption({ label: 'Iris flowers' });
  await expect(fact('Samples')).toHaveText('150');

  // Cancel while it loads: a clear message, and Iris is still the current dataset.
  await dataset.selectOption({ label: 'Upload CSV…' });
  await panel.getByLabel('CSV file', { exact: true }).setInputFiles(csvPath);
  const progress = panel.getByRole('progressbar');
  await expect(progress).toBeVisible();
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByRole('alert')).toHaveText(/cancelled/i);
  await expect(progress).toHaveCount(0);
  await expect(panel.getByText('Current dataset: Iris flowers')).toBeVisible();
  await expect(fact('Samples')).toHaveText('150');
  await page.waitForTimeout(1_000); // nothing cancelled may still finish and replace the dataset
  await expect(fact('Samples')).toHaveText('150');
  await expect(fact('Input')).toHaveText('(None, 4) float32');
  await panel.screenshot({ path: test.info().outputPath('data-large-cancelled.png') });

  // The same file, not cancelled, loads fully and becomes the current dataset.
  await dataset.selectOption({ label: 'Upload CSV…' });
  await panel.getByLabel('CSV file', { exact: true }).setInputFiles(csvPath);
  await expect(fact('Samples')).toHaveText(ROWS.toLocaleString('en-US'), { timeout: 40_000 });
  await expect(dataset).toHaveValue('current');
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await expect(progress).toHaveCount(0);
  await expect(panel.getByText('Current dataset: Iris flowers')).toHaveCount(0);
  await panel.screenshot({ path: test.info().outputPath('data-large-loaded.png') });
});
