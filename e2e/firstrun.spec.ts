import { expect, type Locator, type Page, test } from '@playwright/test';
import { Studio } from './studio';
import { TrainingPanelPage } from './training-helpers';

/** Every pair of boxes in the list that overlap (by more than a pixel). */
async function overlapping(nodes: Locator): Promise<string[]> {
  const boxes = await Promise.all(
    (await nodes.all()).map(async (n) => ({
      name: await n.getAttribute('data-node-name'),
      box: (await n.boundingBox())!,
    })),
  );
  const found: string[] = [];
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1)) {
      const x = Math.min(a.box.x + a.box.width, b.box.x + b.box.width) - Math.max(a.box.x, b.box.x);
      const y = Math.min(a.box.y + a.box.height, b.box.y + b.box.height) - Math.max(a.box.y, b.box.y);
      if (x > 1 && y > 1) found.push(`${a.name} × ${b.name}`);
    }
  return found;
}

/** Fields, buttons and selects of a dialog that reach into (or past) its padding at the left or right. */
async function overflowing(page: Page, dialog: Locator): Promise<string[]> {
  const outer = (await dialog.boundingBox())!;
  const out: string[] = [];
  for (const el of await dialog.locator('input, select, textarea, button, pre, table').all()) {
    const box = await el.boundingBox();
    if (!box || !(await el.isVisible())) continue;
    // Inside the dialog's padding: a field flush with (or past) its edge has overflowed its content box.
    if (box.x + box.width > outer.x + outer.width - 8 || box.x < outer.x + 8)
      out.push(
        `${await el.evaluate((e) => e.outerHTML.slice(0, 80))} (${Math.round(box.x + box.width)} > ${Math.round(outer.x + outer.width)})`,
      );
  }
  expect(outer.x + outer.width).toBeLessThanOrEqual((page.viewportSize()?.width ?? 0) + 1);
  return out;
}

test('a template opens with its dataset and settings; Train waits for the check and fixes with consent', async ({
  page,
}) => {
  const studio = new Studio(page);
  await studio.open();
  await studio.openTemplate('LSTM text classifier');
  const train = new TrainingPanelPage(page);
  await train.openTab();
  await expect(train.field('Epochs')).toHaveValue('2');
  await expect(
    train.panel.getByRole('status').filter({ hasText: 'The dataset fits the model.' }),
  ).toBeVisible();

  await studio.select('embedding');
  await page.getByRole('tab', { name: 'Layer' }).click();
  await page.getByLabel('inputDim', { exact: true }).fill('2000');
  await page.getByLabel('inputDim', { exact: true }).press('Enter');
  await train.openTab();
  await expect(
    train.panel.getByText(/has inputDim 2,000, but the dataset's ids run up to 4,999/),
  ).toBeVisible();
  await train.button('Train').click();
  await expect(train.alert).toContainText('Train waits: the dataset does not fit the model.');
  await expect(train.button('Stop')).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath('firstrun-check-blocks-train.png') });

  await train.panel.getByRole('button', { name: 'Apply the fixes and train' }).click();
  await expect(train.button('Stop')).toBeEnabled();
  await train.button('Stop').click();
  await studio.select('embedding');
  await page.getByRole('tab', { name: 'Layer' }).click();
  await expect(page.getByLabel('inputDim', { exact: true })).toHaveValue('5000');
});

test('epochs and batch size follow the dataset, shown as suggested, until the person sets them', async ({
  page,
}) => {
  const studio = new Studio(page);
  await studio.open();
  const train = new TrainingPanelPage(page);
  await train.open('Iris flowers');
  await expect(train.field('Epochs')).toHaveValue('100');
  await expect(train.field('Batch size')).toHaveValue('16');
  await expect(train.panel.locator('.training-suggested')).toHaveCount(2);
  await train.open('MNIST digits');
  await expect(train.field('Epochs')).toHaveValue('5');
  await expect(train.field('Batch size')).toHaveValue('32');
  await train.field('Epochs').fill('2');
  await train.open('Iris flowers');
  await expect(train.field('Epochs')).toHaveValue('2');
  await expect(train.field('Batch size')).toHaveValue('16');
  await expect(train.panel.locator('.training-suggested')).toHaveCount(1);
});

test('a layer added by click goes in between, never on top, and a refusal shows its reason and fix', async ({
  page,
}) => {
  const studio = new Studio(page);
  await studio.open();
  await studio.openTemplate('MLP for tabular data');
  await studio.select('dense');
  await studio.palette.getByRole('button', { name: 'Dropout', exact: true }).click();
  await expect(studio.canvas.locator('.layer-node')).toHaveCount(5);
  expect(await overlapping(studio.canvas.locator('.layer-node'))).toEqual([]);
  await expect(studio.node('dropout')).toContainText('(None, 16)');

  await studio.select('dense_1');
  await studio.palette.getByRole('button', { name: 'Conv2D', exact: true }).click();
  await expect(page.getByText(/Cannot connect dense_1 → conv2d: Conv2D needs a rank-4 input/)).toBeVisible();
  expect(await overlapping(studio.canvas.locator('.layer-node'))).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('firstrun-click-add-refused.png') });
  await page.getByRole('button', { name: 'Insert Reshape [4, 4, 1]' }).click();
  await expect(studio.node('conv2d')).toContainText('(None, 2, 2, 32)');
  expect(await overlapping(studio.canvas.locator('.layer-node'))).toEqual([]);
  await expect(page.locator('.minimap-node')).toHaveCount(7);
});

test('Loss and Accuracy charts show in the Train panel during a run', async ({ page }) => {
  const studio = new Studio(page);
  await studio.open();
  await studio.openTemplate('MLP for tabular data');
  const train = new TrainingPanelPage(page);
  await train.openTab();
  await train.panel.getByRole('combobox', { name: 'Backend', exact: true }).selectOption('cpu');
  await train.field('Epochs').fill('20');
  await train.button('Train').click();
  await expect(train.panel.getByRole('figure', { name: 'Loss chart' })).toBeVisible();
  await expect(train.panel.getByRole('figure', { name: 'Accuracy chart' })).toBeVisible();
  await expect(train.epochs.first()).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: test.info().outputPath('firstrun-train-charts.png') });
  await expect(train.button('Train')).toBeEnabled({ timeout: 90_000 });
  await page.getByRole('tab', { name: 'Runs' }).click();
  await expect(page.getByRole('figure', { name: 'Loss chart' })).toBeVisible();
});

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test(`no dialog field overflows at ${viewport.width}×${viewport.height}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const studio = new Studio(page);
    await studio.open();
    await studio.openTemplate('MLP for tabular data');
    // Publish opens once the project has trained weights: one quick epoch.
    const train = new TrainingPanelPage(page);
    await train.openTab();
    await train.panel.getByRole('combobox', { name: 'Backend', exact: true }).selectOption('cpu');
    await train.field('Epochs').fill('1');
    await train.button('Train').click();
    await expect(train.epochs.first()).toBeVisible({ timeout: 60_000 });
    await expect(train.button('Train')).toBeEnabled();
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const publish = page.getByRole('dialog', { name: 'Publish' });
    await expect(publish).toBeVisible();
    expect(await overflowing(page, publish)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`firstrun-publish-${viewport.width}.png`) });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Templates' }).click();
    const templates = page.getByRole('dialog', { name: 'Templates' });
    expect(await overflowing(page, templates)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`firstrun-templates-${viewport.width}.png`) });
  });
}
