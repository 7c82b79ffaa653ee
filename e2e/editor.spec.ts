import { expect, test } from '@playwright/test';
import { Studio } from './studio';

test('build the reference CNN by mouse, see live shapes, undo, refuse a cycle, survive a reload', async ({
  page,
}) => {
  const studio = new Studio(page);
  await studio.open();

  await studio.drag('Input', 300, 60);
  await studio.drag('Conv2D', 300, 190);
  await studio.drag('MaxPooling2D', 300, 320);
  await studio.drag('Flatten', 300, 450);
  await studio.drag('Dense', 300, 580);
  await expect(studio.canvas.locator('.layer-node')).toHaveCount(5);

  await studio.connect('input', 'conv2d');
  await studio.connect('conv2d', 'max_pooling2d');
  await studio.connect('max_pooling2d', 'flatten');
  await studio.connect('flatten', 'dense');
  await expect(studio.canvas.locator('.react-flow__edge')).toHaveCount(4);

  await studio.select('input');
  await page.getByLabel('shape', { exact: true }).fill('28, 28, 1');
  const conv = studio.node('conv2d');
  await expect(conv).toContainText('(None, 26, 26, 32)');
  await expect(conv).toContainText('320 params');
  await expect(studio.node('dense')).toContainText('(None, 32)');

  await studio.select('conv2d');
  await page.getByLabel('filters', { exact: true }).fill('16');
  await expect(conv).toContainText('(None, 26, 26, 16)');
  await expect(conv).toContainText('160 params');
  await expect(studio.node('max_pooling2d')).toContainText('(None, 13, 13, 16)');
  await expect(studio.node('flatten')).toContainText('(None, 2704)');
  await expect(studio.node('dense')).toContainText('86,560 params');

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(conv).toContainText('(None, 26, 26, 32)');
  await expect(studio.node('flatten')).toContainText('(None, 5408)');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(conv).toContainText('160 params');
  await studio.canvas.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+z');
  await expect(conv).toContainText('320 params');

  await studio.connect('dense', 'conv2d');
  await expect(page.getByRole('alert')).toContainText('would make a cycle');
  await expect(studio.canvas.locator('.react-flow__edge')).toHaveCount(4);
  await page.screenshot({ path: 'test-results/editor-reference-cnn.png' });

  await expect(page.getByLabel('Save status')).toHaveText('Saved');
  await page.reload();
  await expect(studio.node('conv2d')).toContainText('(None, 26, 26, 32)');
  await expect(studio.canvas.locator('.react-flow__edge')).toHaveCount(4);
});

test('an impossible connection is refused with a fix that inserts the missing layer', async ({ page }) => {
  const studio = new Studio(page);
  await studio.open();
  await studio.drag('Input', 300, 60);
  await studio.select('input');
  await page.getByLabel('shape', { exact: true }).fill('784');
  await studio.drag('Conv2D', 300, 240);
  await studio.connect('input', 'conv2d');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Conv2D needs a rank-4 input (None, h, w, c); it got (None, 784)');
  await alert.getByRole('button', { name: 'Insert Reshape [28, 28, 1]' }).click();
  await expect(studio.node('reshape')).toContainText('(None, 28, 28, 1)');
  await expect(studio.node('conv2d')).toContainText('(None, 26, 26, 32)');
});

test('delete, copy-paste and the templates gallery', async ({ page }) => {
  const studio = new Studio(page);
  await studio.open();
  const titles = [
    'CNN for MNIST digits',
    'MLP for tabular data',
    'LSTM text classifier',
    'Convolutional autoencoder',
    'Residual block',
    'Two-input model',
  ];
  for (const title of titles) {
    await studio.openTemplate(title);
    await expect(studio.canvas.locator('.layer-node').first()).toBeVisible();
    await expect(studio.canvas.locator('.layer-node--error')).toHaveCount(0);
    await expect(page.getByTestId('total-params')).not.toHaveText('0');
    await page.screenshot({ path: `test-results/template-${title.replace(/\W+/g, '-').toLowerCase()}.png` });
  }
  await studio.openTemplate('CNN for MNIST digits');
  await expect(studio.canvas.locator('.layer-node')).toHaveCount(5);
  await studio.select('dense');
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(studio.canvas.locator('.layer-node')).toHaveCount(6);
  await expect(studio.node('dense_1')).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(studio.canvas.locator('.layer-node')).toHaveCount(5);
  await studio.select('flatten');
  await page.keyboard.press('Delete');
  await expect(studio.node('dense')).toContainText('needs an input');
  await page.keyboard.press('Control+z');
  await expect(studio.node('dense')).toContainText('(None, 10)');
});

test('a broken project file shows a message and changes nothing', async ({ page }) => {
  const studio = new Studio(page);
  await studio.open();
  await studio.openTemplate('MLP for tabular data');
  await page.getByLabel('Project file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "model-studio/project", "version": 1, "graph": {"nodes": [{"id": 1}]'),
  });
  await expect(page.getByRole('alert')).toContainText('not valid JSON');
  await expect(studio.canvas.locator('.layer-node')).toHaveCount(4);
  await page.getByLabel('Project file').setInputFiles({
    name: 'other.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "excalidraw", "elements": []}'),
  });
  await expect(page.getByRole('alert')).toContainText('not a Model Studio project');
  await expect(studio.canvas.locator('.layer-node')).toHaveCount(4);
});
