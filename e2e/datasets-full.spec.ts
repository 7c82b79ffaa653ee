import { expect, type Page, test } from '@playwright/test';
import { Studio } from './studio';
import { TrainingPanelPage } from './training-helpers';

/** Opens the studio's data panel and returns it. */
async function openData(page: Page) {
  await new Studio(page).open();
  await page.getByRole('tab', { name: 'Data' }).click();
  const panel = page.getByRole('region', { name: 'Data' });
  await expect(panel.getByRole('combobox', { name: 'Dataset', exact: true })).toBeVisible();
  return panel;
}

const fact = (panel: ReturnType<Page['getByRole']>, name: string) =>
  panel
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${name}$`) })
    .locator('xpath=following-sibling::dd[1]');

test('picking Fashion-MNIST shows its clothes grid, class names and the full split; a subset trains on fewer', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const panel = await openData(page);
  await panel
    .getByRole('combobox', { name: 'Dataset', exact: true })
    .selectOption({ label: 'Fashion-MNIST' });
  const grid = panel.getByRole('list', { name: 'Sample images' });
  await expect(grid.getByRole('img')).toHaveCount(24, { timeout: 60_000 });
  const classes =
    /^Sample \d+: (T-shirt\/top|Trouser|Pullover|Dress|Coat|Sandal|Shirt|Sneaker|Bag|Ankle boot)$/;
  for (const img of await grid.getByRole('img').all()) await expect(img).toHaveAccessibleName(classes);
  await expect(fact(panel, 'Training')).toHaveText('55,000');
  await expect(fact(panel, 'Validation')).toHaveText('5,000');
  await expect(fact(panel, 'Test')).toHaveText('10,000');
  await expect(fact(panel, 'Input')).toHaveText('(None, 28, 28, 1) float32');
  const balance = panel.getByRole('figure', { name: 'Class balance' });
  await expect(balance).toContainText('T-shirt/top');
  await expect(balance).toContainText('Ankle boot');

  const subset = panel.getByRole('combobox', { name: 'Training images' });
  await expect(subset).toHaveValue('55000');
  await subset.selectOption({ label: '10,000 (quick run)' });
  await expect(fact(panel, 'Training')).toHaveText('10,000', { timeout: 60_000 });
  await expect(fact(panel, 'Test')).toHaveText('10,000');
  await expect(panel.getByText('Validation (5,000) and test (10,000) splits stay whole.')).toBeVisible();
});

test('MNIST is the full 60,000 + 10,000 digits; a quick 10,000-digit subset is one click away and trains', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const panel = await openData(page);
  await panel.getByRole('combobox', { name: 'Dataset', exact: true }).selectOption({ label: 'MNIST digits' });
  const grid = panel.getByRole('list', { name: 'Sample images' });
  await expect(grid.getByRole('img')).toHaveCount(24, { timeout: 60_000 });
  await expect(grid.getByRole('img').first()).toHaveAccessibleName(/^Sample 1: \d$/);
  await expect(fact(panel, 'Training')).toHaveText('55,000');
  await expect(fact(panel, 'Validation')).toHaveText('5,000');
  await expect(fact(panel, 'Test')).toHaveText('10,000');
  const subset = panel.getByRole('combobox', { name: 'Training images' });
  await expect(subset).toHaveValue('55000');
  await subset.selectOption({ label: '10,000 (quick run)' });
  await expect(fact(panel, 'Training')).toHaveText('10,000', { timeout: 60_000 });

  // The reference CNN trains on the subset: the progress line counts its 10,000 digits in batches of 32.
  await new Studio(page).openTemplate('CNN for MNIST digits');
  await page.getByRole('tab', { name: 'Data' }).click();
  await panel
    .getByRole('combobox', { name: 'Training images' })
    .selectOption({ label: '10,000 (quick run)' });
  await expect(fact(panel, 'Training')).toHaveText('10,000', { timeout: 60_000 });
  const train = new TrainingPanelPage(page);
  await train.openTab();
  await train.panel.getByRole('combobox', { name: 'Backend', exact: true }).selectOption('cpu');
  await train.field('Epochs').fill('1');
  await train.button('Train').click();
  await expect(train.progress).toContainText(/Epoch 1\/1 · batch \d+\/313/, { timeout: 60_000 });
  await train.button('Stop').click();
  await expect(train.button('Train')).toBeEnabled({ timeout: 60_000 });
});
