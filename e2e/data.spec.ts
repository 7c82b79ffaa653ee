import { expect, type Page, test } from '@playwright/test';
import { DataPanelPage, fixture } from './data-panel';
import { Studio } from './studio';

async function openData(page: Page): Promise<DataPanelPage> {
  await new Studio(page).open();
  const data = new DataPanelPage(page);
  await data.open();
  return data;
}

test('choosing MNIST shows the digit grid and the split counts', async ({ page }) => {
  const data = await openData(page);
  await data.dataset.selectOption({ label: 'MNIST digits' });
  const grid = data.panel.getByRole('list', { name: 'Sample images' });
  // The full 70,000 digits (55 MB packed) load in the data worker first.
  await expect(grid.getByRole('img')).toHaveCount(24, { timeout: 60_000 });
  await expect(grid.getByRole('img').first()).toHaveAccessibleName(/^Sample 1: \d$/);
  await expect(data.fact('Training')).toHaveText('55,000');
  await expect(data.fact('Validation')).toHaveText('5,000');
  await expect(data.fact('Test')).toHaveText('10,000');
  await expect(data.fact('Input')).toHaveText('(None, 28, 28, 1) float32');
  await expect(data.panel.getByRole('figure', { name: 'Class balance' })).toBeVisible();
  await data.panel.screenshot({ path: test.info().outputPath('data-panel-mnist.png') });
});

test('the spam corpus shows e-mails as tokens with the vocabulary ids it will train on', async ({ page }) => {
  const data = await openData(page);
  await data.dataset.selectOption({ label: 'Spam e-mails (text)' });
  const texts = data.panel.getByRole('list', { name: 'Sample texts' });
  await expect(texts.getByRole('listitem')).toHaveCount(4);
  await expect(texts.getByRole('listitem').first()).toContainText(/^(ham|spam)/);
  await expect(data.fact('Input')).toHaveText('(None, 100) int32');
  await expect(data.fact('Labels')).toHaveText('2 classes');
  await data.panel.screenshot({ path: test.info().outputPath('data-panel-text.png') });
});

test('an uploaded CSV shows its table, and picking the target updates labels and split sizes', async ({
  page,
}) => {
  const data = await openData(page);
  await data.upload('Upload CSV…', 'CSV file', 'plants.csv');
  await expect(data.fact('Labels')).toHaveText('numeric (1,)');
  await data.panel.getByLabel('Target column').selectOption({ label: 'kind' });
  await expect(data.fact('Labels')).toHaveText('3 classes');
  await expect(data.fact('Training')).toHaveText('32');
  await expect(data.fact('Validation')).toHaveText('4');
  await expect(data.fact('Test')).toHaveText('4');
  const table = data.panel.getByRole('table', { name: 'Sample rows' });
  await expect(table.getByRole('columnheader', { name: 'height_cm' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'colour=green' })).toBeVisible();
  await expect(data.dataset).toHaveValue('current');
  await data.panel.screenshot({ path: test.info().outputPath('data-panel-csv.png') });
});

test('a broken CSV is explained while the previous dataset stays', async ({ page }) => {
  const data = await openData(page);
  await data.dataset.selectOption({ label: 'Iris flowers' });
  await expect(data.fact('Samples')).toHaveText('150');
  await data.upload('Upload CSV…', 'CSV file', 'broken-ragged.csv');
  await expect(data.alert).toHaveText(/Row 4 has 2 fields but the header has 3/);
  await expect(data.panel.getByText('Current dataset: Iris flowers')).toBeVisible();
  await expect(data.fact('Samples')).toHaveText('150');
  await data.panel.getByLabel('CSV file', { exact: true }).setInputFiles(fixture('latin1.csv'));
  await expect(data.alert).toHaveText(/not UTF-8 text/);
  await expect(data.fact('Samples')).toHaveText('150');
  await data.panel.screenshot({ path: test.info().outputPath('data-panel-broken.png') });
});

test('a zip of class folders decodes in the browser; bad files are skipped and counted', async ({ page }) => {
  const data = await openData(page);
  await data.upload('Upload images (folder or .zip)…', 'Image zip file', 'shapes.zip');
  const grid = data.panel.getByRole('list', { name: 'Sample images' });
  await expect(grid.getByRole('img')).toHaveCount(10);
  await expect(data.fact('Input')).toHaveText('(None, 32, 32, 3) float32');
  const notes = data.panel.getByRole('list', { name: 'Notes about the data' });
  await expect(notes).toContainText('1 file skipped: not images.');
  await expect(notes).toContainText('ignored: their paths point outside the archive');
  await expect(notes).toContainText('1 file skipped: empty (0 bytes).');
  await expect(notes).toContainText('1 file skipped: larger than 40 megapixels.');
  await expect(notes).toContainText('1 file skipped: damaged or not decodable.');
  await expect(data.panel.getByRole('list', { name: 'Augmentation preview' }).getByRole('img')).toHaveCount(
    8,
  );
  await data.panel.getByLabel('Rotation').fill('30');
  await data.panel.screenshot({ path: test.info().outputPath('data-panel-images.png') });
});

test('the dataset–model check explains a mismatch and fixes it in one click', async ({ page }) => {
  const studio = new Studio(page);
  await studio.open();
  await studio.openTemplate('CNN for MNIST digits');
  const data = new DataPanelPage(page);
  await data.open();
  await data.dataset.selectOption({ label: 'Iris flowers' });
  const check = data.panel.getByRole('list', { name: 'Dataset–model check' });
  await expect(check).toContainText('Each sample is (4,), but the Input "input" expects (28, 28, 1)');
  await check.getByRole('button', { name: 'Set Input to (4,)' }).click();
  await data.dataset.selectOption({ label: 'MNIST digits' });
  await check.getByRole('button', { name: 'Set Input to (28, 28, 1)' }).click();
  await expect(data.panel.getByText('The dataset fits the model.')).toBeVisible();
});

test('the dataset choice is saved with the project and survives a reload', async ({ page }) => {
  const data = await openData(page);
  await data.dataset.selectOption({ label: 'XOR' });
  await expect(data.fact('Samples')).toHaveText('800');
  await expect(page.getByLabel('Save status')).toHaveText('Saved');
  await page.reload();
  await data.open();
  await expect(data.dataset).toHaveValue('xor');
  await expect(data.fact('Samples')).toHaveText('800');
});

test('an uploaded file is kept in the browser, so a reload does not ask for it again', async ({ page }) => {
  const data = await openData(page);
  await data.upload('Upload CSV…', 'CSV file', 'plants.csv');
  await data.panel.getByLabel('Target column').selectOption({ label: 'colour' });
  await expect(data.fact('Labels')).toHaveText('3 classes');
  await expect(page.getByLabel('Save status')).toHaveText('Saved');
  await page.reload();
  await data.open();
  await expect(data.dataset).toHaveValue('current');
  await expect(data.fact('Samples')).toHaveText('40');
  await expect(data.panel.getByLabel('Target column')).toHaveValue('2');
});
